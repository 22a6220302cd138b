// Offline in the field, in a real browser: a worker signs in through the UI, the union's data
// arrives on the phone, a question written while the server cannot be reached is saved on the
// phone (IndexedDB), survives reloading and closing the page, and reaches the server exactly
// once when it can be reached again.
//   node tests/e2e/offline_test.mjs --server PATH --dist DIR --out DIR
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  appState, assert, findWidget, launchBrowser, parseArgs, PHONE, startServer, tap, waitForApp, watchPage,
} from './lib.mjs';

const args = parseArgs(process.argv.slice(2));
for (const k of ['server', 'dist', 'out']) if (!args[k]) { console.error(`missing --${k}`); process.exit(2); }
mkdirSync(args.out, { recursive: true });

const server = await startServer({ server: args.server, dist: args.dist, extraArgs: ['--demo'] });
const logins = JSON.parse(readFileSync(join(server.data, 'demo-logins.json'), 'utf8'));
const worker = logins.find((l) => l.role === 'worker');
const admin = logins.find((l) => l.role === 'admin');
const browser = await launchBrowser();
let failed = false;

const waitState = (page, fn, arg, what) => page.waitForFunction(fn, arg, { timeout: 15000 })
  .catch(async () => { throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify(await appState(page))}`); });

async function typeInto(page, label, text) {
  await tap(page, await findWidget(page, 'input', label));
  await page.waitForFunction(() => document.activeElement?.id === 'nx-text-input', null, { timeout: 5000 });
  await page.keyboard.insertText(text);
  await page.waitForFunction(([l, v]) => window.nuanxin.widgets().some((w) => w.role === 'input' && w.label === l && w.value === v),
    [label, text], { timeout: 5000 });
}

async function goTab(page, label, screen) {
  await tap(page, await findWidget(page, 'tab', label));
  await page.waitForFunction((sc) => window.nuanxin.state().screen === sc, screen, { timeout: 5000 });
}

const api = (path) => server.url.replace(/\/+$/, '') + path;

async function questionsOnServer(text) {
  const login = await fetch(api('/api/v1/auth/staff/login'), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: admin.login, password: admin.secret }),
  }).then((r) => r.json());
  const records = [];
  for (let since = 0, more = true; more;) {
    const page = await fetch(api(`/api/v1/sync/pull?since=${since}&limit=1000`), { headers: { Authorization: `Bearer ${login.token}` } }).then((r) => r.json());
    records.push(...page.records);
    since = page.cursor;
    more = page.more;
  }
  return records.filter((r) => r.kind === 'service_request' && r.fields.description === text);
}

try {
  const context = await browser.newContext(PHONE);
  let page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(server.url);
  await waitForApp(page);

  // Sign in on 我的 with the phone number and PIN.
  await goTab(page, '我的', 'me');
  await typeInto(page, '手机号', worker.login);
  await typeInto(page, 'PIN 码（6 位数字）', worker.secret);
  await tap(page, await findWidget(page, 'button', '登录'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.signed_in && s.records > 50 && s.last_sync; }, null, 'sign-in and the first sync');
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
  await tap(page, await findWidget(page, 'button', '立即同步'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.pending_ops === 0 && s.saving === 0; }, null, 'the outbox to empty');
  const onServer = await questionsOnServer(question);
  assert(onServer.length === 1, `the question is on the server exactly once (${onServer.length})`);
  assert(onServer[0].fields.status === 'ordered', `and waits for a lawyer (${onServer[0].fields.status})`);

  // Syncing again sends nothing twice.
  await tap(page, await findWidget(page, 'button', '立即同步'));
  await page.waitForTimeout(1000);
  assert((await questionsOnServer(question)).length === 1, 'still exactly once after another sync');
  await page.screenshot({ path: join(args.out, 'me-synced-390x844.png') });

  assert(problems.length === 0 || problems.every((p) => /Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p)),
    `no page errors: ${problems.join('; ')}`);
  console.log('offline: ok (sign-in, question saved offline, reload, reopen, synced once)');
} catch (e) {
  failed = true;
  console.error(e.stack || e.message);
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
