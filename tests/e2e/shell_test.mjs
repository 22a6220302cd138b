// The app shell in a real browser on a phone-sized screen: it loads from the server, draws
// the tab bar in Chinese, switches screens by tapping a tab found by its label, works with a
// mouse too, changes language, and draws nothing while nobody touches it.
//   node tests/e2e/shell_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  appState, assert, findWidget, PHONE, tap, waitForApp, watchPage, widgets,
  e2eRun, e2eStart,
} from './lib.mjs';

const { args, server, browser } = await e2eStart();
await e2eRun({ server, browser }, async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = watchPage(page);

  const response = await page.goto(server.url);
  assert(response.ok(), `the page loads (status ${response.status()})`);
  await waitForApp(page);

  // The first screen: home, with the five tabs in Chinese along the bottom.
  let state = await appState(page);
  assert(state.screen === 'home', `starts on home, got ${state.screen}`);
  const tabs = (await widgets(page)).filter((w) => w.role === 'tab');
  assert(JSON.stringify(tabs.map((t) => t.label)) === JSON.stringify(['首页', '驿站', '服务', '活动', '我的']),
    `tab bar labels: ${tabs.map((t) => t.label)}`);
  for (const t of tabs) {
    assert(t.h >= 44 && t.w >= 44, `tab ${t.label} is a touch target >= 44 px (${t.w}x${t.h})`);
    assert(t.y + t.h <= PHONE.viewport.height + 0.5 && t.y > PHONE.viewport.height / 2, `tab ${t.label} sits at the bottom`);
  }
  assert(tabs[0].checked === true && tabs[1].checked === false, 'home tab is the selected one');
  await page.screenshot({ path: join(args.out, 'home-390x844.png') });

  // The first open says what the app is for and that it works offline, once: 先看看 puts it
  // away for good on this browser.
  await findWidget(page, 'heading', '第一次来？认识一下暖新');
  await findWidget(page, 'text', '没有信号也能用：先存在手机上，有网时自动同步。');
  await tap(page, await findWidget(page, 'link', '先看看'));
  await page.waitForFunction(() => !window.nuanxin.widgets().some((w) => w.label === '第一次来？认识一下暖新'));
  await page.reload();
  await waitForApp(page);
  await findWidget(page, 'text', '外卖骑手、快递员、网约车和货车司机：入会、找驿站、问律师、报名活动，都在这里。');
  assert(!(await widgets(page)).some((w) => w.label === '第一次来？认识一下暖新'), 'the welcome does not come back');

  // Tap 驿站 by its label: the screen changes, in the state and in the widget tree.
  await tap(page, await findWidget(page, 'tab', '驿站'));
  await page.waitForFunction(() => window.nuanxin.state().screen === 'stations', null, { timeout: 5000 });
  await findWidget(page, 'heading', '户外劳动者驿站');
  assert((await findWidget(page, 'tab', '驿站')).checked === true, 'the 驿站 tab is now selected');
  assert(!(await widgets(page)).some((w) => w.label === '你好，欢迎来到暖新'), 'the home greeting is gone');
  await page.screenshot({ path: join(args.out, 'stations-390x844.png') });

  // Idle: once the screen has settled, no frames are drawn until something happens.
  await page.waitForTimeout(500);
  const before = (await appState(page)).frames_drawn;
  await page.waitForTimeout(1000);
  const after = (await appState(page)).frames_drawn;
  assert(after === before, `no frames drawn while idle (${before} -> ${after})`);

  // A mouse works too (staff on laptops): click 我的, then switch the language to English.
  const me = await findWidget(page, 'tab', '我的');
  await page.mouse.click(me.x + me.w / 2, me.y + me.h / 2);
  await page.waitForFunction(() => window.nuanxin.state().screen === 'me', null, { timeout: 5000 });
  await tap(page, await findWidget(page, 'radio', 'English'));
  await page.waitForFunction(() => window.nuanxin.state().locale === 'en', null, { timeout: 5000 });
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'tab' && w.label === 'Home'), null, { timeout: 5000 });
  await page.screenshot({ path: join(args.out, 'me-english-390x844.png') });

  assert(problems.length === 0, 'no errors in the page:\n' + problems.join('\n'));
  console.log(`e2e shell: ok (screenshots in ${args.out})`);
});
