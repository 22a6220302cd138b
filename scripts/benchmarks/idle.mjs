// idle: frames drawn per second on a still screen (after 1 s without input; the goal is 0),
// and while a finger scrolls a long screen, in headless Chromium on a phone viewport.
import { findWidget, launchBrowser, parseArgs, PHONE, startServer, tap, waitForApp } from '../../tests/e2e/lib.mjs';
import { machineLine, writeSection } from './report.mjs';

const args = parseArgs(process.argv.slice(2));
const server = await startServer({ server: args.server, dist: args.dist });
const browser = await launchBrowser();
const frames = (page) => page.evaluate(() => window.nuanxin.state().frames_drawn);
let stillFps = 0;
let scrollFps = 0;
try {
  const context = await browser.newContext({ ...PHONE, viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  await tap(page, await findWidget(page, 'tab', '我的'));  // taller than the screen
  await page.waitForTimeout(1000);
  let before = await frames(page);
  await page.waitForTimeout(5000);
  stillFps = ((await frames(page)) - before) / 5;

  const cdp = await context.newCDPSession(page);
  before = await frames(page);
  const started = Date.now();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 180, y: 500 }] });
  for (let i = 0; Date.now() - started < 2000; i++) {
    const y = 500 - 300 * Math.abs(Math.sin(i / 20));  // up and down
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 180, y }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  scrollFps = ((await frames(page)) - before) / ((Date.now() - started) / 1000);
} finally {
  await browser.close();
  await server.stop();
}

const lines = [
  '## idle: frames drawn per second',
  '',
  machineLine(),
  '',
  '| screen | frames/s | goal |',
  '|---|---:|---|',
  `| still, 1 s after the last input (5 s measured) | ${stillFps.toFixed(1)} | 0 |`,
  `| a finger scrolling 我的 for 2 s | ${scrollFps.toFixed(1)} | as the display allows |`,
];
console.log(lines.join('\n'));
if (args.report) writeSection(args.report, 'idle', lines.join('\n'));
