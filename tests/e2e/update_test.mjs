// A new version of the app: the service worker fetches it in the background, the app offers
// it (新版本可用) instead of swapping it in, and switches when the person taps 更新到新版本.
// Runs on a copy of the built app, so "publishing" a version touches nothing else.
//   node tests/e2e/update_test.mjs --server PATH --dist DIR --out DIR
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assert, e2eRun, e2eStart, findWidget, PHONE, tap, waitForApp, waitState, watchPage,
} from './lib.mjs';

const { args, server, browser } = await e2eStart({ copyDist: true });
const dist = server.dist;
await e2eRun({ server, browser }, async () => {
  const page = await (await browser.newContext(PHONE)).newPage();
  const problems = watchPage(page);
  await page.goto(server.url);
  await waitForApp(page);
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 15000 });
  const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  assert(!(await page.evaluate(() => window.nuanxin.state().update_available)), 'no update offered yet');

  // Publish a new version: its files differ, so its service worker differs.
  for (const name of ['sw.js']) {
    const file = join(dist, name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/const VERSION = '[^']*'/, "const VERSION = 'next-version'"));
    rmSync(`${file}.br`, { force: true });
    rmSync(`${file}.gz`, { force: true });
  }
  await page.reload();
  await waitForApp(page);
  await waitState(page, () => window.nuanxin.state().update_available, null, 'the new version to be offered');
  const stillOld = await page.evaluate(async () => (await caches.keys()).join(','));
  assert(/nuanxin-/.test(stillOld), `the running version still serves the app (${stillOld})`);
  await findWidget(page, 'text', '新版本可用。正在填写的内容请先提交，再更新。');
  await page.screenshot({ path: join(args.out, 'update-offered-390x844.png') });

  // The person chooses when: the new version takes over and the page reloads into it.
  await tap(page, await findWidget(page, 'button', '更新到新版本'));
  await page.waitForFunction(() => window.nuanxin && window.nuanxin.state().frames_drawn > 0 && !window.nuanxin.state().update_available
    && navigator.serviceWorker.controller, null, { timeout: 15000 });
  const keys = await page.evaluate(async () => (await caches.keys()).join(','));
  assert(keys === 'nuanxin-next-version', `only the new version's cache remains (${keys}; was ${before})`);
  assert(problems.length === 0, `no page errors: ${problems.join('; ')}`);
  console.log('update: ok (offered, applied on request)');
});
