// sync: 10 000 changes made offline on one phone, pushed to a real nuanxin-server on loopback
// when the phone comes online, then pulled by a second, empty phone signing in as the same
// worker; against PouchDB in the same browser replicating the same 10 000 documents to and
// from express-pouchdb (in memory) on loopback; and the floor: raw IndexedDB writing the same
// 10 000 records in one transaction. Every profile is on disk. The app's frames are held
// (requestAnimationFrame paused) while it syncs, as the PouchDB page draws nothing: here WebGL
// is SwiftShader, which rasterizes on the CPU (see save.mjs), and syncing never waits for a frame.
//   node sync.mjs --server PATH --dist DIR --peer DIR_WITH_server.cjs --pouchdb POUCHDB_MIN_JS [--report FILE]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { apiSession, findWidget, parseArgs, sessionRecords, startServer, tap, typeInto, goTab } from '../../tests/e2e/lib.mjs';
import { demoWorker, installRawIdb, openPhone, openProfile, requestChanges } from './phone.mjs';
import { machineLine, writeSection } from './report.mjs';

const N = 10000;
const args = parseArgs(process.argv.slice(2));
const seconds = (ms) => (ms / 1000).toFixed(2);

async function startPeer() {
  const child = spawn('node', [join(args.peer, 'server.cjs'), args.pouchdb], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { const m = String(d).match(/listening (\d+)/); if (m) resolve(m[1]); });
    child.on('exit', (code) => reject(new Error(`the PouchDB peer exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

// nuanxin: save offline, push on coming online, pull into an empty phone.
async function nuanxin(server) {
  const login = demoWorker(server);
  const session = await apiSession(server, login);
  const member = (await sessionRecords(session)).find((r) => r.kind === 'member' && r.fields.owner_id === session.user.id);
  const out = {};
  const a = await openPhone(server, login);
  try {
    const { page, context } = a;
    await page.evaluate(() => { window.requestAnimationFrame = () => 0; });
    await context.setOffline(true);
    await page.waitForFunction(() => !window.nuanxin.state().online);
    const changes = requestChanges(N, 0, session.user.id, member.fields.unit_id, 2);
    out.save = await page.evaluate(async (all) => {
      const t0 = performance.now();
      const saved = new Promise((resolve) => window.addEventListener('nuanxin-saved', resolve, { once: true }));
      const error = window.nuanxin.save(all);
      if (error) throw new Error(error);
      await saved;
      return performance.now() - t0;
    }, changes);
    if ((await page.evaluate(() => window.nuanxin.state().pending_ops)) !== N) throw new Error('the changes did not all wait');
    const t0 = Date.now();
    await context.setOffline(false);
    await page.waitForFunction(() => window.nuanxin.state().pending_ops === 0, null, { timeout: 600000, polling: 50 });
    out.push = Date.now() - t0;
    await installRawIdb(page);
    const records = changes.map((c) => ({ kind: c.kind, id: c.id + '-raw', fields: { ...c.set, status: 'ordered' }, stamps: {}, seq: 0 }));
    out.floor = await page.evaluate(async (rs) => { const t = performance.now(); await window.rawIdb.put(rs); return performance.now() - t; }, records);
  } finally {
    await a.close();
  }
  const b = await openPhone(server, null);
  try {
    const { page } = b;
    await goTab(page, '我的', 'me');
    await typeInto(page, '手机号', login.login);
    await typeInto(page, 'PIN 码（6 位数字）', login.secret);
    const t0 = Date.now();
    await tap(page, await findWidget(page, 'button', '登录'));
    // The tap is read in a frame; once the session is open, frames are held.
    await page.waitForFunction(() => window.nuanxin.state().signed_in, null, { polling: 10 });
    await page.evaluate(() => { window.requestAnimationFrame = () => 0; });
    await page.waitForFunction((n) => { const s = window.nuanxin.state(); return s.signed_in && s.last_sync && s.records >= n && s.saving === 0; },
      N, { timeout: 600000, polling: 50 });
    out.pull = Date.now() - t0;
    out.pulled = await page.evaluate(() => window.nuanxin.state().records);
  } finally {
    await b.close();
  }
  return out;
}

// PouchDB: bulkDocs into a local database, replicate.to the peer, then replicate.from into
// an empty database of a second profile.
async function pouch(peer) {
  const docs = requestChanges(N, 0, 'owner', 'unit', 3).map((c) => ({ _id: c.id, kind: c.kind, ...c.set, status: 'ordered' }));
  const out = {};
  const a = await openProfile(`${peer.url}/bench.html`);
  try {
    Object.assign(out, await a.page.evaluate(async ({ docs, remote }) => {
      const local = new PouchDB('bench');
      let t0 = performance.now();
      await local.bulkDocs(docs);
      const save = performance.now() - t0;
      t0 = performance.now();
      await local.replicate.to(remote);
      return { save, push: performance.now() - t0 };
    }, { docs, remote: `${peer.url}/db/bench` }));
  } finally {
    await a.close();
  }
  const b = await openProfile(`${peer.url}/bench.html`);
  try {
    Object.assign(out, await b.page.evaluate(async (remote) => {
      const local = new PouchDB('fresh');
      const t0 = performance.now();
      await local.replicate.from(remote);
      const info = await local.info();
      return { pull: performance.now() - t0, pulled: info.doc_count };
    }, `${peer.url}/db/bench`));
  } finally {
    await b.close();
  }
  return out;
}

const server = await startServer({ server: args.server, dist: args.dist, extraArgs: ['--demo'] });
const peer = await startPeer();
let nx, pd;
try {
  nx = await nuanxin(server);
  pd = await pouch(peer);
} finally {
  peer.stop();
  await server.stop();
}

const total = (x) => x.push + x.pull;
const lines = [
  '## sync: 10 000 changes pushed and pulled on loopback, against PouchDB',
  '',
  machineLine(),
  '',
  `A worker saves ${N} service requests offline; the phone comes online and pushes them; a second, empty phone signs in as`,
  'the same worker and pulls everything it may see. PouchDB does the same with the same documents: bulkDocs, replicate.to',
  'express-pouchdb (memory adapter), replicate.from into an empty database. Headless Chromium, profiles on disk; the',
  "app's frames held while it syncs (SwiftShader draws on the CPU; the PouchDB page draws nothing).",
  '',
  '| step | nuanxin s | PouchDB s | PouchDB / nuanxin |',
  '|---|---:|---:|---:|',
  `| save ${N} on the phone (one transaction / bulkDocs) | ${seconds(nx.save)} | ${seconds(pd.save)} | ${(pd.save / nx.save).toFixed(1)}× |`,
  `| push to the server | ${seconds(nx.push)} | ${seconds(pd.push)} | ${(pd.push / nx.push).toFixed(1)}× |`,
  `| pull into an empty phone (${nx.pulled} / ${pd.pulled} records) | ${seconds(nx.pull)} | ${seconds(pd.pull)} | ${(pd.pull / nx.pull).toFixed(1)}× |`,
  `| **push + pull** | **${seconds(total(nx))}** | **${seconds(total(pd))}** | **${(total(pd) / total(nx)).toFixed(1)}×** |`,
  '',
  `Floor: raw IndexedDB writing the same ${N} records in one strict transaction took ${seconds(nx.floor)} s; the pull is`,
  `**${(nx.pull / nx.floor).toFixed(1)}×** that floor (goal ≤ 2×), the push ${(nx.push / nx.floor).toFixed(1)}×. Goal against PouchDB: ≥ 10× faster.`,
];
console.log(lines.join('\n'));
if (args.report) writeSection(args.report, 'sync', lines.join('\n'));
