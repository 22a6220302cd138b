// server: wrk against /api/v1/sync/pull with a worker's valid token, on SQLite and on
// PostgreSQL (a throwaway cluster from scripts/pg_cluster): on the demo district, and on the
// scale district (`--demo-scale`, 20 000 members and 50 000 requests by default: about 220 000
// records), with the server's memory (resident set) at each size; the same on PostgreSQL with
// about a million records (MILLION); and how many ops a second /sync/push applies.
//   node server.mjs --server PATH --dist DIR [--report FILE]
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { apiSession, parseArgs, sessionRecords } from '../../tests/e2e/lib.mjs';
import { machineLine, writeSection } from './report.mjs';

const SCALE = process.env.NUANXIN_BENCH_SCALE || '20000,50000';
const MILLION = '92000,230000';  // members, requests: about 1 000 000 records
const PUSHED = 20000;
const BATCH = 500;
const args = parseArgs(process.argv.slice(2));

async function startServer(dbArgs, data = mkdtempSync(join(tmpdir(), 'nuanxin-bench-server-'))) {
  // The log goes to a file: a pipe nobody reads while wrk runs would fill and stall the server.
  const child = spawn(args.server, ['--data', data, '--port', '0', ...dbArgs], { stdio: ['ignore', 'pipe', openSync(join(data, 'server.log'), 'w')] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; const m = out.match(/listening on (http:\/\/[^\s]+)/); if (m) resolve(m[1].replace(/\/+$/, '')); });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${readFileSync(join(data, 'server.log'), 'utf8').slice(-2000)}`)));
  });
  const logins = JSON.parse(readFileSync(join(data, 'demo-logins.json'), 'utf8'));
  return {
    url, pid: child.pid, logins, data,
    async stop({ keep = false } = {}) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (!keep) rmSync(data, { recursive: true, force: true });
    },
  };
}

const rssMb = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;

async function wrk(url, token) {
  const { stdout: out } = await promisify(execFile)('wrk', ['-t2', '-c16', '-d10s', '--latency', '-H', `Authorization: Bearer ${token}`, `${url}/api/v1/sync/pull`]);
  const ms = (label) => {
    const m = out.match(new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`));
    return m ? Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000 })[m[2]] : NaN;
  };
  const non2xx = Number(out.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] || 0);
  if (non2xx) throw new Error(`wrk saw ${non2xx} failed responses`);
  return { rate: Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]), p50: ms('50'), p99: ms('99') };
}

// Pushes PUSHED new service requests as the admin, BATCH a request; returns ops per second.
async function pushRate(url, admin) {
  const members = (await sessionRecords(admin)).filter((r) => r.kind === 'member');
  const started = Date.now();
  for (let done = 0, serial = 0; done < PUSHED; done += BATCH) {
    const ops = [];
    for (let i = 0; i < BATCH; i++, serial++) {
      const m = members[serial % members.length];
      ops.push({ op_id: randomUUID(), kind: 'service_request', id: randomUUID(), hlc: `${String(Date.now()).padStart(16, '0')}-${String(serial % 100000).padStart(5, '0')}-bench`,
        set: { category: 'other', description: `基准测试 #${serial}：想了解冬送温暖在哪里领`, owner_id: m.fields.owner_id, unit_id: m.fields.unit_id } });
    }
    const r = await admin.call('POST', '/api/v1/sync/push', { device_id: 'bench-admin', ops });
    const applied = (r.results || []).filter((x) => x.status === 'applied').length;
    if (applied !== BATCH) throw new Error(`push applied ${applied} of ${BATCH}: ${JSON.stringify((r.results || []).find((x) => x.status !== 'applied') || r)}`);
  }
  return PUSHED / ((Date.now() - started) / 1000);
}

async function measure(name, dbArgs, size) {
  const t0 = Date.now();
  const scale = { demo: [], scale: ['--demo-scale', SCALE], million: ['--demo-scale', MILLION] }[size];
  const serverArgs = ['--demo', ...scale, ...dbArgs];
  const seeding = await startServer(serverArgs);
  const seeded = (Date.now() - t0) / 1000;
  // Measured on a restart: the seeding run's memory is the generator's, not the server's.
  await seeding.stop({ keep: true });
  const server = await startServer(serverArgs, seeding.data);
  try {
    const worker = await apiSession({ url: server.url }, server.logins.find((l) => l.role === 'worker'));
    const admin = await apiSession({ url: server.url }, server.logins.find((l) => l.role === 'admin'));
    const records = (await sessionRecords(admin)).length;
    const load = await wrk(server.url, worker.token);
    const out = { name, size, records, seeded, load, rss: rssMb(server.pid) };
    if (size === 'demo') out.push = await pushRate(server.url, admin);
    return out;
  } finally {
    await server.stop();
  }
}

const results = [];
results.push(await measure('SQLite', [], 'demo'), await measure('SQLite', [], 'scale'));
const pgDir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-pg-'));
try {
  execFileSync('scripts/pg_cluster', ['start', pgDir]);
  // A million records only on PostgreSQL, the backend meant for that size; the server keeps
  // no records in memory on either, so its resident set is the figure to watch.
  for (const size of ['demo', 'scale', 'million']) {
    const url = execFileSync('scripts/pg_cluster', ['createdb', pgDir, `bench_${size}`]).toString().trim().split('\n').pop();
    results.push(await measure('PostgreSQL', ['--db', url], size));
  }
} finally {
  execFileSync('scripts/pg_cluster', ['stop', pgDir]);
}

const f = (x, d = 1) => x.toFixed(d);
const lines = [
  '## server: wrk on /api/v1/sync/pull, the server\'s memory, and push',
  '',
  machineLine(),
  '',
  '`wrk -t2 -c16 -d10s` with a demo worker\'s token (their first page: own records and public ones); server and wrk share',
  `the same 2 cores. "scale" is \`--demo-scale ${SCALE}\` and "million" \`--demo-scale ${MILLION}\` (members, service requests),`,
  'seeded straight into the database; the resident set is measured on a restart, after the pull load.',
  '',
  '| backend | district | records | requests/s | p50 ms | p99 ms | server RSS MB |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${r.name} | ${r.size} | ${r.records.toLocaleString('en')} | ${f(r.load.rate, 0)} | ${f(r.load.p50, 2)} | ${f(r.load.p99, 2)} | ${f(r.rss)} |`),
  '',
  ...results.filter((r) => r.push).map((r) => `Push on ${r.name}: ${f(r.push, 0)} ops applied per second (${PUSHED.toLocaleString('en')} new requests, ${BATCH} ops a request, each op checked by the core, stored, logged and audited in its batch's transaction).`),
  ...results.filter((r) => r.size !== 'demo').map((r) => `Seeding the ${r.size} district (${r.records.toLocaleString('en')} records) on ${r.name} took ${f(r.seeded, 0)} s, the generator included.`),
];
console.log(lines.join('\n'));
if (args.report) writeSection(args.report, 'server', lines.join('\n'));
