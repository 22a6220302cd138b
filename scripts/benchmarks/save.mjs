// save: how long until a change the person makes is durable on the phone (the record and its
// outbox entry in one strict IndexedDB transaction, through the app's whole save path: the
// core's rules, the local store, the write queue), against a raw IndexedDB put of the same
// record in its own strict transaction, in the same page, taken in turns so both see the same
// machine. The phone is offline, so no sync competes.
//
// Each save also asks for a frame (the screen says 已保存在本机). Here WebGL is SwiftShader, a
// CPU rasterizer that holds the page's main thread for tens to hundreds of milliseconds a frame
// (a phone's GPU does not), and the commit's event waits behind it. So the comparison is made
// with frames paused (requestAnimationFrame held), and the save with frames drawn is reported
// beside it.
import { apiSession, parseArgs, sessionRecords, startServer } from '../../tests/e2e/lib.mjs';
import { demoWorker, installRawIdb, median, openPhone, percentile, requestChanges } from './phone.mjs';
import { machineLine, writeSection } from './report.mjs';

const ROUNDS = 200;
const WARMUP = 20;
const args = parseArgs(process.argv.slice(2));
const server = await startServer({ server: args.server, dist: args.dist, extraArgs: ['--demo'] });
const login = demoWorker(server);
const session = await apiSession(server, login);
const member = (await sessionRecords(session)).find((r) => r.kind === 'member' && r.fields.owner_id === session.user.id);
let phone, frameMs = 0;
const app = [], raw = [], drawn = [], before = [];
try {
  phone = await openPhone(server, login);
  const { page } = phone;
  await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await installRawIdb(page);
  const changes = requestChanges(WARMUP + 2 * ROUNDS, 0, session.user.id, member.fields.unit_id, 1);
  const timeSave = (change) => page.evaluate(async (c) => {
    const t0 = performance.now();
    const saved = new Promise((resolve) => window.addEventListener('nuanxin-saved', resolve, { once: true }));
    const error = window.nuanxin.save(c);
    const called = performance.now() - t0;
    if (error) throw new Error(error);
    await saved;
    return [performance.now() - t0, called];
  }, change);
  // As the person sees it: the save, and the frames it asks for.
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const [ms] = await timeSave(changes[i]);
    if (i >= WARMUP) drawn.push(ms);
    await page.waitForTimeout(50);
  }
  const frames = await page.evaluate(() => { const s = window.nuanxin.state(); return s.drawing_ms / s.frames_drawn; });
  frameMs = frames;
  // The save path alone, against raw puts, frames held.
  await page.evaluate(() => { window.requestAnimationFrame = () => 0; });
  for (let i = WARMUP + ROUNDS; i < changes.length; i++) {
    const [ms, called] = await timeSave(changes[i]);
    app.push(ms);
    before.push(called);
    const record = { kind: changes[i].kind, id: changes[i].id + '-raw', fields: { ...changes[i].set, status: 'ordered' }, stamps: {}, seq: 0 };
    raw.push(await page.evaluate(async (r) => { const t0 = performance.now(); await window.rawIdb.put([r]); return performance.now() - t0; }, record));
  }
} finally {
  await phone?.close();
  await server.stop();
}

const ratio = median(app) / median(raw);
const lines = [
  '## save: a change made durable on the phone, against a raw IndexedDB put',
  '',
  machineLine(),
  '',
  `Service requests saved offline by a signed-in worker, each timed from the call to the commit of its strict transaction`,
  `(${WARMUP} saves to warm up first), profile on disk. Raw puts of the same record, taken in turns with the app's saves in`,
  'the same page. Each save asks for a frame to show 已保存在本机; SwiftShader draws it on the CPU and the commit\'s event',
  'waits behind it, so the comparison holds frames back (requestAnimationFrame paused); the first row has them drawn.',
  '',
  '| write | median ms | p90 ms |',
  '|---|---:|---:|',
  `| app save, frames drawn (SwiftShader, ${frameMs.toFixed(1)} ms of app code a frame) | ${median(drawn).toFixed(2)} | ${percentile(drawn, 0.9).toFixed(2)} |`,
  `| app save: rules + record + outbox, one transaction | ${median(app).toFixed(2)} | ${percentile(app, 0.9).toFixed(2)} |`,
  `| … of which the app's work before the transaction starts (rules, store, the write serialized) | ${median(before).toFixed(2)} | ${percentile(before, 0.9).toFixed(2)} |`,
  `| raw IndexedDB put | ${median(raw).toFixed(2)} | ${percentile(raw, 0.9).toFixed(2)} |`,
  '',
  `Ratio app / raw (medians, frames held): **${ratio.toFixed(2)}×** (goal ≤ 1.5×).`,
];
console.log(lines.join('\n'));
if (args.report) writeSection(args.report, 'save', lines.join('\n'));
