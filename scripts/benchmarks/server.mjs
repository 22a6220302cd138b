// server: wrk against /api/v1/sync/pull with a worker's valid token, on SQLite and on
// PostgreSQL (a throwaway cluster from scripts/pg_cluster), first on the demo district, then
// with the store grown to 1 000 000 records (pushed through the API as an admin would, 500 ops
// a request); and the server's memory (resident set) at that size.
//   node server.mjs --server PATH --dist DIR [--report FILE]
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiSession, parseArgs, sessionRecords } from '../../tests/e2e/lib.mjs';
import { machineLine, writeSection } from './report.mjs';

const TARGET = Number(process.env.NUANXIN_BENCH_RECORDS || 1000000);
const BATCH = 500;
const args = parseArgs(process.argv.slice(2));

async function startServer(dbArgs) {
  const data = mkdtempSync(join(tmpdir(), 'nuanxin-bench-server-'));
  const child = spawn(args.server, ['--data', data, '--port', '0', '--demo', ...dbArgs], { stdio: ['ignore', 'pipe', openSync(join(data, 'server.log'), 'w')] });
  const errors = () => readFileSync(join(data, 'server.log'), 'utf8').slice(-2000);
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; const m = out.match(/listening on (http:\/\/[^\s]+)/); if (m) resolve(m[1].replace(/\/+$/, '')); });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${errors()}`)));
  });
  return { url, data, pid: child.pid, async stop() { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); rmSync(data, { recursive: true, force: true }); } };
}

const rssMb = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;

// Asynchronously: the server's output must keep flowing while wrk runs.
async function wrk(url, token) {
  const { stdout: out } = await promisify(execFile)('wrk', ['-t2', '-c16', '-d10s', '--latency', '-H', `Authorization: Bearer ${token}`, `${url}/api/v1/sync/pull`]);
  const rate = Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]);
  const ms = (label) => {
    const m = out.match(new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`));
    return m ? Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000 })[m[2]] : NaN;
  };
  const non2xx = Number(out.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] || 0);
  if (non2xx) throw new Error(`wrk saw ${non2xx} failed responses`);
  return { rate, p50: ms('50'), p99: ms('99') };
}

// Pushes service requests for the demo's members (each owned by its member) until the store
// holds `target` records; returns ops applied per second.
// Once more after a dropped connection: pulls are reads, and a push resent is a duplicate.
const again = async (f) => { try { return await f(); } catch { await new Promise((r) => setTimeout(r, 500)); return f(); } };

async function grow(admin, target) {
  const all = await again(() => sessionRecords(admin));
  const members = all.filter((r) => r.kind === 'member');
  const have = all.length;
  let count = have;
  const started = Date.now();
  let serial = 0;
  while (count < target) {
    const n = Math.min(BATCH, target - count);
    const ops = [];
    for (let i = 0; i < n; i++) {
      const m = members[serial % members.length];
      ops.push({ op_id: randomUUID(), kind: 'service_request', id: randomUUID(), hlc: `${String(Date.now()).padStart(16, '0')}-${String(serial++ % 100000).padStart(5, '0')}-bench`,
        set: { category: 'other', description: `基准测试 #${serial}：想了解冬送温暖在哪里领`, owner_id: m.fields.owner_id, unit_id: m.fields.unit_id } });
    }
    const r = await again(() => admin.call('POST', '/api/v1/sync/push', { device_id: 'bench-admin', ops }));
    const applied = (r.results || []).filter((x) => x.status === 'applied' || (x.status === 'duplicate' && x.original === 'applied')).length;
    if (applied !== n) throw new Error(`push applied ${applied} of ${n}: ${JSON.stringify((r.results || []).find((x) => x.status !== 'applied') || r)}`);
    count += n;
    if ((count - have) % 100000 < BATCH) process.stdout.write(`  ${count} records\n`);
  }
  return { opsPerSecond: (count - have) / ((Date.now() - started) / 1000), have };
}

async function measure(name, dbArgs) {
  const server = await startServer(dbArgs);
  try {
    const logins = JSON.parse(readFileSync(join(server.data, 'demo-logins.json'), 'utf8'));
    const worker = await apiSession({ url: server.url }, logins.find((l) => l.role === 'worker'));
    const admin = await apiSession({ url: server.url }, logins.find((l) => l.role === 'admin'));
    const small = await wrk(server.url, worker.token);
    const smallRss = rssMb(server.pid);
    const grown = await grow(admin, TARGET);
    const big = await wrk(server.url, worker.token);
    return { name, small, smallRss, have: grown.have, load: grown.opsPerSecond, big, bigRss: rssMb(server.pid) };
  } finally {
    await server.stop();
  }
}

const results = [await measure('SQLite', [])];
const pgDir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-pg-'));
try {
  execFileSync('scripts/pg_cluster', ['start', pgDir]);
  const url = execFileSync('scripts/pg_cluster', ['createdb', pgDir, 'bench']).toString().trim().split('\n').pop();
  results.push(await measure('PostgreSQL', ['--db', url]));
} finally {
  execFileSync('scripts/pg_cluster', ['stop', pgDir]);
}

const f = (x, d = 1) => x.toFixed(d);
const lines = [
  `## server: wrk on /api/v1/sync/pull, and the server at ${TARGET.toLocaleString('en')} records`,
  '',
  machineLine(),
  '',
  '`wrk -t2 -c16 -d10s` with a demo worker\'s token (their first page: own records and public ones), server and wrk on the',
  `same 2 cores. "Grown": ${TARGET.toLocaleString('en')} records, filled by pushing service requests as an admin, ${BATCH} ops a request.`,
  '',
  '| backend | records | requests/s | p50 ms | p99 ms | server RSS MB |',
  '|---|---:|---:|---:|---:|---:|',
  ...results.flatMap((r) => [
    `| ${r.name} | ${r.have.toLocaleString('en')} (demo) | ${f(r.small.rate, 0)} | ${f(r.small.p50, 2)} | ${f(r.small.p99, 2)} | ${f(r.smallRss)} |`,
    `| ${r.name} | ${TARGET.toLocaleString('en')} | ${f(r.big.rate, 0)} | ${f(r.big.p50, 2)} | ${f(r.big.p99, 2)} | ${f(r.bigRss)} |`,
  ]),
  '',
  ...results.map((r) => `Filling ${r.name}: ${f(r.load, 0)} ops applied per second through /api/v1/sync/push.`),
];
console.log(lines.join('\n'));
if (args.report) writeSection(args.report, 'server', lines.join('\n'));
