// Sessions on a shared phone: when the session expires the outbox waits and sync asks the
// person to sign in again; signing out with unsynced changes is refused; and the next person
// to sign in on the same phone never sees the previous person's records.
//   node tests/e2e/session_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  apiRecords, assert, findScrolled, findWidget, goTab, PHONE, signInWorker, tap, typeInto,
  waitForApp, waitState, watchPage, widgets,
  e2eRun, e2eStart,
} from './lib.mjs';

// Sessions last 8 s here, so expiry happens during the test.
const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo', '--token-ttl', '8'] });
const logins = demoLogins();
const [first, second] = logins.filter((l) => l.role === 'worker');
const admin = logins.find((l) => l.role === 'admin');

await e2eRun({ server, browser }, async () => {
  const page = await (await browser.newContext(PHONE)).newPage();
  const problems = watchPage(page);
  await page.goto(server.url);
  await waitForApp(page);
  await signInWorker(page, first);

  // The session runs out; a question is written anyway and waits.
  await page.waitForTimeout(9000);
  const question = `会话过期后写的 ${Date.now()}`;
  await goTab(page, '服务', 'services');
  await typeInto(page, '向律师提问', question);
  await tap(page, await findWidget(page, 'button', '提交问题'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.needs_sign_in && s.pending_ops === 1; }, null,
    'sync to stop and ask for sign-in, the change kept');
  await goTab(page, '我的', 'me');
  await findWidget(page, 'text', '登录已过期，请重新登录。没同步的修改都还在本机。');
  await page.screenshot({ path: join(args.out, 'me-session-expired-390x844.png') });

  // Signing out now would lose the change: refused, in words.
  await tap(page, await findScrolled(page, 'button', '退出登录'));
  await findScrolled(page, 'text', '还有修改没同步，请先同步（或处理被退回的修改）再退出。');
  assert((await page.evaluate(() => window.nuanxin.state())).signed_in, 'still signed in');

  // Signing in again sends it.
  await findScrolled(page, 'input', '手机号');
  await typeInto(page, '手机号', first.login);
  const keypad = () => page.evaluate(() => document.getElementById('nx-text-input').getAttribute('inputmode'));
  assert(await keypad() === 'tel', `the phone field opens the phone keypad (${await keypad()})`);
  await typeInto(page, 'PIN 码（6 位数字）', first.secret);
  assert(await keypad() === 'numeric', `the PIN field opens the number pad (${await keypad()})`);
  await tap(page, await findWidget(page, 'button', '登录'));
  await waitState(page, () => { const s = window.nuanxin.state(); return !s.needs_sign_in && s.pending_ops === 0; }, null, 'the change sent after signing in again');
  const onServer = (await apiRecords(server, admin)).filter((r) => r.kind === 'service_request' && r.fields.description === question);
  assert(onServer.length === 1, `sent once after signing in again (${onServer.length})`);

  // Now signing out works, and the next person on this phone sees none of it.
  await tap(page, await findScrolled(page, 'button', '退出登录'));
  await waitState(page, () => !window.nuanxin.state().signed_in, null, 'signed out');
  // Nothing of theirs stays on the phone once everything is on the server.
  const firstId = (await apiRecords(server, first)).find((r) => r.kind === 'member').fields.owner_id;
  await page.waitForFunction((id) => indexedDB.databases().then((dbs) => !dbs.some((d) => d.name === `nuanxin-user-${id}`)),
    firstId, { timeout: 5000 }).catch(() => { throw new Error('the signed-out person\'s store is still on the phone'); });
  await signInWorker(page, second);
  await goTab(page, '服务', 'services');
  await page.waitForTimeout(300);
  assert(!(await widgets(page)).some((w) => w.label === question), "the next person does not see the previous person's question");
  const state = await page.evaluate(() => window.nuanxin.state());
  assert(state.user !== first.name || first.name === second.name, `signed in as the second person (${state.user})`);

  const real = problems.filter((p) => !/status of 401/.test(p));
  assert(real.length === 0, `no page errors: ${real.join('; ')}`);
  console.log('sessions: ok (expiry keeps the outbox, sign-out guarded, next person isolated)');
});
