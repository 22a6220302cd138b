// A rest station's shared phone: a staff member enrols people, leaves a form half typed and a
// search in 待办, and signs out. The next person finds the worker's tabs and nothing of the
// staff member: not in state(), not in a form, not in the records; another staff member
// signing in after them starts from empty forms. Single-choice chips read as radios ("radio,
// 2 of 6") in the accessibility mirror.
//   node tests/e2e/shared_phone_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  appState, assert, e2eRun, e2eStart, findScrolled, findWidget, goTab, openApp, settle, signInStaff, tap, texts,
  typeInto, waitState, widgets,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const logins = demoLogins();
const district = logins.find((l) => l.login === 'demo-district');
const chengnan = logins.find((l) => l.login === 'demo-chengnan');

const tabLabels = async (page) => (await widgets(page)).filter((w) => w.role === 'tab').map((w) => w.label);

await e2eRun({ server, browser }, async () => {
  const { page, problems } = await openApp(browser, server);
  await signInStaff(page, district);
  assert(JSON.stringify(await tabLabels(page)) === JSON.stringify(['待办', '入会', '走访', '核验', '统计', '我的']),
    `the staff tabs: ${await tabLabels(page)}`);

  // Half an enrolment typed, and a search left in 待办.
  await goTab(page, '入会', 'enrol');
  await typeInto(page, '姓名', '李半填');
  await typeInto(page, '手机号', '13912340000');
  const radios = await page.evaluate(() => [...document.querySelectorAll('#nx-a11y [role=radio]')]
    .map((e) => ({ label: e.textContent, pos: e.getAttribute('aria-posinset'), size: e.getAttribute('aria-setsize') })));
  const rider = radios.find((r) => r.label === '外卖骑手');
  assert(rider && Number(rider.size) >= 4 && Number(rider.pos) >= 1 && Number(rider.pos) <= Number(rider.size),
    `a trade chip is a radio with its place in the row for screen readers: ${JSON.stringify(rider)}`);
  assert((await findScrolled(page, 'checkbox', '已向本人说明，本人同意')).checked === false, 'consent stays a checkbox');
  await goTab(page, '待办', 'inbox');
  await typeInto(page, '查找', '欠薪');

  await goTab(page, '我的', 'me');
  await tap(page, await findScrolled(page, 'button', '退出登录'));
  await waitState(page, () => !window.nuanxin.state().signed_in, null, 'signed out');
  await settle(page);
  await page.screenshot({ path: join(args.out, 'shared-phone-signed-out-390x844.png') });

  // The worker's tabs, on 首页, and nothing of the staff member.
  assert(JSON.stringify(await tabLabels(page)) === JSON.stringify(['首页', '驿站', '服务', '活动', '我的']),
    `the worker's tabs after sign-out: ${await tabLabels(page)}`);
  const state = await appState(page);
  assert(state.screen === 'home' && state.user === null && state.records === 0 && state.pending_ops === 0,
    `nothing of the staff member in state(): ${JSON.stringify(state)}`);
  for (const [label, screen] of [['首页', 'home'], ['驿站', 'stations'], ['服务', 'services'], ['活动', 'events'], ['我的', 'me']]) {
    await goTab(page, label, screen);
    const shown = await texts(page);
    assert(!shown.some((t) => t.includes('李半填') || t.includes('欠薪') || t.includes(district.name)),
      `${label} shows nothing of the staff member: ${shown.join(' | ')}`);
  }
  const stores = await page.evaluate(() => indexedDB.databases().then((dbs) => dbs.map((d) => d.name)));
  assert(!stores.some((n) => n.startsWith('nuanxin-user-')), `no person's store stays on the phone: ${stores}`);

  // The next staff member on this phone starts with empty forms.
  await signInStaff(page, chengnan);
  await goTab(page, '入会', 'enrol');
  const name = await findWidget(page, 'input', '姓名');
  const phone = await findWidget(page, 'input', '手机号');
  assert(!name.value && !phone.value, `the enrolment starts empty (${name.value}, ${phone.value})`);
  await goTab(page, '待办', 'inbox');
  assert(!(await findWidget(page, 'input', '查找')).value, 'the 待办 search starts empty');
  assert(problems.length === 0, `no page errors: ${problems.join('; ')}`);
  console.log('shared phone: ok (sign-out leaves the worker tabs and nothing of the staff member)');
});
