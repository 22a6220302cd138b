// Hostile requests, one row each: what an attacker or a broken client sends, and the 4xx the
// contract promises for it. None may crash the server, answer 500, leak a file or store
// something other than what was sent. Run once per backend (SQL-looking strings matter there).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backend, call, demoSessions, hlc, pullAll, push, startServer, uuid } from './lib.mjs';

const API = '/api/v1';
let server, worker, site, siteRoot;

before(async () => {
  server = await startServer({ demo: true });
  worker = (await demoSessions(server)).workers[0];
  worker.unitId = (await pullAll(server, worker.token)).records.find((r) => r.kind === 'member').fields.unit_id;
  // A second server that serves a static app, with a secret one folder above it.
  siteRoot = mkdtempSync(join(tmpdir(), 'nuanxin-site-'));
  mkdirSync(join(siteRoot, 'www'));
  writeFileSync(join(siteRoot, 'www', 'index.html'), '<!doctype html><title>暖新</title>');
  writeFileSync(join(siteRoot, 'secret.txt'), 'root:x:0:0:secret');
  site = await startServer({ args: ['--static', join(siteRoot, 'www')] });
});
after(async () => {
  await site?.stop();
  await server?.stop();
  rmSync(siteRoot, { recursive: true, force: true });
});

// One request exactly as given: the path is not normalised, headers are not checked.
function rawRequest(target, head, body = '') {
  const { hostname, port } = new URL(target.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head + '\r\n\r\n' + body));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => { data += d; });
    socket.setTimeout(30000, () => socket.destroy());
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number((data.match(/^HTTP\/1\.[01] (\d{3})/) || [])[1] || 0);
      resolve({ status, text: data });
    });
  });
}
const get = (target, path) => rawRequest(target, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close`);

const op = (set = {}, extra = {}) => ({
  op_id: uuid(), kind: 'service_request', id: uuid(), hlc: hlc(),
  set: { category: 'legal_consultation', topic: 'unpaid_wages', description: '工资拖欠三个月', owner_id: worker.user.id, unit_id: worker.unitId, ...set },
  ...extra,
});
const pushRaw = (raw) => call(server, 'POST', `${API}/sync/push`, { token: worker.token, raw });
const pushOps = (ops) => push(server, worker.token, ops);
const okOp = '{"op_id":"' + uuid() + '","kind":"service_request","id":"' + uuid() + '","hlc":"' + hlc() + '","set":{}}';

// [what is sent, expected status, expected error code (or a check of the answer)]
const table = [
  ['malformed UTF-8 in a push body', () => pushRaw(Buffer.concat([Buffer.from('{"device_id":"d1","ops":[],"x":"'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('"}')])), 400, 'encoding_invalid'],
  ['an overlong UTF-8 "/" in a login', () => call(server, 'POST', `${API}/auth/worker/login`, { raw: Buffer.concat([Buffer.from('{"phone":"138'), Buffer.from([0xc0, 0xaf]), Buffer.from('","pin":"135790"}')]) }), 400, 'encoding_invalid'],
  ['a lone UTF-16 surrogate escape', () => pushRaw('{"device_id":"d1","ops":[],"x":"\\ud800"}'), 400, 'json_invalid'],
  ['NaN', () => pushRaw('{"device_id":"d1","ops":[NaN]}'), 400, 'json_invalid'],
  ['Infinity', () => pushRaw('{"device_id":"d1","ops":[],"n":Infinity}'), 400, 'json_invalid'],
  ['a number past double (1e400)', () => pushRaw('{"device_id":"d1","ops":[],"n":1e400}'), 400, 'json_invalid'],
  ['a 400-digit integer', () => pushRaw('{"device_id":"d1","ops":[],"n":' + '9'.repeat(400) + '}'), 400, 'json_invalid'],
  ['a huge number where a string belongs', () => pushOps([op({ description: 1e308 })]), 200, (r) => {
    assert.equal(r.body.results[0].status, 'rejected');
    assert.equal(r.body.results[0].reason.field, 'description');
  }],
  ['an HLC counter of 20 digits', () => pushOps([op({}, { hlc: `${String(Date.now()).padStart(16, '0')}-${'9'.repeat(20)}-d1` })]), 200, (r) => {
    assert.equal(r.body.results[0].status, 'rejected');
    assert.equal(r.body.results[0].reason.field, 'hlc');
  }],
  ['since= a 30-digit number', () => call(server, 'GET', `${API}/sync/pull?since=${'9'.repeat(30)}`, { token: worker.token }), 400, 'query_invalid'],
  ['limit=1e3', () => call(server, 'GET', `${API}/sync/pull?limit=1e3`, { token: worker.token }), 400, 'query_invalid'],
  ['10 000 nested arrays', () => pushRaw('['.repeat(10000) + ']'.repeat(10000)), 400, 'too_deep'],
  ['10 000 nested objects, unclosed', () => pushRaw('{"a":'.repeat(10000)), 400, 'too_deep'],
  ['100 000 empty ops', () => pushRaw('{"device_id":"d1","ops":[' + Array(100000).fill('{}').join(',') + ']}'), 413, 'too_many_ops'],
  ['100 000 real ops (13 MB)', () => pushRaw('{"device_id":"d1","ops":[' + Array(100000).fill(okOp).join(',') + ']}'), 413, 'too_large'],
  ['a key twice at the top', () => pushRaw('{"device_id":"d1","device_id":"d2","ops":[]}'), 400, 'duplicate_key'],
  ['owner_id twice in an op', () => pushRaw(JSON.stringify({ device_id: 'd1', ops: [op()] }).replace('"owner_id":', '"owner_id":"' + uuid() + '","owner_id":')), 400, 'duplicate_key'],
  ['SQL in a staff login', () => call(server, 'POST', `${API}/auth/staff/login`, { body: { username: "admin' OR '1'='1' --", password: "' OR ''='" } }), 401, 'login_failed'],
  ['SQL in a worker login', () => call(server, 'POST', `${API}/auth/worker/login`, { body: { phone: "' OR 1=1 --", pin: '135790' } }), 400, 'phone_invalid'],
  ['SQL in a token', () => call(server, 'GET', `${API}/auth/me`, { headers: { Authorization: "Bearer ' OR token IS NOT NULL --" } }), 401, 'token_invalid'],
  ['SQL in a query', () => call(server, 'GET', `${API}/sync/pull?since=1;DROP%20TABLE%20records`, { token: worker.token }), 400, 'query_invalid'],
  ['SQL in an op\'s kind', () => pushOps([{ ...op(), kind: "service_request'; DROP TABLE records; --" }]), 200, (r) => {
    assert.equal(r.body.results[0].status, 'rejected');
  }],
  ['SQL in a record id', () => pushOps([{ ...op(), id: "1' OR '1'='1" }]), 200, (r) => {
    assert.equal(r.body.results[0].reason.field, 'id');
  }],
  ['a 64 KB Authorization header', () => rawRequest(server, `GET ${API}/auth/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${'a'.repeat(64 * 1024)}`), (s) => s >= 400 && s < 500],
  ['a negative Content-Length', () => rawRequest(server, `POST ${API}/sync/push HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: -5`), (s) => s >= 400 && s < 500],
  ['a method the API does not have', () => call(server, 'DELETE', `${API}/sync/push`, { token: worker.token }), (s) => s === 404 || s === 405],
];

const traversals = ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt',
  '/%252e%252e/secret.txt', '/./../secret.txt', '/www/../../secret.txt', '//../secret.txt', '/index.html%00.png',
  '/....//secret.txt', '/%c0%ae%c0%ae/secret.txt', '/' + '../'.repeat(20) + 'etc/passwd'];

test(`${table.length} hostile requests each get their 4xx, never a 500 (${backend})`, async () => {
  for (const [what, send, status, expect] of table) {
    const t0 = Date.now();
    const r = await send();
    if (Date.now() - t0 > 2000) console.log(`# slow row: ${what}: ${Date.now() - t0} ms`);
    if (typeof status === 'function') assert.ok(status(r.status), `${what}: ${r.status} ${r.text.slice(0, 200)}`);
    else assert.equal(r.status, status, `${what}: ${r.text.slice(0, 300)}`);
    if (typeof expect === 'string') assert.equal(r.body?.error?.code, expect, `${what}: ${r.text.slice(0, 300)}`);
    if (typeof expect === 'function') expect(r);
    assert.equal((await call(server, 'GET', `${API}/health`)).status, 200, `alive after: ${what}`);
  }
  console.log(`# hostile requests (${backend}): ${table.length} rows, ${traversals.length} traversal paths`);
});

test(`SQL-looking text is stored and read back exactly, and the tables are still there (${backend})`, async () => {
  const before = (await pullAll(server, worker.token)).records.length;
  const nasty = ["'); DROP TABLE records; --", 'Robert"); DELETE FROM users WHERE ("1"="1', "\\'; SELECT pg_sleep(5); --", '%_\\%_*', '$$; TRUNCATE ops; $$'];
  const ops = nasty.map((d) => op({ description: `工资 ${d}` }));
  const r = await pushOps(ops);
  assert.deepEqual(r.body.results.map((x) => x.status), nasty.map(() => 'applied'), JSON.stringify(r.body));
  const after = (await pullAll(server, worker.token)).records;
  assert.equal(after.length, before + nasty.length);
  for (const o of ops) assert.equal(after.find((x) => x.id === o.id).fields.description, o.set.description);
});

test(`no path outside the app's folder is served, however it is spelled (${backend})`, async () => {
  const index = await get(site, '/');
  assert.equal(index.status, 200, index.text.slice(0, 300));
  for (const path of traversals) {
    const r = await get(site, path);
    assert.ok(r.status === 400 || r.status === 404, `${path}: ${r.status}`);
    assert.ok(!r.text.includes('root:x'), `${path} leaked the file`);
  }
});
