// save: how long until a change the person makes is durable on the phone (the record and its
// outbox entry in one strict IndexedDB transaction, through the app's whole save path: the
// core's rules, the local store, the write queue), against a raw IndexedDB put of the same
// record in its own strict transaction, in the same page, taken in turns so both see the same
// machine. The phone is offline, so no sync competes.
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
let phone;
const app = [], raw = [];
try {
  phone = await openPhone(server, login);
  const { page } = phone;
  await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await installRawIdb(page);
  const changes = requestChanges(WARMUP + ROUNDS, 0, session.user.id, member.fields.unit_id, 1);
  for (let i = 0; i < changes.length; i++) {
    const [a, r] = await page.evaluate(async (change) => {
      let t0 = performance.now();
      const saved = new Promise((resolve) => window.addEventListener('nuanxin-saved', resolve, { once: true }));
      const error = window.nuanxin.save(change);
      if (error) throw new Error(error);
      await saved;
      const appMs = performance.now() - t0;
      // The same record as the app keeps it, on its own.
      const record = { kind: change.kind, id: change.id + '-raw', fields: { ...change.set, status: 'ordered' }, stamps: {}, seq: 0 };
      t0 = performance.now();
      await window.rawIdb.put([record]);
      return [appMs, performance.now() - t0];
    }, changes[i]);
    if (i >= WARMUP) { app.push(a); raw.push(r); }
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
  `${ROUNDS} service requests saved offline by a signed-in worker (after ${WARMUP} to warm up), each timed from the call to the`,
  'commit of its strict transaction; raw puts of the same record taken in turns in the same page, profile on disk.',
  '',
  '| write | median ms | p90 ms |',
  '|---|---:|---:|',
  `| app save (rules + record + outbox, one transaction) | ${median(app).toFixed(2)} | ${percentile(app, 0.9).toFixed(2)} |`,
  `| raw IndexedDB put | ${median(raw).toFixed(2)} | ${percentile(raw, 0.9).toFixed(2)} |`,
  '',
  `Ratio app / raw (medians): **${ratio.toFixed(2)}×** (goal ≤ 1.5×).`,
];
console.log(lines.join('\n'));
if (args.report) writeSection(args.report, 'save', lines.join('\n'));
