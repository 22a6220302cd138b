// The canvas behaves like a phone app: a drag scrolls and presses nothing, a flick glides,
// the back button goes to the previous screen, the title follows the screen, a screen reader's
// mirror lists the same buttons and activates them, and an idle screen draws nothing.
//   node tests/e2e/touch_nav_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  appState, assert, findWidget, PHONE, tap, waitForApp, watchPage, widgets,
  e2eRun, e2eStart,
} from './lib.mjs';

const { args, server, browser } = await e2eStart();

// A finger drag through the DevTools protocol (Playwright's touchscreen only taps).
async function drag(page, cdp, x, y0, y1, steps = 12, msPerStep = 16) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / steps }] });
    await page.waitForTimeout(msPerStep);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

await e2eRun({ server, browser }, async () => {
  // The smallest phone we support: 360 x 640. 我的 is taller than that while signed out.
  const context = await browser.newContext({ ...PHONE, viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const problems = watchPage(page);
  const authRequests = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/auth/')) authRequests.push(r.url()); });
  await page.goto(server.url);
  await waitForApp(page);
  const cdp = await context.newCDPSession(page);

  // Title and history follow the screens; back returns to the previous one.
  await tap(page, await findWidget(page, 'tab', '服务'));
  await page.waitForFunction(() => window.nuanxin.state().screen === 'services', null, { timeout: 5000 });
  await tap(page, await findWidget(page, 'tab', '我的'));
  await page.waitForFunction(() => window.nuanxin.state().screen === 'me', null, { timeout: 5000 });
  await page.waitForFunction(() => document.title === '我的 · 暖新', null, { timeout: 5000 }).catch(() => {});
  assert((await page.title()) === '我的 · 暖新', `title follows the screen: ${await page.title()}`);
  assert(page.url().endsWith('#/me'), `address names the screen: ${page.url()}`);
  await page.goBack();
  await page.waitForFunction(() => window.nuanxin.state().screen === 'services', null, { timeout: 5000 });
  // The screen changes on popstate; the title with the next drawn frame.
  await page.waitForFunction(() => document.title === '服务 · 暖新', null, { timeout: 5000 }).catch(() => {});
  assert((await page.title()) === '服务 · 暖新', `title after back: ${await page.title()}`);
  await page.goForward();
  await page.waitForFunction(() => window.nuanxin.state().screen === 'me', null, { timeout: 5000 });

  // A drag that starts on the sign-in button scrolls the screen and presses nothing.
  const button = await findWidget(page, 'button', '登录');
  const headingBefore = await findWidget(page, 'heading', '登录暖新');
  await drag(page, cdp, button.x + button.w / 2, button.y + button.h / 2, button.y + button.h / 2 - 220);
  await page.waitForTimeout(600);  // the glide settles
  const moved = (await widgets(page)).find((w) => w.role === 'heading' && w.label === '登录暖新');
  assert(!moved || moved.y < headingBefore.y - 150, `the screen scrolled up (${headingBefore.y} -> ${moved ? moved.y : 'off screen'})`);
  assert(authRequests.length === 0, `the drag pressed nothing (${authRequests.join(', ')})`);
  await page.screenshot({ path: join(args.out, 'me-scrolled-360x640.png') });
  // And back down; then a plain tap still presses on the first touch.
  await drag(page, cdp, 180, 150, 550);
  await page.waitForTimeout(600);
  await tap(page, await findWidget(page, 'link', '第一次来？注册'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'input' && w.label === '姓名'), null, { timeout: 5000 });

  // A long-press is not a tap: holding 活动 for a second does not switch to it.
  const events = await findWidget(page, 'tab', '活动');
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: events.x + events.w / 2, y: events.y + events.h / 2 }] });
  await page.waitForTimeout(900);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(300);
  assert((await appState(page)).screen === 'me', `a long-press pressed nothing (${(await appState(page)).screen})`);

  // The screen reader's mirror: the same buttons and tabs as the widget tree, and activating
  // one taps the app.
  const mirrored = await page.evaluate(() => [...document.querySelectorAll('#nx-a11y button')].map((b) => b.textContent));
  const tree = (await widgets(page)).filter((w) => ['button', 'tab', 'radio', 'link'].includes(w.role)).map((w) => w.label);
  assert(JSON.stringify([...mirrored].sort()) === JSON.stringify([...tree].sort()), `mirror ${mirrored} vs tree ${tree}`);
  const roles = await page.evaluate(() => ({
    tabs: document.querySelectorAll('#nx-a11y [role=tablist] [role=tab]').length,
    headings: document.querySelectorAll('#nx-a11y h2').length,
    inputs: [...document.querySelectorAll('#nx-a11y input')].map((i) => i.getAttribute('aria-label')),
  }));
  assert(roles.tabs === 5 && roles.headings >= 1 && roles.inputs.includes('手机号'), `ARIA roles: ${JSON.stringify(roles)}`);
  await page.evaluate(() => [...document.querySelectorAll('#nx-a11y [role=tab]')].find((b) => b.textContent === '活动').click());
  await page.waitForFunction(() => window.nuanxin.state().screen === 'events', null, { timeout: 5000 });

  // Idle: after 2 s without input, no frame is drawn for 3 s; a tap draws again.
  await page.waitForTimeout(2000);
  const before = (await appState(page)).frames_drawn;
  await page.waitForTimeout(3000);
  const after = (await appState(page)).frames_drawn;
  assert(after === before, `no frames while idle (${before} -> ${after})`);
  await tap(page, await findWidget(page, 'tab', '首页'));
  await page.waitForFunction((n) => window.nuanxin.state().frames_drawn > n, after, { timeout: 5000 });
  console.log(`touch and navigation: ok (idle frames constant at ${after} for 3 s)`);

  assert(problems.length === 0, `no page errors: ${problems.join('; ')}`);
});
