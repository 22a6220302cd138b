// 驿站 on a phone: from a given position at 22:00 on a weekday, the nearest station that is
// open and has drinking water (the nearest of all is closed by then); the sketch map; a
// station's page with its call and directions links; and, with location refused, a town
// standing in for the position.
//   node tests/e2e/stations_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  assert, findScrolled, findWidget, goTab, signInWorker, PHONE, tap, waitForApp, waitState, watchPage, widgets,
  e2eRun, e2eStart, texts,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const worker = demoLogins().find((l) => l.role === 'worker');
// Beside 春晖路驿站 (open 07:30-20:30), about a kilometre from 南苑社区爱心驿站 (open until 02:00).
const CHUNHUI = { latitude: 32.4655, longitude: 119.9296 };
const WEDNESDAY_22H = new Date('2026-07-01T22:00:00+08:00');

const rows = async (page) => (await widgets(page)).filter((w) => w.role === 'list-item').map((w) => w.label);

await e2eRun({ server, browser }, async () => {
  const context = await browser.newContext({ ...PHONE, geolocation: CHUNHUI, permissions: ['geolocation'] });
  await context.clock.setFixedTime(WEDNESDAY_22H);
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(server.url);
  await waitForApp(page);
  await signInWorker(page, worker);

  await goTab(page, '驿站', 'stations');
  await tap(page, await findWidget(page, 'button', '按我的位置排序'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '按离我的距离排序'), null, { timeout: 10000 });
  assert((await texts(page)).includes('16 个驿站'), 'all 16 stations listed');
  await page.screenshot({ path: join(args.out, 'stations-near-me-390x844.png') });
  let list = await rows(page);
  assert(list[0] === '城南街道春晖路驿站', `the nearest of all is 春晖路 (${list[0]})`);
  const first = (await widgets(page)).find((w) => w.role === 'list-item');
  assert(first.value.startsWith('60 米，已关门 · 明天 07:30 开门，饮水'), `it says how far, that it is closed and when it opens (${first.value})`);

  // Open now, with drinking water.
  await tap(page, await findWidget(page, 'checkbox', '只看现在开放'));
  await tap(page, await findWidget(page, 'checkbox', '饮水'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'checkbox' && w.label === '饮水' && w.checked === true));
  list = await rows(page);
  assert(list[0] === '城南街道南苑社区爱心驿站', `the nearest open one with water is 南苑 (${list.join(', ')})`);
  assert(!list.includes('城南街道春晖路驿站'), '春晖路 is closed at 22:00 and left out');
  const count = (await texts(page)).find((t) => t.endsWith(' 个驿站'));
  assert(count && Number.parseInt(count) >= 3 && Number.parseInt(count) < 16, `only the open ones (${count})`);
  await page.screenshot({ path: join(args.out, 'stations-open-water-390x844.png') });

  // The sketch map shows the same stations as numbered dots.
  await tap(page, await findWidget(page, 'radio', '简图'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'button' && w.label.startsWith('1. ')));
  const dots = (await widgets(page)).filter((w) => w.role === 'button' && /^\d+\. /.test(w.label)).map((w) => w.label);
  assert(dots.includes('1. 城南街道南苑社区爱心驿站'), `dot 1 is the nearest (${dots.join(', ')})`);
  await page.screenshot({ path: join(args.out, 'stations-map-390x844.png') });

  // The station's page: hours, call and directions.
  const row = await findScrolled(page, 'list-item', '城南街道南苑社区爱心驿站');
  await tap(page, row);
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '城南街道南苑社区爱心驿站'));
  const page_texts = await texts(page);
  assert(page_texts.some((t) => t.startsWith('开放中 · ') && t.includes('02:00')), `open until 02:00 (${page_texts.join(' | ')})`);
  assert(page_texts.some((t) => t.startsWith('周三')), 'the week\'s hours are listed');
  await page.screenshot({ path: join(args.out, 'station-page-390x844.png') });
  const call = (await widgets(page)).find((w) => w.role === 'button' && w.label.startsWith('拨打电话'));
  assert(call, 'a call button');
  const popup = context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
  await page.route('https://uri.amap.com/**', (route) => route.fulfill({ status: 200, body: 'map' }));
  await context.route('https://uri.amap.com/**', (route) => route.fulfill({ status: 200, body: 'map' }));
  await tap(page, await findWidget(page, 'button', '用地图导航到这里'));
  await page.waitForFunction(() => (window.nuanxinOpened || '').startsWith('https://uri.amap.com/marker?position=119.9'));
  const opened = await popup;
  assert(opened, 'directions open beside the app');
  await opened.close();  // back from the map app
  await page.bringToFront();
  assert(page.url().startsWith(server.url), 'the app itself stays open');
  await tap(page, await findWidget(page, 'link', '‹ 返回驿站列表'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'list-item'));
  await tap(page, await findScrolled(page, 'list-item', '城南街道南苑社区爱心驿站'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '城南街道南苑社区爱心驿站'));
  // Last: headless Chromium has no dialler and drops the page after a tel: link.
  await tap(page, call);
  await page.waitForFunction(() => (window.nuanxinOpened || '').startsWith('tel:0523'));

  // Location refused: a town stands in.
  const refused = await browser.newContext({ ...PHONE });
  await refused.clock.setFixedTime(WEDNESDAY_22H);
  const other = await refused.newPage();
  await other.goto(server.url);
  await waitForApp(other);
  await signInWorker(other, worker);
  await goTab(other, '驿站', 'stations');
  await tap(other, await findWidget(other, 'button', '按我的位置排序'));
  await other.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label.startsWith('没能获取位置')), null, { timeout: 20000 });
  await tap(other, await findWidget(other, 'radio', '京泰路街道'));
  await other.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '按离这里的距离排序：京泰路街道'));
  assert((await rows(other))[0] === '京泰路街道物流园驿站', 'the town\'s own station first');
  await other.screenshot({ path: join(args.out, 'stations-town-390x844.png') });

  assert(problems.length === 0, 'no page errors: ' + problems.join('; '));
});
