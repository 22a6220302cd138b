// 活动 on a phone: a member finds a session that is full, joins its waitlist (saved on the phone
// first, then synced), sees their place, and is promoted when the person holding the seat
// cancels; then they see their check-in code and can cancel themselves.
//   node tests/e2e/events_test.mjs --server PATH --dist DIR --out DIR
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  apiSession, assert, findScrolled, goTab, signInWorker, tap, waitState, widgets,
  e2eRun, e2eStart, sessionRecords, apiHlc, texts, syncNow,
  openApp,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const logins = demoLogins();
const admin = await apiSession(server, logins.find((l) => l.role === 'admin'));

// Two demo workers who are members: one on the phone, one holding the only seat.
const members = [];
for (const l of logins.filter((x) => x.role === 'worker')) {
  const s = await apiSession(server, l);
  const m = (await sessionRecords(s)).find((r) => r.kind === 'member' && r.fields.status === 'active');
  if (m) members.push({ login: l, session: s, member: m });
}
assert(members.length >= 2, 'two demo members');
const [phoneMember, seatHolder] = members;

// A talk tomorrow with one seat, taken already.
const title = `电动车安全小课堂 ${process.pid}`;
const unitId = phoneMember.member.fields.unit_id;
const eventId = randomUUID(), sessionId = randomUUID();
const tomorrow = new Date(Date.now() + 8 * 3600e3 + 24 * 3600e3).toISOString().slice(0, 10);
let r = await admin.call('POST', '/api/v1/sync/push', { device_id: 'e2e-admin', ops: [
  { op_id: randomUUID(), kind: 'event', id: eventId, hlc: apiHlc(0), set: { title, category: 'talk', unit_id: unitId, place: '城南街道南苑社区服务中心' } },
  { op_id: randomUUID(), kind: 'event_session', id: sessionId, hlc: apiHlc(1), set: { event_id: eventId, unit_id: unitId, date: tomorrow, start: '19:00', end: '20:00', capacity: 1 } },
  { op_id: randomUUID(), kind: 'event', id: eventId, hlc: apiHlc(2), transition: 'publish', set: {} },
] });
assert(r.results.every((x) => x.status === 'applied'), JSON.stringify(r));
const seatId = randomUUID();
r = await seatHolder.session.call('POST', '/api/v1/sync/push', { device_id: 'e2e-other', ops: [
  { op_id: randomUUID(), kind: 'registration', id: seatId, hlc: apiHlc(), set: { event_id: eventId, session_id: sessionId, unit_id: unitId,
    member_id: seatHolder.member.id, owner_id: seatHolder.session.user.id } }] });
assert(r.results[0].status === 'applied', JSON.stringify(r));


await e2eRun({ server, browser }, async () => {
  const { page, problems } = await openApp(browser, server);
  await signInWorker(page, phoneMember.login);
  await goTab(page, '活动', 'events');
  await findScrolled(page, 'heading', title);
  await findScrolled(page, 'button', '已满，排队候补');
  assert((await texts(page)).some((t) => t.startsWith('已满')), 'the session says it is full');
  await page.screenshot({ path: join(args.out, 'events-full-390x844.png') });

  // Join the waitlist with no signal: saved on the phone, sent later.
  await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await tap(page, await findScrolled(page, 'button', '已满，排队候补'));
  await waitState(page, () => window.nuanxin.state().pending_ops === 1, null, 'the sign-up saved on the phone');
  await page.unroute('**/api/v1/**');
  await syncNow(page);
  await goTab(page, '活动', 'events');
  await findScrolled(page, 'text', '候补第 1 位');
  await page.screenshot({ path: join(args.out, 'events-waitlisted-390x844.png') });

  // The seat holder cancels; the server promotes the phone's member.
  r = await seatHolder.session.call('POST', '/api/v1/sync/push', { device_id: 'e2e-other', ops: [
    { op_id: randomUUID(), kind: 'registration', id: seatId, hlc: apiHlc(), transition: 'cancel', set: {} }] });
  assert(r.results[0].status === 'applied', JSON.stringify(r));
  await syncNow(page);
  await goTab(page, '活动', 'events');
  await findScrolled(page, 'text', '已报名');
  const code = (await texts(page)).find((t) => t.startsWith('签到码：'));
  assert(code && /^签到码：[0-9A-F]{4} [0-9A-F]{4}$/.test(code), `a check-in code (${code})`);
  await page.screenshot({ path: join(args.out, 'events-registered-390x844.png') });
  const mine = (await sessionRecords(phoneMember.session)).find((x) => x.kind === 'registration' && x.fields.session_id === sessionId);
  assert(mine.fields.status === 'registered', `the server agrees (${mine.fields.status})`);

  // And they can give the place back.
  await tap(page, await findScrolled(page, 'button', '取消报名'));
  await syncNow(page);
  const after = (await sessionRecords(phoneMember.session)).find((x) => x.id === mine.id);
  assert(after.fields.status === 'cancelled', 'cancelled on the server');

  const real = problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'));  // the offline part, on purpose
  assert(real.length === 0, 'no page errors: ' + real.join('; '));
});
