// 字号 on 我的: 特大 draws the whole UI larger (touch targets grow with the text), the choice
// survives a reload on this device, taps still land where the finger is, and every tab is
// screenshotted at 特大 and in English for a person to look at; in English no word of the
// catalog shows in Chinese on any tab, the staff's or the worker's.
//   node tests/e2e/text_size_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  appState, assert, catalogChinese, e2eRun, e2eStart, findScrolled, findWidget, goTab, openApp, settle, signInStaff, tap,
  typeInto, untranslated, waitForApp, waitState, widgets,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const district = demoLogins().find((l) => l.login === 'demo-district');
const worker = demoLogins().find((l) => l.role === 'worker');

const tabHeight = async (page) => (await findWidget(page, 'tab', '首页')).h;
const chinese = catalogChinese();
// Each tab screenshotted; in English, each also scrolled through for untranslated words.
const shots = async (page, tabs, suffix, english = false) => {
  for (const [label, screen] of tabs) {
    await goTab(page, label, screen);
    await settle(page);
    await page.screenshot({ path: join(args.out, `${screen}-${suffix}-390x844.png`) });
    if (!english) continue;
    const seen = new Set();
    await page.mouse.move(195, 400);
    for (let step = 0; step < 12; step++) {
      for (const u of await untranslated(page, chinese)) seen.add(u);
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(150);
      await settle(page);
    }
    await page.mouse.wheel(0, -20000);
    assert(seen.size === 0, `${screen} in English shows no Chinese from the catalog: ${[...seen].join('; ')}`);
  }
};

await e2eRun({ server, browser }, async () => {
  const { page, problems } = await openApp(browser, server);
  const standard = await tabHeight(page);
  await goTab(page, '我的', 'me');
  const choice = await findScrolled(page, 'radio', '特大');
  assert(choice.setsize === 3, `the text sizes are one group of three radios (${choice.setsize})`);
  await tap(page, choice);
  await page.waitForFunction((h) => window.nuanxin.widgets().some((w) => w.role === 'tab' && w.label === '首页' && w.h > h * 1.2),
    standard, { timeout: 5000 });
  const larger = await tabHeight(page);
  assert(larger >= standard * 1.25, `the tab bar grew with the text (${standard} -> ${larger} CSS px)`);
  assert((await findScrolled(page, 'radio', '特大')).checked, '特大 is the chosen size');

  // Taps land where the finger is at the larger size: 驿站 by its label.
  await goTab(page, '驿站', 'stations');
  await findWidget(page, 'heading', '户外劳动者驿站');
  const heading = await findWidget(page, 'heading', '户外劳动者驿站');
  assert(heading.x >= 0 && heading.x + heading.w <= 390.5, `the heading fits the screen (${heading.x}+${heading.w})`);

  // Kept on this device.
  await page.reload();
  await waitForApp(page);
  assert(await tabHeight(page) >= standard * 1.25, 'the text size survives a reload');
  await shots(page, [['首页', 'home'], ['驿站', 'stations'], ['服务', 'services'], ['活动', 'events'], ['我的', 'me']], 'larger');

  // A staff member at 特大: the six tabs still fit, and each is screenshotted.
  await signInStaff(page, district);
  const tabs = (await widgets(page)).filter((w) => w.role === 'tab');
  assert(tabs.length === 6 && tabs.every((t) => t.x >= 0 && t.x + t.w <= 390.5 && t.h >= 44), 'six staff tabs fit at 特大');
  await shots(page, [['待办', 'inbox'], ['入会', 'enrol'], ['走访', 'visits'], ['核验', 'check'], ['统计', 'dashboard'], ['我的', 'me']], 'staff-larger');

  // Back to 标准, then English: every tab for a person to read in both languages.
  await goTab(page, '我的', 'me');
  await tap(page, await findScrolled(page, 'radio', '标准'));
  await page.waitForFunction((h) => window.nuanxin.widgets().some((w) => w.role === 'tab' && w.h < h * 1.1), standard, { timeout: 5000 });
  await tap(page, await findScrolled(page, 'radio', 'English'));
  await page.waitForFunction(() => window.nuanxin.state().locale === 'en', null, { timeout: 5000 });
  await shots(page, [['To do', 'inbox'], ['Enrol', 'enrol'], ['Visits', 'visits'], ['Check', 'check'], ['Figures', 'dashboard'], ['Me', 'me']], 'staff-en', true);
  assert((await appState(page)).signed_in, 'still signed in');

  // Signed out, still in English (the language belongs to the device), then a worker signed
  // in: the worker's tabs with their stations, requests and sign-ups.
  await tap(page, await findScrolled(page, 'button', 'Sign out'));
  await page.waitForFunction(() => !window.nuanxin.state().signed_in, null, { timeout: 5000 });
  await goTab(page, 'Me', 'me');
  await typeInto(page, 'Mobile number', worker.login);
  await typeInto(page, 'PIN (6 digits)', worker.secret);
  await tap(page, await findWidget(page, 'button', 'Sign in'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.signed_in && s.last_sync && s.records > 50; }, null, 'worker sign-in');
  await shots(page, [['Home', 'home'], ['Stations', 'stations'], ['Services', 'services'], ['Events', 'events'], ['Me', 'me']], 'en', true);
  assert(problems.length === 0, `no page errors: ${problems.join('; ')}`);
  console.log(`text size: ok (tab bar ${standard} -> ${larger} CSS px at 特大, kept across a reload)`);
});
