// The sync server over HTTP, as the phone uses it: register and log in, push and pull, replays,
// pages, tombstones, every 4xx of the contract, lockouts and expiry. Run once per backend:
//   node api_test.mjs --server BIN --db sqlite
//   node api_test.mjs --server BIN --db postgresql --pg-dir DIR   (a cluster from scripts/pg_cluster)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { backend, call, demoSessions, hlc, loginStaff, loginWorker, options, pullAll, push, startServer, uuid } from './lib.mjs';

const API = '/api/v1';

// A phone number no demo worker has (the demo's are generated; 166 is not among its prefixes).
let phoneSerial = 0;
const newPhone = () => `166${String(process.pid % 10000).padStart(4, '0')}${String(++phoneSerial).padStart(4, '0')}`;

function serviceRequestOp(worker, description = '送餐途中摔伤，想问能不能算工伤') {
  return {
    op_id: uuid(), kind: 'service_request', id: uuid(), hlc: hlc(),
    set: { category: 'legal_consultation', topic: 'work_injury', description, owner_id: worker.user.id, unit_id: worker.unitId },
  };
}

describe(`API on ${backend}`, () => {
  let server;
  let s; // demo sessions
  before(async () => {
    server = await startServer({ demo: true });
    s = await demoSessions(server);
    // The unit of the first demo worker (a member of the 美团 company union) from their own member record.
    const mine = await pullAll(server, s.workers[0].token);
    s.workers[0].unitId = mine.records.find((r) => r.kind === 'member').fields.unit_id;
  });
  after(async () => { await server?.stop(); });

  test('health and the OpenAPI description', async () => {
    const h = await call(server, 'GET', `${API}/health`);
    assert.equal(h.status, 200);
    assert.deepEqual({ status: h.body.status, db: h.body.db }, { status: 'ok', db: backend });
    const o = await call(server, 'GET', `${API}/openapi.json`);
    assert.equal(o.status, 200);
    assert.equal(o.body.openapi, '3.0.3');
    for (const p of ['/health', '/auth/worker/register', '/auth/worker/login', '/auth/staff/login', '/sync/push', '/sync/pull'])
      assert.ok(o.body.paths[p], `openapi.json describes ${p}`);
  });

  test('a worker registers, logs in with the PIN, and is told who they are', async () => {
    const phone = newPhone();
    const reg = await call(server, 'POST', `${API}/auth/worker/register`, { body: { phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3)}`, name: '王小骑', pin: '480172' } });
    assert.equal(reg.status, 201, reg.text);
    assert.match(reg.body.token, /^[0-9a-f]{64}$/);
    assert.equal(reg.body.user.role, 'worker');
    assert.equal(reg.body.user.phone, phone, 'the phone is stored normalized');
    assert.ok(reg.body.expires_at > Date.now());

    const again = await call(server, 'POST', `${API}/auth/worker/register`, { body: { phone, name: '王小骑', pin: '480172' } });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'phone_taken');
    assert.equal(again.body.error.field, 'phone');

    const login = await loginWorker(server, phone, '480172');
    assert.equal(login.user.id, reg.body.user.id);
    const me = await call(server, 'GET', `${API}/auth/me`, { token: login.token });
    assert.equal(me.status, 200);
    assert.equal(me.body.user.name, '王小骑');

    const wrong = await call(server, 'POST', `${API}/auth/worker/login`, { body: { phone, pin: '480173' } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'login_failed');
    assert.match(wrong.body.error.message_zh, /还可以再试 4 次/);
  });

  test('registration input is checked field by field', async () => {
    const cases = [
      [{ phone: '12345', name: '张三', pin: '480172' }, 'phone'],
      [{ name: '张三', pin: '480172' }, 'phone'],
      [{ phone: newPhone(), name: '', pin: '480172' }, 'name'],
      [{ phone: newPhone(), name: '张三', pin: '123456' }, 'pin', 'pin_weak'],
      [{ phone: newPhone(), name: '张三', pin: '12ab56' }, 'pin', 'pin_invalid'],
      [{ phone: newPhone(), name: '张三', pin: 480172 }, 'pin', 'type_invalid'],
      [{ phone: newPhone(), name: '张三', pin: '480172', role: 'admin' }, 'role', 'field_unknown'],
    ];
    for (const [body, field, code] of cases) {
      const r = await call(server, 'POST', `${API}/auth/worker/register`, { body });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.field, field, JSON.stringify(r.body));
      if (code) assert.equal(r.body.error.code, code);
      assert.ok(r.body.error.message && r.body.error.message_zh);
    }
  });

  test('five wrong PINs lock the account: 429 with Retry-After, even for the right PIN', async () => {
    const phone = newPhone();
    assert.equal((await call(server, 'POST', `${API}/auth/worker/register`, { body: { phone, name: '李四', pin: '739164' } })).status, 201);
    for (let i = 0; i < 5; i++) {
      const r = await call(server, 'POST', `${API}/auth/worker/login`, { body: { phone, pin: '000111' } });
      assert.equal(r.status, 401, `attempt ${i + 1}`);
    }
    const locked = await call(server, 'POST', `${API}/auth/worker/login`, { body: { phone, pin: '739164' } });
    assert.equal(locked.status, 429);
    assert.equal(locked.body.error.code, 'too_many_attempts');
    const retry = Number(locked.headers.get('retry-after'));
    assert.ok(retry > 0 && retry <= 15 * 60, `Retry-After ${retry}`);
    // Another account is not affected.
    await loginWorker(server, s.workers[1].login.login, s.workers[1].login.secret);
  });

  test('staff log in with a password; a wrong one is refused without saying which part was wrong', async () => {
    const bad = await call(server, 'POST', `${API}/auth/staff/login`, { body: { username: 'demo-district', password: 'not-it' } });
    assert.equal(bad.status, 401);
    const nobody = await call(server, 'POST', `${API}/auth/staff/login`, { body: { username: 'no-such-user', password: 'not-it' } });
    assert.equal(nobody.status, 401);
    assert.equal(nobody.body.error.code, bad.body.error.code);
    assert.equal(s.district.user.role, 'staff');
    assert.equal(s.admin.user.role, 'admin');
  });

  test('logout ends the session; a made-up token is refused', async () => {
    const session = await loginWorker(server, s.workers[2].login.login, s.workers[2].login.secret);
    assert.equal((await call(server, 'POST', `${API}/auth/logout`, { token: session.token })).status, 200);
    const after = await call(server, 'GET', `${API}/auth/me`, { token: session.token });
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, 'token_invalid');
    const none = await call(server, 'GET', `${API}/sync/pull`);
    assert.equal(none.status, 401);
    assert.equal(none.body.error.code, 'auth_required');
    const fake = await call(server, 'GET', `${API}/sync/pull`, { token: 'f'.repeat(64) });
    assert.equal(fake.status, 401);
  });

  test('push then pull: the worker, their unit staff and the admin see it; others do not', async () => {
    const w = s.workers[0];
    const op = serviceRequestOp(w);
    const r = await push(server, w.token, [op]);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.results.length, 1);
    assert.equal(r.body.results[0].status, 'applied', JSON.stringify(r.body));
    assert.ok(r.body.results[0].seq > 0);

    const seen = async (session) => (await pullAll(server, session.token)).records.some((x) => x.id === op.id);
    assert.equal(await seen(w), true, 'the worker');
    assert.equal(await seen(s.meituan), true, 'staff of the unit');
    assert.equal(await seen(s.district), true, 'staff of the district above it');
    assert.equal(await seen(s.admin), true, 'the admin');
    assert.equal(await seen(s.workers[1]), false, 'another worker');
    assert.equal(await seen(s.chengnan), false, 'staff of another town');

    const mine = (await pullAll(server, w.token)).records.find((x) => x.id === op.id);
    assert.equal(mine.kind, 'service_request');
    assert.equal(mine.fields.status, 'ordered');
    assert.equal(mine.fields.description, op.set.description);
    assert.equal(mine.deleted, false);
    assert.equal(mine.stamps.description, op.hlc);
  });

  test('a member\'s own phone gets their card signed with the key /card-key publishes; nobody else gets it or may write it', async () => {
    const w = s.workers[0];
    const member = (await pullAll(server, w.token)).records.find((x) => x.kind === 'member');
    const card = member.fields.card;
    assert.match(card, /^NX1\|NX-\d{8}-[0-9A-Z]{5}-[0-9A-Z]{5}\|[0-9a-f-]{36}\|\d{4}-\d{2}-\d{2}\|[A-Za-z0-9_-]{86}$/);
    const parts = card.split('|');
    assert.equal(parts[1], member.fields.member_no);
    assert.equal(parts[2], member.fields.unit_id);
    const key = await call(server, 'GET', `${API}/card-key`);
    assert.equal(key.status, 200);
    assert.equal(key.body.algorithm, 'Ed25519');
    // An Ed25519 public key as SPKI DER: a fixed 12-byte prefix, then the 32 key bytes.
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(key.body.public_key, 'base64url')]);
    const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const signed = Buffer.from(parts.slice(0, 4).join('|'));
    const signature = Buffer.from(parts[4], 'base64url');
    assert.equal(verify(null, signed, publicKey, signature), true, 'the signature verifies');
    const forged = Buffer.from(parts.slice(0, 3).concat(['2099-12-31']).join('|'));
    assert.equal(verify(null, forged, publicKey, signature), false, 'a changed date does not');

    const seenByStaff = (await pullAll(server, s.meituan.token)).records.find((x) => x.id === member.id);
    assert.ok(seenByStaff && seenByStaff.fields.card === undefined, 'staff see the record, not a card');
    const r = await push(server, s.meituan.token, [{ op_id: uuid(), kind: 'member', id: member.id, hlc: hlc(), set: { card: 'NX1|forged' } }]);
    assert.equal(r.body.results[0].status, 'rejected', JSON.stringify(r.body));
  });

  test('a cancelled seat goes to the first on the waitlist, promoted by the server', async () => {
    const members = [];
    for (const w of s.workers) {
      const m = (await pullAll(server, w.token)).records.find((x) => x.kind === 'member' && x.fields.status === 'active');
      if (m) members.push({ w, m });
    }
    assert.ok(members.length >= 3, 'three demo workers are members');
    const unitId = members[0].m.fields.unit_id;
    const eventId = uuid(), sessionId = uuid();
    const tomorrow = new Date(Date.now() + 8 * 3600e3 + 24 * 3600e3).toISOString().slice(0, 10);
    let r = await push(server, s.admin.token, [
      { op_id: uuid(), kind: 'event', id: eventId, hlc: hlc(Date.now(), 0), set: { title: '夏送清凉 测试场', category: 'summer_cooling', unit_id: unitId, place: '海陵区职工服务中心' } },
      { op_id: uuid(), kind: 'event_session', id: sessionId, hlc: hlc(Date.now(), 1), set: { event_id: eventId, unit_id: unitId, date: tomorrow, start: '09:00', end: '11:00', capacity: 1 } },
      { op_id: uuid(), kind: 'event', id: eventId, hlc: hlc(Date.now(), 2), transition: 'publish', set: {} },
    ]);
    assert.ok(r.body.results.every((x) => x.status === 'applied'), JSON.stringify(r.body));
    const signUp = (p) => ({ op_id: uuid(), kind: 'registration', id: uuid(), hlc: hlc(),
      set: { event_id: eventId, session_id: sessionId, unit_id: unitId, member_id: p.m.id, owner_id: p.w.user.id } });
    const regs = members.slice(0, 3).map(signUp);
    for (let i = 0; i < 3; i++) {
      r = await push(server, members[i].w.token, [regs[i]]);
      assert.equal(r.body.results[0].status, 'applied', JSON.stringify(r.body));
    }
    const statusOf = async (i) => (await pullAll(server, members[i].w.token)).records.find((x) => x.id === regs[i].id).fields.status;
    assert.deepEqual([await statusOf(0), await statusOf(1), await statusOf(2)], ['registered', 'waitlisted', 'waitlisted']);

    r = await push(server, members[0].w.token, [{ op_id: uuid(), kind: 'registration', id: regs[0].id, hlc: hlc(), transition: 'cancel', set: {} }]);
    assert.equal(r.body.results[0].status, 'applied', JSON.stringify(r.body));
    assert.deepEqual([await statusOf(0), await statusOf(1), await statusOf(2)], ['cancelled', 'registered', 'waitlisted'],
      'the first on the waitlist got the seat, the second still waits');
    const promoted = (await pullAll(server, members[1].w.token)).records.find((x) => x.id === regs[1].id);
    assert.ok(promoted.fields.promoted_at, 'with the time it was promoted');
    const history = await call(server, 'GET', `${API}/records/registration/${regs[1].id}/history`, { token: s.admin.token });
    assert.equal(history.body.history.at(-1).user_id, 'server', 'the server did it, on the record');
    const session = (await pullAll(server, members[2].w.token)).records.find((x) => x.id === sessionId);
    assert.deepEqual([session.fields.seats_taken, session.fields.waitlisted], [1, 1], 'the session\'s counts, kept by the server');
  });

  test('the server keeps a health-check slot\'s places taken and an insurance plan\'s enrolled current', async () => {
    const w = s.workers[0];
    const member = (await pullAll(server, w.token)).records.find((x) => x.kind === 'member' && x.fields.status === 'active');
    assert.ok(member, 'the first demo worker is a member');
    const unitId = member.fields.unit_id;
    const chinaDay = (days) => new Date(Date.now() + 8 * 3600e3 + days * 24 * 3600e3).toISOString().slice(0, 10);
    const slotId = uuid(), planId = uuid();
    let r = await push(server, s.admin.token, [
      { op_id: uuid(), kind: 'health_check_slot', id: slotId, hlc: hlc(),
        set: { unit_id: unitId, place: '体检车 测试点', date: chinaDay(1), start_time: '09:00', end_time: '11:00', capacity: 5 } },
      { op_id: uuid(), kind: 'insurance_plan', id: planId, hlc: hlc(),
        set: { name: '测试意外险', plan_type: 'accident', unit_id: unitId, quota: 5, period_start: chinaDay(-1), period_end: chinaDay(30) } },
    ]);
    assert.ok(r.body.results.every((x) => x.status === 'applied'), JSON.stringify(r.body));
    const bookingId = uuid(), enrolmentId = uuid();
    r = await push(server, w.token, [
      { op_id: uuid(), kind: 'health_check_booking', id: bookingId, hlc: hlc(), set: { slot_id: slotId, owner_id: w.user.id, unit_id: unitId } },
      { op_id: uuid(), kind: 'insurance_enrolment', id: enrolmentId, hlc: hlc(),
        set: { plan_id: planId, member_id: member.id, owner_id: w.user.id, unit_id: unitId } },
    ]);
    assert.ok(r.body.results.every((x) => x.status === 'applied'), JSON.stringify(r.body));
    // Another worker's phone holds neither record, so it can only read the counts the server kept.
    const counts = async () => {
      const seen = (await pullAll(server, s.workers[1].token)).records;
      return [seen.find((x) => x.id === slotId).fields.places_taken, seen.find((x) => x.id === planId).fields.enrolled];
    };
    assert.deepEqual(await counts(), [1, 1]);
    r = await push(server, w.token, [
      { op_id: uuid(), kind: 'health_check_booking', id: bookingId, hlc: hlc(), transition: 'cancel', set: {} },
      { op_id: uuid(), kind: 'insurance_enrolment', id: enrolmentId, hlc: hlc(), transition: 'withdraw', set: {} },
    ]);
    assert.ok(r.body.results.every((x) => x.status === 'applied'), JSON.stringify(r.body));
    assert.deepEqual(await counts(), [0, 0]);
  });

  test('a replayed push changes nothing and returns the first outcomes as duplicates', async () => {
    const w = s.workers[0];
    const ops = [serviceRequestOp(w, '第一条'), serviceRequestOp(w, '第二条')];
    ops.push({ ...serviceRequestOp(w), kind: 'no_such_kind' });
    const first = await push(server, w.token, ops);
    assert.deepEqual(first.body.results.map((x) => x.status), ['applied', 'applied', 'rejected']);
    const cursor = (await pullAll(server, s.admin.token)).cursor;

    const second = await push(server, w.token, ops);
    assert.deepEqual(second.body.results.map((x) => x.status), ['duplicate', 'duplicate', 'duplicate']);
    assert.deepEqual(second.body.results.map((x) => x.original), ['applied', 'applied', 'rejected']);
    assert.deepEqual(second.body.results.map((x) => x.seq), first.body.results.map((x) => x.seq));
    assert.equal(second.body.results[2].reason.code, 'kind_unknown');
    const changed = await pullAll(server, s.admin.token, { since: cursor });
    assert.equal(changed.records.length, 0, 'nothing changed on the replay');

    // The same op twice in one batch: applied once.
    const op = serviceRequestOp(w, '同一批里重复');
    const twice = await push(server, w.token, [op, op]);
    assert.deepEqual(twice.body.results.map((x) => x.status), ['applied', 'duplicate']);
  });

  test('another user cannot learn the outcome of an op id that is not theirs', async () => {
    const op = serviceRequestOp(s.workers[0]);
    await push(server, s.workers[0].token, [op]);
    const r = await push(server, s.workers[1].token, [op]);
    assert.equal(r.body.results[0].status, 'rejected');
    assert.equal(r.body.results[0].reason.code, 'op_id_taken');
  });

  test('pull pages through everything exactly once, in order, with a cursor that only grows', async () => {
    const all = await pullAll(server, s.admin.token, { limit: 1000 });
    const paged = await pullAll(server, s.admin.token, { limit: 97 });
    assert.ok(paged.pages > 10, `${paged.pages} pages`);
    assert.equal(paged.records.length, all.records.length);
    assert.deepEqual(paged.records.map((r) => r.seq), all.records.map((r) => r.seq));
    const seqs = paged.records.map((r) => r.seq);
    assert.ok(seqs.every((x, i) => i === 0 || x > seqs[i - 1]), 'seq ascending');
    assert.equal(new Set(paged.records.map((r) => `${r.kind}/${r.id}`)).size, paged.records.length, 'no record twice');
    assert.equal(paged.cursor, all.cursor);
    const empty = await call(server, 'GET', `${API}/sync/pull?since=${all.cursor}`, { token: s.admin.token });
    assert.deepEqual({ n: empty.body.records.length, more: empty.body.more, cursor: empty.body.cursor }, { n: 0, more: false, cursor: all.cursor });
  });

  test('a page of records comes compressed in the coding the phone takes, and reads the same', async () => {
    const plain = await call(server, 'GET', `${API}/sync/pull?since=0&limit=500`, { token: s.admin.token, headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    for (const coding of ['br', 'gzip']) {
      const packed = await call(server, 'GET', `${API}/sync/pull?since=0&limit=500`, { token: s.admin.token, headers: { 'Accept-Encoding': coding } });
      assert.equal(packed.status, 200);
      assert.equal(packed.headers.get('content-encoding'), coding);
      assert.equal(packed.headers.get('vary'), 'Accept-Encoding');
      assert.deepEqual(packed.body, plain.body, `${coding} decodes to the same page`);
    }
  });

  test('a delete reaches other phones as a tombstone', async () => {
    const w = s.workers[0];
    const unitId = w.unitId;
    const station = { op_id: uuid(), kind: 'station', id: uuid(), hlc: hlc(), set: { name: '临时驿站', unit_id: unitId, address: '海陵区测试路 1 号', lat: 32.49, lng: 119.92, status: 'open' } };
    const created = await push(server, s.meituan.token, [station]);
    assert.equal(created.body.results[0].status, 'applied', JSON.stringify(created.body));
    const before = (await pullAll(server, w.token)).cursor;
    const del = await push(server, s.meituan.token, [{ op_id: uuid(), kind: 'station', id: station.id, hlc: hlc(), delete: true }]);
    assert.equal(del.body.results[0].status, 'applied', JSON.stringify(del.body));
    const changes = await pullAll(server, w.token, { since: before });
    const tomb = changes.records.find((r) => r.id === station.id);
    assert.ok(tomb, 'the worker receives the tombstone');
    assert.equal(tomb.deleted, true);
    assert.ok(tomb.deleted_at);
  });

  test('workflow steps go through the core: forbidden and impossible transitions are rejected with a reason', async () => {
    const w = s.workers[0];
    const op = serviceRequestOp(w);
    await push(server, w.token, [op]);
    const step = (name, set = {}) => ({ op_id: uuid(), kind: 'service_request', id: op.id, hlc: hlc(), transition: name, set });
    const byWorker = await push(server, w.token, [step('match')]);
    assert.equal(byWorker.body.results[0].status, 'rejected');
    assert.equal(byWorker.body.results[0].reason.code, 'transition_forbidden');
    const impossible = await push(server, w.token, [step('confirm', { rating: 5 })]);
    assert.equal(impossible.body.results[0].status, 'rejected');
    assert.match(impossible.body.results[0].reason.code, /^transition_(invalid|forbidden)$/);
    const unknown = await push(server, w.token, [step('teleport')]);
    assert.equal(unknown.body.results[0].reason.code, 'transition_unknown');
    const cancel = await push(server, w.token, [step('cancel', { reason: '已自行解决' })]);
    assert.equal(cancel.body.results[0].status, 'applied', JSON.stringify(cancel.body));
    const protectedField = await push(server, w.token, [{ ...serviceRequestOp(w), id: op.id, set: { status: 'confirmed' } }]);
    assert.equal(protectedField.body.results[0].reason.code, 'field_protected');
  });

  test('an op stamped days ahead of the server clock is refused', async () => {
    const op = serviceRequestOp(s.workers[0]);
    op.hlc = hlc(Date.now() + 3 * 24 * 3600 * 1000);
    const r = await push(server, s.workers[0].token, [op]);
    assert.equal(r.body.results[0].reason.code, 'clock_ahead');
  });

  test('every 4xx of the contract for bad input, and never a 500', async () => {
    const t = s.workers[0].token;
    const expect = async (res, status, code, field) => {
      const r = await res;
      assert.equal(r.status, status, r.text);
      assert.ok(r.body?.error, `JSON error body: ${r.text}`);
      if (code) assert.equal(r.body.error.code, code, r.text);
      if (field) assert.equal(r.body.error.field, field, r.text);
    };
    const pushRaw = (raw) => call(server, 'POST', `${API}/sync/push`, { token: t, raw });
    await expect(pushRaw('{"device_id": "d1", "ops": ['), 400, 'json_invalid');
    await expect(pushRaw(''), 400, 'json_invalid');
    await expect(pushRaw('[1,2]'), 400, 'type_invalid');
    await expect(pushRaw('{"device_id": 7, "ops": []}'), 400, 'type_invalid', 'device_id');
    await expect(pushRaw('{"device_id": "d1"}'), 400, 'required', 'ops');
    await expect(pushRaw('{"device_id": "d1", "ops": {}}'), 400, 'type_invalid', 'ops');
    await expect(pushRaw('{"device_id": "bad device!", "ops": []}'), 400, 'device_id_invalid', 'device_id');
    await expect(pushRaw('{"device_id": "d1", "ops": [{"kind": "member"}]}'), 400, 'op_id_invalid', 'ops[0].op_id');
    await expect(pushRaw('{"device_id": "d1", "ops": [7]}'), 400, 'op_id_invalid', 'ops[0].op_id');
    await expect(pushRaw('{"a":'.repeat(40) + '1' + '}'.repeat(40)), 400, 'too_deep');
    await expect(pushRaw('{"device_id": "d1", "ops": [], "x": "' + 'y'.repeat(70 * 1024) + '"}'), 400, 'string_too_long');
    await expect(pushRaw(JSON.stringify({ device_id: 'd1', ops: Array.from({ length: 501 }, () => serviceRequestOp(s.workers[0])) })), 413, 'too_many_ops', 'ops');
    await expect(pushRaw('{"device_id": "d1", "ops": [], "pad": "' + 'x'.repeat(1100 * 1024) + '"}'), 413, 'too_large');
    await expect(call(server, 'GET', `${API}/sync/pull?since=-1`, { token: t }), 400, 'query_invalid', 'since');
    await expect(call(server, 'GET', `${API}/sync/pull?since=abc`, { token: t }), 400, 'query_invalid', 'since');
    await expect(call(server, 'GET', `${API}/sync/pull?limit=0`, { token: t }), 400, 'query_invalid', 'limit');
    await expect(call(server, 'GET', `${API}/sync/pull?limit=100000`, { token: t }), 400, 'query_invalid', 'limit');
    await expect(call(server, 'POST', `${API}/auth/worker/login`, { raw: 'not json' }), 400, 'json_invalid');
    await expect(call(server, 'POST', `${API}/auth/staff/login`, { body: { username: ['x'], password: 'y' } }), 400, 'type_invalid', 'username');
    await expect(call(server, 'GET', `${API}/no/such/thing`), 404, 'not_found');

    // Ops that decode badly are rejected one by one, naming the field, and the rest still apply.
    const good = serviceRequestOp(s.workers[0]);
    const r = await push(server, t, [
      { op_id: uuid(), kind: 'service_request', id: 'not-a-uuid', hlc: hlc(), set: {} },
      { op_id: uuid(), kind: 'service_request', id: uuid(), hlc: 'yesterday', set: {} },
      { ...serviceRequestOp(s.workers[0]), set: { ...good.set, category: 42 } },
      { ...serviceRequestOp(s.workers[0]), set: { ...good.set, favourite_colour: 'red' } },
      good,
    ]);
    assert.equal(r.status, 200);
    const [a, b, c, d, e] = r.body.results;
    assert.deepEqual([a.status, b.status, c.status, d.status, e.status], ['rejected', 'rejected', 'rejected', 'rejected', 'applied']);
    assert.equal(a.reason.field, 'id');
    assert.equal(b.reason.field, 'hlc');
    assert.equal(c.reason.field, 'category');
    assert.equal(d.reason.field, 'favourite_colour');
    // Still alive.
    assert.equal((await call(server, 'GET', `${API}/health`)).status, 200);
  });

  test('the history of a record: who changed what, from which device, and the values before', async () => {
    const w = s.workers[0];
    const op = serviceRequestOp(w);
    await push(server, w.token, [op], 'phone-of-rider');
    const match = { op_id: uuid(), kind: 'service_request', id: op.id, hlc: hlc(), transition: 'cancel_by_staff', set: { reason: '重复提交' } };
    const r = await push(server, s.meituan.token, [match], 'tablet-7');
    assert.equal(r.body.results[0].status, 'applied', JSON.stringify(r.body));
    const h = await call(server, 'GET', `${API}/records/service_request/${op.id}/history`, { token: s.meituan.token });
    assert.equal(h.status, 200, h.text);
    assert.equal(h.body.history.length, 2);
    const [created, cancelled] = h.body.history;
    assert.deepEqual([created.user_id, created.device_id, created.role], [w.user.id, 'phone-of-rider', 'worker']);
    assert.equal(created.previous.description, null);
    assert.deepEqual([cancelled.device_id, cancelled.role, cancelled.op.transition], ['tablet-7', 'staff', 'cancel_by_staff']);
    assert.equal(cancelled.previous.status, 'ordered');
    assert.ok(cancelled.user_name.length > 0);

    const asWorker = await call(server, 'GET', `${API}/records/service_request/${op.id}/history`, { token: w.token });
    assert.equal(asWorker.status, 403);
    const asOtherTown = await call(server, 'GET', `${API}/records/service_request/${op.id}/history`, { token: s.chengnan.token });
    assert.equal(asOtherTown.status, 404);
    const missing = await call(server, 'GET', `${API}/records/service_request/${uuid()}/history`, { token: s.admin.token });
    assert.equal(missing.status, 404);
  });

  test('phone numbers of other people are masked for those who do not need them', async () => {
    const w = s.workers[0];
    const own = (await pullAll(server, w.token)).records.find((r) => r.kind === 'member');
    assert.match(own.fields.phone, /^\d{11}$/, 'a worker sees their own number');
    const staffView = (await pullAll(server, s.meituan.token)).records.find((r) => r.id === own.id);
    assert.equal(staffView.fields.phone, own.fields.phone, 'their unit staff see it whole');
    const providerAsWorker = (await pullAll(server, w.token)).records.find((r) => r.kind === 'provider');
    assert.equal(providerAsWorker.fields.mobile, undefined, "a provider's own mobile is not public");
  });

  test('a record someone may not read is "not found" to their ops, whatever its state', async () => {
    const op = serviceRequestOp(s.workers[0]);
    await push(server, s.workers[0].token, [op]);
    for (const session of [s.workers[1], s.chengnan]) {
      const r = await push(server, session.token, [{ op_id: uuid(), kind: 'service_request', id: op.id, hlc: hlc(), transition: 'cancel', set: {} }]);
      assert.equal(r.body.results[0].reason.code, 'not_found');
    }
  });

  test('moving a unit in the tree sends its records to the staff who see them now', async () => {
    const all = (await pullAll(server, s.admin.token)).records;
    const units = all.filter((r) => r.kind === 'unit');
    const meituan = units.find((u) => u.id === s.meituan.user.unit_id);
    const chengnan = units.find((u) => u.id === s.chengnan.user.unit_id);
    const member = all.find((r) => r.kind === 'member' && r.fields.unit_id === meituan.id);
    const cursor = (await pullAll(server, s.chengnan.token)).cursor;
    const move = await push(server, s.admin.token, [{ op_id: uuid(), kind: 'unit', id: meituan.id, hlc: hlc(), set: { parent_id: chengnan.id, unit_id: chengnan.id } }]);
    assert.equal(move.body.results[0].status, 'applied', JSON.stringify(move.body));
    const received = (await pullAll(server, s.chengnan.token, { since: cursor })).records;
    assert.ok(received.some((r) => r.id === member.id), '城南 staff receive the members of the union moved under them');
    assert.equal(received.find((r) => r.id === member.id).fields.phone, member.fields.phone, 'unmasked: they are its staff now');
  });

  test('`nuanxin-server user add` creates a staff account that can log in at once', async () => {
    const where = server.dbUrl ? ['--db', server.dbUrl] : ['--data', server.data];
    const add = (...args) => spawnSync(options.server, ['user', 'add', ...args, ...where], { encoding: 'utf8' });
    const ok = add('--username', 'li.wei', '--password', 'a-long-password', '--role', 'staff', '--unit', s.meituan.user.unit_id, '--name', '李伟');
    assert.equal(ok.status, 0, ok.stderr);
    const session = await loginStaff(server, 'li.wei', 'a-long-password');
    assert.deepEqual([session.user.role, session.user.unit_id, session.user.name], ['staff', s.meituan.user.unit_id, '李伟']);
    const again = add('--username', 'li.wei', '--password', 'a-long-password', '--role', 'staff', '--unit', s.meituan.user.unit_id);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /exists already/);
    const noUnit = add('--username', 'wang.fang', '--password', 'a-long-password', '--role', 'staff', '--unit', uuid());
    assert.equal(noUnit.status, 1);
    assert.match(noUnit.stderr, /no union unit/);
    const short = add('--username', 'zhao.li', '--password', 'short', '--role', 'admin');
    assert.equal(short.status, 2);
  });
});

describe(`sessions expire (${backend})`, () => {
  let server;
  before(async () => { server = await startServer({ args: ['--token-ttl', '1'] }); });
  after(async () => { await server?.stop(); });

  test('a token past its expiry is refused with token_expired', async () => {
    const phone = newPhone();
    const reg = await call(server, 'POST', `${API}/auth/worker/register`, { body: { phone, name: '赵六', pin: '582047' } });
    assert.equal(reg.status, 201);
    assert.equal((await call(server, 'GET', `${API}/auth/me`, { token: reg.body.token })).status, 200);
    await new Promise((r) => setTimeout(r, 1500));
    const late = await call(server, 'GET', `${API}/sync/pull`, { token: reg.body.token });
    assert.equal(late.status, 401);
    assert.equal(late.body.error.code, 'token_expired');
    // And it stays dead (it was removed, not only refused).
    assert.equal((await call(server, 'GET', `${API}/auth/me`, { token: reg.body.token })).body.error.code, 'token_invalid');
  });
});

describe(`one address guessing many accounts is slowed down (${backend})`, () => {
  let server;
  before(async () => { server = await startServer({ args: ['--behind-proxy'] }); });
  after(async () => { await server?.stop(); });

  test('50 failed logins from one address, across accounts, give 429; another address is not affected', async () => {
    const from = (address) => ({ 'X-Forwarded-For': `10.0.0.1, ${address}` });  // the proxy appends the last one
    for (let i = 0; i < 50; i++) {
      const r = await call(server, 'POST', `${API}/auth/worker/login`, { body: { phone: newPhone(), pin: '583920' }, headers: from('203.0.113.9') });
      assert.equal(r.status, 401, `attempt ${i + 1}`);
    }
    const r = await call(server, 'POST', `${API}/auth/worker/login`, { body: { phone: newPhone(), pin: '583920' }, headers: from('203.0.113.9') });
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) > 0);
    const other = await call(server, 'POST', `${API}/auth/worker/login`, { body: { phone: newPhone(), pin: '583920' }, headers: from('198.51.100.4') });
    assert.equal(other.status, 401);
  });

  test('too many registrations from one address give 429, refused ones counted too', async () => {
    const taken = newPhone();
    assert.equal((await call(server, 'POST', `${API}/auth/worker/register`, { body: { phone: taken, name: '钱七', pin: '692581' } })).status, 201);
    for (let i = 1; i < 30; i++) {
      const phone = i % 3 ? newPhone() : taken;  // asking "is this number taken?" counts as well
      const status = (await call(server, 'POST', `${API}/auth/worker/register`, { body: { phone, name: '钱七', pin: '692581' } })).status;
      assert.equal(status, phone === taken ? 409 : 201, `registration ${i + 1}`);
    }
    const r = await call(server, 'POST', `${API}/auth/worker/register`, { body: { phone: newPhone(), name: '钱七', pin: '692581' } });
    assert.equal(r.status, 429);
  });
});

describe(`two servers on one database (${backend})`, () => {
  let a, b;
  before(async () => {
    a = await startServer({ demo: true });
    b = await startServer({ shareWith: a });
  });
  after(async () => { await b?.stop(); await a?.stop(); });

  test('a session opened on one works on the other, and concurrent pushes through both get distinct, gap-free sequence numbers', async () => {
    const sessions = await demoSessions(a);
    const w = sessions.workers[0];
    w.unitId = (await pullAll(b, w.token)).records.find((r) => r.kind === 'member').fields.unit_id;
    const start = (await pullAll(b, sessions.admin.token)).cursor;
    const batches = Array.from({ length: 20 }, (_, i) => [serviceRequestOp(w, `并发 ${i}a`), serviceRequestOp(w, `并发 ${i}b`)]);
    const results = await Promise.all(batches.map((ops, i) => push(i % 2 ? a : b, w.token, ops)));
    const seqs = results.flatMap((r) => r.body.results.map((x) => { assert.equal(x.status, 'applied', JSON.stringify(x)); return x.seq; }));
    seqs.sort((x, y) => x - y);
    assert.deepEqual(seqs, Array.from({ length: 40 }, (_, i) => start + 1 + i), 'one counter, no gaps, no repeats');
    const pulled = await pullAll(a, sessions.admin.token, { since: start });
    assert.equal(pulled.records.length, 40);
    await call(b, 'POST', `${API}/auth/logout`, { token: w.token });
    assert.equal((await call(a, 'GET', `${API}/auth/me`, { token: w.token })).status, 401, 'logged out everywhere');
  });
});

describe(`scale-out: edits spread at random over two servers end as on one (${backend})`, () => {
  let one, a, b;
  before(async () => {
    one = await startServer({ demo: true });
    a = await startServer({ demo: true });
    b = await startServer({ shareWith: a });
  });
  after(async () => { await b?.stop(); await a?.stop(); await one?.stop(); });

  test('the same creates, then the same edits and deletes from three devices, in any order and through either server', async () => {
    const stations = 20;
    const ids = Array.from({ length: stations }, () => uuid());
    let state = 7;
    const rand = () => { state = (state * 1664525 + 1013904223) >>> 0; return state / 2 ** 32; };
    const shuffled = (list) => list.map((x) => [rand(), x]).sort((p, q) => p[0] - q[0]).map(([, x]) => x);
    const t0 = Date.now() - 600000;
    // Every edit has its own stamp; last-writer-wins must pick the same one whatever arrives first.
    const edits = [];
    ids.forEach((id, i) => {
      for (const device of ['tablet-1', 'tablet-2', 'phone-3']) {
        const stamp = hlc(t0 + Math.floor(rand() * 500000), Math.floor(rand() * 10), device);
        const field = ['name', 'status_note', 'contact_name'][Math.floor(rand() * 3)];
        const value = field === 'name' ? `扩容驿站${i}号${device.at(-1)}` : field === 'contact_name' ? `值班员${'甲乙丙'[Number(device.at(-1)) - 1]}` : `${device} 说：饮水机第 ${i} 次检修`;
        edits.push({ op_id: uuid(), kind: 'station', id, hlc: stamp, set: { [field]: value } });
      }
      if (i % 7 === 3) edits.push({ op_id: uuid(), kind: 'station', id, hlc: hlc(t0 + 550000, 0, 'office'), delete: true });
    });

    const run = async (servers) => {
      const admin = (await demoSessions(servers[0])).admin;
      const all = (await pullAll(servers[0], admin.token)).records;
      const unit = all.find((r) => r.kind === 'unit' && r.fields.name === '城南街道总工会').id;
      const template = all.find((r) => r.kind === 'station' && !r.deleted).fields;
      const creates = ids.map((id, i) => ({ op_id: uuid(), kind: 'station', id, hlc: hlc(t0, i, 'office'),
        set: { ...template, unit_id: unit, name: `扩容驿站${i}号`, status: 'open' } }));
      const created = await push(servers[0], admin.token, creates, 'office');
      created.body.results.forEach((x) => assert.equal(x.status, 'applied', JSON.stringify(x)));
      const ops = shuffled(edits.map((op) => ({ ...op, op_id: uuid() })));
      const batches = [];
      for (let i = 0; i < ops.length;) { const n = 1 + Math.floor(rand() * 5); batches.push(ops.slice(i, i + n)); i += n; }
      if (servers.length === 1) {
        for (const batch of batches) await push(servers[0], admin.token, batch, 'office');
      } else {
        await Promise.all(batches.map((batch) => push(servers[Math.floor(rand() * servers.length)], admin.token, batch, 'office')));
      }
      const after = (await pullAll(servers[servers.length - 1], admin.token)).records.filter((r) => ids.includes(r.id));
      return new Map(after.map((r) => [r.id, r.deleted ? 'deleted' : JSON.stringify({ ...r.fields, unit_id: null })]));
    };
    const single = await run([one]);
    const spread = await run([a, b]);
    assert.equal(single.size, stations);
    for (const id of ids) assert.equal(spread.get(id), single.get(id), `station ${ids.indexOf(id)} ends the same`);
    const deleted = [...single.values()].filter((v) => v === 'deleted').length;
    console.log(`# scale-out (${backend}): ${edits.length} edits of ${stations} stations, ${deleted} deleted, spread over two servers: identical to one`);
  });
});

describe(`the app hosted on another origin (${backend})`, () => {
  let server;
  before(async () => { server = await startServer({ args: ['--allow-origin', 'https://app.nuanxin.example'] }); });
  after(async () => { await server?.stop(); });

  test('CORS answers the configured app origin only', async () => {
    const pre = await call(server, 'OPTIONS', `${API}/sync/push`, {
      headers: { Origin: 'https://app.nuanxin.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://app.nuanxin.example');
    assert.match(pre.headers.get('access-control-allow-headers'), /Authorization/);
    const health = await call(server, 'GET', `${API}/health`, { headers: { Origin: 'https://app.nuanxin.example' } });
    assert.equal(health.headers.get('access-control-allow-origin'), 'https://app.nuanxin.example');
    const evil = await call(server, 'GET', `${API}/health`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const evilPre = await call(server, 'OPTIONS', `${API}/sync/push`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(evilPre.headers.get('access-control-allow-origin'), null);
  });
});
