// size: every byte a phone downloads before the first interactive frame (the first frame
// whose widget tree has the tab bar), raw / gzip / brotli per file and in total, against
// the budget. The file list comes from what a real browser requested, not from a guess.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, parseArgs, PHONE, startServer, waitForApp } from '../../tests/e2e/lib.mjs';
import { kb, machineLine, writeSection } from './report.mjs';

const BUDGET_KB = 450;  // compressed, everything before the first interactive frame
const args = parseArgs(process.argv.slice(2));
const server = await startServer({ server: args.server, dist: args.dist });
const browser = await launchBrowser();
const requested = [];   // before the first interactive frame
const background = [];  // fetched after it (the glyph font), which never delays the first screen
try {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.addInitScript(() => window.addEventListener('nuanxin-ready', () => { window.__readyAt = performance.now(); }));
  await page.goto(server.url);
  await waitForApp(page);
  await page.waitForTimeout(3000);
  // What the page fetched, split at the moment the first frame was on screen.
  const { readyAt, entries } = await page.evaluate(() => ({
    readyAt: window.__readyAt,
    entries: performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
  }));
  requested.push('/');
  for (const e of entries) (e.start < readyAt ? requested : background).push(e.path);
} finally {
  await browser.close();
  await server.stop();
}

const sizeOf = (p) => (existsSync(p) ? statSync(p).size : null);
const rowsOf = (paths) => [...new Set(paths)].map((path) => {
  const file = join(args.dist, path === '/' ? 'index.html' : path.slice(1));
  const raw = sizeOf(file);
  return { path, raw, gzip: sizeOf(file + '.gz') ?? raw, br: sizeOf(file + '.br') ?? raw };
}).filter((r) => r.raw !== null);
const rows = rowsOf(requested);
const later = rowsOf(background.filter((p) => !requested.includes(p)));

const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, br: t.br + r.br }), { raw: 0, gzip: 0, br: 0 });
const lines = [
  '## size: bytes before the first interactive frame',
  '',
  machineLine(),
  '',
  '| file | raw KB | gzip KB | brotli KB |',
  '|---|---:|---:|---:|',
  ...rows.map((r) => `| ${r.path} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.br)} |`),
  `| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.br)}** |`,
  '',
  `Budget: ${BUDGET_KB} KB compressed. Brotli total is ${kb(total.br)} KB (${(100 * total.br / 1024 / BUDGET_KB).toFixed(0)}% of the budget).`,
  '',
  'Fetched in the background after the first frame (cached for next time):',
  '',
  '| file | raw KB | brotli KB |',
  '|---|---:|---:|',
  ...later.map((r) => `| ${r.path} | ${kb(r.raw)} | ${kb(r.br)} |`),
];
console.log(lines.join('\n'));
if (args.report) writeSection(args.report, 'size', lines.join('\n'));
