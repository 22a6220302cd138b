// Shared by the API tests: a real nuanxin-server process on a free loopback port, on SQLite or
// on a fresh database in the throwaway PostgreSQL cluster (scripts/pg_cluster), and a small
// JSON client for DESIGN.md's /api/v1 contract.
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
  }
  return out;
}

export const options = parseArgs(process.argv.slice(2));
if (!options.server) throw new Error('usage: node <test>.mjs --server PATH --db sqlite|postgresql [--pg-dir DIR]');
export const backend = options.db || 'sqlite';

let databases = 0;
function freshDatabaseUrl() {
  if (backend !== 'postgresql') return null;
  if (!options['pg-dir']) throw new Error('--db postgresql needs --pg-dir (the cluster scripts/pg_cluster started)');
  const name = `nx_${process.pid}_${++databases}`;
  return execFileSync(join(ROOT, 'scripts', 'pg_cluster'), ['createdb', options['pg-dir'], name]).toString().trim();
}

// Starts a server; `demo` seeds the demo district; `shareWith` is another server whose
// database this one uses too. Returns a handle that can SIGKILL it and start it again on the
// same data.
export async function startServer({ demo = false, args = [], shareWith = null } = {}) {
  const data = shareWith ? shareWith.data : mkdtempSync(join(tmpdir(), 'nuanxin-api-'));
  const dbUrl = shareWith ? shareWith.dbUrl : freshDatabaseUrl();
  const argv = ['--data', data, '--port', '0', ...(dbUrl ? ['--db', dbUrl] : []), ...(demo ? ['--demo'] : []), ...args];
  const handle = { data, dbUrl, child: null, url: null, stderr: '' };
  // A server built with the sanitizers reports on stderr, a leak only when it exits.
  const checkSanitizers = () => {
    const report = handle.stderr.match(/(ERROR: (Address|Leak)Sanitizer|runtime error:)[^\n]*/);
    if (report) throw new Error(`the server's sanitizers found: ${report[0]}\n${handle.stderr.slice(-6000)}`);
  };
  handle.start = async () => {
    checkSanitizers();
    const child = spawn(options.server, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    handle.child = child;
    handle.stderr = '';
    child.stderr.on('data', (d) => { handle.stderr = (handle.stderr + d).slice(-20000); });
    handle.url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('server did not start in 60 s:\n' + handle.stderr)), 60000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/listening on (http:\/\/[^\s]+?)\/?\s/);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${handle.stderr}`)); });
    });
    return handle;
  };
  handle.kill = async (signal = 'SIGKILL') => {
    const child = handle.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    // A graceful stop waits for idle keep-alive connections (5 s); don't wait longer than that.
    const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
    await gone;
    clearTimeout(timer);
  };
  handle.stop = async () => {
    await handle.kill('SIGTERM');
    checkSanitizers();
    if (!shareWith) rmSync(data, { recursive: true, force: true });
  };
  handle.logins = () => JSON.parse(readFileSync(join(data, 'demo-logins.json'), 'utf8'));
  await handle.start();
  return handle;
}

// One HTTP call: {status, headers, body} with body parsed when it is JSON.
export async function call(server, method, path, { token, body, raw, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined && !h['Content-Type']) h['Content-Type'] = 'application/json';
  const res = await fetch(server.url + path, { method, headers: h, body: payload });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, body: json, text };
}

export async function loginWorker(server, phone, pin) {
  const r = await call(server, 'POST', '/api/v1/auth/worker/login', { body: { phone, pin } });
  if (r.status !== 200) throw new Error(`worker login ${phone}: ${r.status} ${r.text}`);
  return r.body;
}

export async function loginStaff(server, username, password) {
  const r = await call(server, 'POST', '/api/v1/auth/staff/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`staff login ${username}: ${r.status} ${r.text}`);
  return r.body;
}

// Signs in every demo account: {admin, district, chengnan, meituan, workers: [...]}, each {token, user}.
export async function demoSessions(server) {
  const logins = server.logins();
  const out = { workers: [] };
  for (const l of logins) {
    if (l.role === 'worker') out.workers.push({ ...(await loginWorker(server, l.login, l.secret)), login: l });
    else out[l.login.replace(/^demo-/, '')] = { ...(await loginStaff(server, l.login, l.secret)), login: l };
  }
  return out;
}

// An HLC stamp as the core writes it: wall ms (16 digits)-counter (5 digits)-device.
export function hlc(ms = Date.now(), counter = 0, device = 'test-device') {
  return `${String(ms).padStart(16, '0')}-${String(counter).padStart(5, '0')}-${device}`;
}

export const uuid = () => randomUUID();

export async function push(server, token, ops, deviceId = 'test-device') {
  return call(server, 'POST', '/api/v1/sync/push', { token, body: { device_id: deviceId, ops } });
}

// Every record visible to `token`, following the cursor page by page.
export async function pullAll(server, token, { since = 0, limit = 1000 } = {}) {
  const records = [];
  let cursor = since;
  for (let pages = 0; pages < 10000; pages++) {
    const r = await call(server, 'GET', `/api/v1/sync/pull?since=${cursor}&limit=${limit}`, { token });
    if (r.status !== 200) throw new Error(`pull: ${r.status} ${r.text}`);
    records.push(...r.body.records);
    cursor = r.body.cursor;
    if (!r.body.more) return { records, cursor, pages: pages + 1 };
  }
  throw new Error('pull did not finish');
}
