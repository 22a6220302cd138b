// 健康体检 on a phone: the mobile check-up van's times with places left (counted by the server,
// since a worker's phone sees only its own bookings); a booking made with no signal reaches
// the server once; the last place taken by someone else shows the time as fully booked.
//   node tests/e2e/health_check_test.mjs --server PATH --dist DIR --out DIR
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  apiSession, assert, findScrolled, findWidget, goTab, signInWorker, tap, waitState,
  widgets, e2eRun, e2eStart, sessionRecords, apiHlc, texts,
  openApp,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const logins = demoLogins();
const workers = logins.filter((l) => l.role === 'worker');
const admin = await apiSession(server, logins.find((l) => l.role === 'admin'));

// Two times tomorrow at a station: one with two places, one with a single place.
const district = (await sessionRecords(admin)).find((r) => r.kind === 'unit' && !r.fields.parent_id);
const tomorrow = new Date(Date.now() + 8 * 3600e3 + 24 * 3600e3).toISOString().slice(0, 10);
const roomy = randomUUID(), single = randomUUID();
const slot = (id, start, end, capacity, n) => ({ op_id: randomUUID(), kind: 'health_check_slot', id, hlc: apiHlc(n),
  set: { unit_id: district.id, place: `流动体检车 ${process.pid}`, address: '城南街道南苑社区服务中心门口', date: tomorrow,
    start_time: start, end_time: end, capacity } });
let r = await admin.call('POST', '/api/v1/sync/push', { device_id: 'e2e-admin', ops: [slot(roomy, '09:00', '11:00', 2, 0), slot(single, '14:00', '16:00', 1, 1)] });
assert(r.results.every((x) => x.status === 'applied'), JSON.stringify(r));


await e2eRun({ server, browser }, async () => {
  const { context, page, problems } = await openApp(browser, server);
  await signInWorker(page, workers[0]);
  await goTab(page, '服务', 'services');
  await tap(page, await findWidget(page, 'radio', '健康体检'));
  await findScrolled(page, 'text', `${tomorrow} 09:00–11:00`);
  assert((await texts(page)).includes('还剩 2 个名额'), 'two places at 09:00');
  await page.screenshot({ path: join(args.out, 'services-health-check-390x844.png') });

  // Another worker takes the single afternoon place; the phone learns it from the slot.
  const other = await apiSession(server, workers[1]);
  r = await other.call('POST', '/api/v1/sync/push', { device_id: 'e2e-other', ops: [{ op_id: randomUUID(), kind: 'health_check_booking',
    id: randomUUID(), hlc: apiHlc(), set: { slot_id: single, owner_id: other.user.id, unit_id: district.id } }] });
  assert(r.results[0].status === 'applied', JSON.stringify(r));

  // Book the morning with no signal.
  await context.setOffline(true);
  await tap(page, await findScrolled(page, 'button', '预约这个时间'));
  await waitState(page, () => window.nuanxin.state().pending_ops === 1, null, 'the booking saved on the phone');
  await context.setOffline(false);
  await goTab(page, '我的', 'me');
  await tap(page, await findScrolled(page, 'button', '立即同步'));
  await waitState(page, () => window.nuanxin.state().pending_ops === 0, null, 'sync');
  await goTab(page, '服务', 'services');
  await findScrolled(page, 'text', '已预约');
  await findScrolled(page, 'text', '已约满');
  await page.screenshot({ path: join(args.out, 'services-health-booked-390x844.png') });

  const all = await sessionRecords(admin);
  const mine = all.filter((x) => x.kind === 'health_check_booking' && x.fields.slot_id === roomy);
  assert(mine.length === 1 && mine[0].fields.status === 'booked', `booked once (${mine.length})`);
  assert(all.find((x) => x.id === roomy).fields.places_taken === 1, 'the server counts the place');
  assert(all.find((x) => x.id === single).fields.places_taken === 1, 'and the afternoon one');

  const real = problems.filter((p) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p));
  assert(real.length === 0, 'no page errors: ' + real.join('; '));
});
