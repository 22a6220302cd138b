// The app people download (build/web/dist) carries no test entry points: the page sees
// widgets() and state() (the accessibility mirror and the shell use them), but nothing that
// writes data around the screens, such as the test build's window.nuanxin.save.
//   node tests/e2e/release_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import { assert, findWidget, openApp, e2eRun, e2eStart } from './lib.mjs';

const { args, server, browser } = await e2eStart();
await e2eRun({ server, browser }, async () => {
  const { context, page, problems } = await openApp(browser, server);
  await findWidget(page, 'tab', '首页');
  const hooks = await page.evaluate(() => Object.keys(window.nuanxin).sort());
  assert(JSON.stringify(hooks) === JSON.stringify(['state', 'widgets']), `the downloaded app exposes only widgets() and state(): ${hooks}`);
  const exported = await page.evaluate(() => typeof Module !== 'undefined' && typeof Module._nx_save);
  assert(exported !== 'function', 'no save entry point in the wasm exports');
  await page.screenshot({ path: join(args.out, 'release-home-390x844.png') });
  assert(problems.length === 0, `no page errors: ${problems.join('; ')}`);
  await context.close();
});
