// startup: from navigation to the first interactive frame (the first frame, which carries the
// tab bar) on a slow phone: 4x CPU throttling and a 9 Mbps / 100 ms RTT network, in headless
// Chromium. Cold visits use a fresh profile each; repeat visits reload a page the service
// worker already controls. Median of several runs of each, measured in the same run.
import { launchBrowser, parseArgs, PHONE, startServer, waitForApp } from '../../tests/e2e/lib.mjs';
import { machineLine, writeSection } from './report.mjs';

const RUNS = 5;
const args = parseArgs(process.argv.slice(2));
const server = await startServer({ server: args.server, dist: args.dist });
const browser = await launchBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function slowPhone(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 100, downloadThroughput: (9e6 / 8), uploadThroughput: (9e6 / 8),
  });
}

// Milliseconds from the start of navigation to the first frame on screen.
async function visit(page, reload) {
  await page.addInitScript(() => window.addEventListener('nuanxin-ready', () => { window.__readyAt = performance.now(); }));
  if (reload) await page.reload(); else await page.goto(server.url);
  await waitForApp(page, 120000);
  await page.waitForFunction(() => window.__readyAt !== undefined);
  return page.evaluate(() => window.__readyAt);
}

const cold = [];
const repeat = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await slowPhone(context, page);
    cold.push(await visit(page, false));
    if (i === 0) {
      // Let the service worker install and take control, then measure repeat visits.
      await page.waitForFunction(() => navigator.serviceWorker?.controller || new Promise((r) => setTimeout(() => r(false), 100)), null, { timeout: 60000 }).catch(() => {});
      await page.reload();
      await waitForApp(page, 120000);
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60000 });
      for (let j = 0; j < RUNS; j++) repeat.push(await visit(page, true));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const fmt = (xs) => xs.map((x) => Math.round(x)).join(', ');
const lines = [
  '## startup: navigation to the first interactive frame, slow phone',
  '',
  machineLine(),
  '',
  '4x CPU throttling, 9 Mbps down / 100 ms RTT; headless Chromium with SwiftShader WebGL2 (a real phone GPU is faster at drawing, the CPU figures are the point).',
  '',
  '| visit | median ms | runs (ms) |',
  '|---|---:|---|',
  `| cold (empty cache) | ${Math.round(median(cold))} | ${fmt(cold)} |`,
  `| repeat (service worker) | ${Math.round(median(repeat))} | ${fmt(repeat)} |`,
];
console.log(lines.join('\n'));
if (args.report) writeSection(args.report, 'startup', lines.join('\n'));
