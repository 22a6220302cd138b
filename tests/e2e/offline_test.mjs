// Offline in the field, in a real browser: a worker signs in through the UI, the union's data
// arrives on the phone, a question written while the server cannot be reached is saved on the
// phone (IndexedDB), survives reloading and closing the page, and reaches the server exactly
// once when it can be reached again.
//   node tests/e2e/offline_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  apiRecords, assert, findScrolled, findWidget, goTab, signInWorker, PHONE, tap, typeInto, waitForApp,
  waitState, watchPage,
  e2eRun, e2eStart,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const logins = demoLogins();
const worker = logins.find((l) => l.role === 'worker');
const admin = logins.find((l) => l.role === 'admin');

const questionsOnServer = async (text) => (await apiRecords(server, admin))
  .filter((r) => r.kind === 'service_request' && r.fields.description === text);

await e2eRun({ server, browser }, async () => {
  const context = await browser.newContext(PHONE);
  let page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(server.url);
  await waitForApp(page);

  // Sign in on 我的 with the phone number and PIN.
  await signInWorker(page, worker);
  await page.screenshot({ path: join(args.out, 'me-signed-in-390x844.png') });

  // The server cannot be reached (the phone has no signal for the API): write a question.
  await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  const question = `离线写的问题 ${Date.now()}：老板拖欠两个月工资怎么办？`;
  await goTab(page, '服务', 'services');
  await typeInto(page, '向律师提问', question);
  await tap(page, await findWidget(page, 'button', '提交问题'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.pending_ops === 1 && s.saving === 0; }, null, 'the question saved on the phone');
  await findWidget(page, 'text', question);
  await page.screenshot({ path: join(args.out, 'services-offline-question-390x844.png') });
  assert((await questionsOnServer(question)).length === 0, 'nothing reached the server yet');

  // Reload, then close the page and open a new one: the question is still on the phone.
  await page.reload();
  await waitForApp(page);
  await waitState(page, () => { const s = window.nuanxin.state(); return s.signed_in && s.pending_ops === 1; }, null, 'the outbox after a reload');
  await page.close();
  page = await context.newPage();
  await page.route('**/api/v1/sync/**', (route) => route.abort('internetdisconnected'));
  await page.goto(server.url);
  await waitForApp(page);
  await waitState(page, () => { const s = window.nuanxin.state(); return s.signed_in && s.pending_ops === 1; }, null, 'the outbox after closing the page');
  await goTab(page, '服务', 'services');
  await findWidget(page, 'text', question);

  // The server is reachable again: "sync now" sends it, once.
  await page.unroute('**/api/v1/sync/**');
  await goTab(page, '我的', 'me');
  await tap(page, await findScrolled(page, 'button', '立即同步'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.pending_ops === 0 && s.saving === 0; }, null, 'the outbox to empty');
  const onServer = await questionsOnServer(question);
  assert(onServer.length === 1, `the question is on the server exactly once (${onServer.length})`);
  assert(onServer[0].fields.status === 'ordered', `and waits for a lawyer (${onServer[0].fields.status})`);

  // Syncing again sends nothing twice.
  await tap(page, await findScrolled(page, 'button', '立即同步'));
  await page.waitForTimeout(1000);
  assert((await questionsOnServer(question)).length === 1, 'still exactly once after another sync');
  await page.screenshot({ path: join(args.out, 'me-synced-390x844.png') });

  // The page is closed while a push is in flight: the server has applied the batch, but its
  // answer never reaches the phone. Reopened, the phone sends the batch again; the server
  // answers "duplicate" and nothing is doubled.
  await goTab(page, '服务', 'services');
  let serverHasIt = false;
  await page.route('**/api/v1/sync/push', async (route) => {
    await route.fetch();  // the server applies it...
    serverHasIt = true;   // ...and the answer is held until the page is gone
  });
  const inFlight = `写完就关页面 ${Date.now()}`;
  await typeInto(page, '向律师提问', inFlight);
  await tap(page, await findWidget(page, 'button', '提交问题'));
  for (let i = 0; i < 100 && !serverHasIt; i++) await page.waitForTimeout(100);
  assert(serverHasIt, 'the push reached the server');
  await page.close();
  page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  await waitState(page, () => { const s = window.nuanxin.state(); return s.signed_in && s.pending_ops === 0 && s.saving === 0; }, null,
    'the outbox resumed and emptied');
  assert((await questionsOnServer(inFlight)).length === 1, 'the question pushed as the page closed is on the server once');

  // Offline start: the service worker controls the page after a reload, and with no network
  // at all the app still opens, says it is offline, and saves; back online, it syncs.
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  const manifest = await page.evaluate(() => fetch('manifest.webmanifest').then((r) => r.json()));
  assert(manifest.name && manifest.short_name === '暖新' && manifest.display === 'standalone' && manifest.start_url
    && manifest.icons.length > 0 && manifest.theme_color, `an installable manifest: ${JSON.stringify(manifest)}`);
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await waitState(page, () => { const s = window.nuanxin.state(); return s.signed_in && !s.online; }, null, 'the app opened offline');
  await findWidget(page, 'text', '离线');
  const offlineQuestion = `断网时写的问题 ${Date.now()}：工伤怎么认定？`;
  await goTab(page, '服务', 'services');
  await typeInto(page, '向律师提问', offlineQuestion);
  await tap(page, await findWidget(page, 'button', '提交问题'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.pending_ops === 1 && s.saving === 0; }, null, 'saved with no network');
  await page.screenshot({ path: join(args.out, 'services-no-network-390x844.png') });
  await context.setOffline(false);
  await waitState(page, () => { const s = window.nuanxin.state(); return s.online && s.pending_ops === 0; }, null, 'synced when back online');
  assert((await questionsOnServer(offlineQuestion)).length === 1, 'the question written with no network reached the server once');

  assert(problems.length === 0 || problems.every((p) => /Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p)),
    `no page errors: ${problems.join('; ')}`);
  console.log('offline: ok (sign-in, question saved offline, reload, reopen, synced once)');
});
