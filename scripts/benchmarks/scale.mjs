// scale: a district of about 20 000 members and 50 000 service requests (the core's generator,
// `--demo-scale`), held on the phone of a district staff member (who sees it all): the first
// sync, opening the app again from IndexedDB, the main-thread cost of a frame while a finger
// scrolls 待办 (the longest list), a search typed into it, and the memory used.
import { findScrolled, goTab, parseArgs, signInStaff, startServer, tap, waitForApp } from '../../tests/e2e/lib.mjs';
import { median, openProfile } from './phone.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineLine, withBefore, writeSection } from './report.mjs';

const MEMBERS = 20000, REQUESTS = 50000;
const args = parseArgs(process.argv.slice(2));
const s = (ms) => (ms / 1000).toFixed(1);
const state = (page) => page.evaluate(() => window.nuanxin.state());

let t0 = Date.now();
const server = await startServer({ server: args.server, dist: args.dist, extraArgs: ['--demo', '--demo-scale', `${MEMBERS},${REQUESTS}`], startSeconds: 1200 })
  .catch((e) => { throw new Error(`the scale server did not start: ${e.message}`); });
const seeded = Date.now() - t0;
const login = JSON.parse(readFileSync(join(server.data, 'demo-logins.json'), 'utf8')).find((l) => l.login === 'demo-district');
const out = {};
const phone = await openProfile(server.url);
let problem = '';
phone.page.on('pageerror', (e) => { problem ||= e.message; });
phone.page.on('crash', () => { problem ||= 'the page crashed'; });
try {
  const { page } = phone;
  await waitForApp(page);
  t0 = Date.now();
  await signInStaff(page, login).catch(() => {});
  await page.waitForFunction(() => { const x = window.nuanxin.state(); return x.signed_in && x.last_sync && x.saving === 0; }, null,
    { timeout: 900000, polling: 200 }).catch(async (e) => {
    const reached = await state(page).then((x) => `${x.records} records, wasm heap ${(x.wasm_heap_bytes / 2 ** 20).toFixed(0)} MB`).catch(() => 'the page is gone');
    throw new Error(`the first sync did not finish (${problem || e.message.split('\n')[0]}; ${reached})`);
  });
  // The first sync is done when the count stops growing.
  let last = -1;
  for (;;) { const n = (await state(page)).records; if (n === last) break; last = n; await page.waitForTimeout(2000); }
  out.firstSync = Date.now() - t0 - 2000;
  out.records = last;
  // A big store synced for the first time is rewritten in two tiers in the background, so that
  // it opens from the first one (docs/ARCHITECTURE.md, "Opening a big store").
  t0 = Date.now();
  await page.waitForFunction(() => !window.nuanxin.state().rewriting_store, null, { timeout: 900000, polling: 200 });
  out.tiers = Date.now() - t0;

  // Opening again on 待办, the staff's first screen: until its list is drawn with what waits
  // (the first tier), then until every record is read.
  await goTab(page, '待办', 'inbox');
  const opens = [], interactive = [];
  for (let i = 0; i < 5; i++) {
    t0 = Date.now();
    await page.reload();
    await page.waitForFunction(() => window.nuanxin && window.nuanxin.state().signed_in
      && window.nuanxin.widgets().some((w) => /^全部 [1-9]/.test(w.label)), null, { timeout: 300000, polling: 20 });
    interactive.push(Date.now() - t0);
    await page.waitForFunction((n) => { const x = window.nuanxin.state(); return x.records >= n && !x.reading_store; }, last,
      { timeout: 300000, polling: 50 });
    opens.push(Date.now() - t0);
  }
  out.open = median(opens);
  out.interactive = median(interactive);
  out.interactiveRuns = interactive;

  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  const before = await state(page);
  const started = Date.now();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 195, y: 600 }] });
  for (let i = 0; Date.now() - started < 3000; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 195, y: 600 - 400 * Math.abs(Math.sin(i / 25)) }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const after = await state(page);
  out.frames = after.frames_drawn - before.frames_drawn;
  out.frameMs = (after.drawing_ms - before.drawing_ms) / out.frames;

  // Searches as they are typed, each into an empty field: every character until the list has
  // redrawn for it; the slowest character of each. Two figures a character: the wall time until
  // the answer was drawn, most of which is headless Chromium compositing each frame on the CPU
  // (about 120 ms a frame here, a phone's GPU does it), and the app's own main-thread time in
  // those frames (taking the character, filtering 待办, laying out and issuing the draw), which
  // is what a phone's CPU has to do.
  const field = await findScrolled(page, 'input', '查找');
  const typed = [];
  const appTyped = [];
  for (const query of ['王', '建', '138', 'wj']) {
    await tap(page, field);
    await page.waitForFunction(() => document.activeElement?.id === 'nx-text-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(300);
    let slowest = 0;
    let slowestApp = 0;
    let glyphsAdded = 0;  // characters the font atlas was rebuilt for while this word was typed
    for (const ch of query) {
      const s0 = await state(page);
      t0 = Date.now();
      await page.keyboard.insertText(ch);
      await page.waitForFunction((f) => window.nuanxin.state().frames_drawn >= f + 2, s0.frames_drawn, { polling: 'raf' });
      slowest = Math.max(slowest, Date.now() - t0);
      const s1 = await state(page);
      slowestApp = Math.max(slowestApp, s1.drawing_ms - s0.drawing_ms);
      glyphsAdded += s1.glyphs.added - s0.glyphs.added;
    }
    typed.push(`${query} ${slowest} ms`);
    appTyped.push(`${query} ${slowestApp.toFixed(1)} ms${glyphsAdded ? ` (atlas rebuilt for ${glyphsAdded} new characters)` : ''}`);
  }
  out.search = typed;
  out.searchApp = appTyped;
  const m = await state(page);
  out.heap = m.wasm_heap_bytes;
  out.js = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
} finally {
  await phone.close();
  await server.stop();
}

const lines = [
  `## scale: ${MEMBERS.toLocaleString('en')} members and ${REQUESTS.toLocaleString('en')} requests on a staff phone`,
  '',
  machineLine(),
  '',
  `The district staff member's phone holds all ${out.records.toLocaleString('en')} records of the generated district (server seeded in ${s(seeded)} s).`,
  'Headless Chromium, profile on disk, no CPU throttling.',
  '',
  '| measure | value |',
  '|---|---:|',
  `| first sync after signing in (pull and store everything) | ${s(out.firstSync)} s |`,
  `| the tier rewrite after the first sync, in the background | ${s(out.tiers)} s |`,
  `| opening the app again, to an interactive 待办 (median of 5; runs ${out.interactiveRuns.map((ms) => s(ms)).join(', ')} s) | ${s(out.interactive)} s |`,
  `| opening the app again, to every record loaded from IndexedDB (median of 5) | ${s(out.open)} s |`,
  `| main-thread time per frame while scrolling 待办 (${out.frames} frames) | ${out.frameMs.toFixed(1)} ms |`,
  `| a search typed into 待办, per character (the slowest of each word) | ${out.search.join(', ')} |`,
  `| … of which the app's main-thread time, per character (the slowest of each word) | ${out.searchApp.join(', ')} |`,
  `| wasm heap | ${(out.heap / 2 ** 20).toFixed(0)} MB |`,
  `| JS heap | ${(out.js / 2 ** 20).toFixed(0)} MB |`,
];
const markdown = withBefore(args.report, 'scale', lines, "before issue 18's store work").join('\n');
console.log(markdown);
if (args.report) writeSection(args.report, 'scale', markdown);
