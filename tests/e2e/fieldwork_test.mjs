// Staff in the field: a visit logged with no signal (three things the workers raised, two
// follow-ups) reaches the server and counts in the quarter's coverage; two tablets hand the
// same member the same campaign's items while offline, and after sync the server keeps one
// while the other tablet shows the refusal, with the first one's place, under 需要你处理; a real
// member card passes at the door with no signal and an altered one is called forged; a station
// is closed for repairs from the field, and an event with two sessions is published.
//   node tests/e2e/fieldwork_test.mjs --server PATH --dist DIR --out DIR
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  apiHlc, apiSession, assert, e2eRun, e2eStart, findScrolled, findWidget, goTab, PHONE, sessionRecords, settle,
  signInStaff, syncNow, TABLET, tap, tapScrolled, texts, typeInto, waitState, openApp,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const logins = demoLogins();
const district = logins.find((l) => l.login === 'demo-district');
const chengnan = logins.find((l) => l.login === 'demo-chengnan');

async function labelStarting(page, prefix) {
  return (await page.evaluate(() => window.nuanxin.widgets())).find((w) => w.label.startsWith(prefix));
}
async function staffPage(login, device) {
  const opened = await openApp(browser, server, device);
  await signInStaff(opened.page, login);
  return opened;
}

await e2eRun({ server, browser }, async () => {
  const api = await apiSession(server, district);

  // 走访 on a phone, offline.
  const { page: phone, problems } = await staffPage(district, PHONE);
  await goTab(phone, '走访', 'visits');
  await settle(phone);
  const before = await labelStarting(phone, '已走访 ');
  const [visitedBefore, all] = before.label.match(/\d+/g).map(Number);
  await phone.screenshot({ path: join(args.out, 'staff-visits-390x844.png') });
  await phone.context().setOffline(true);
  await waitState(phone, () => !window.nuanxin.state().online, null, 'offline');
  await tap(phone, await findWidget(phone, 'button', '记录一次走访'));
  await phone.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'link' && w.label === '‹ 返回走访'));
  // The first enterprise offered, and its name for the server check.
  // (the first radio group is the kind of visit; the second, the enterprises of the unit)
  const radios = (await phone.evaluate(() => window.nuanxin.widgets())).filter((w) => w.role === 'radio');
  const enterprise = radios.find((w) => w.group !== radios[0].group);
  await tap(phone, enterprise);
  await typeInto(phone, '见到的职工人数', '18');
  await typeInto(phone, '问题 1', '午休没有地方');
  await tapScrolled(phone, 'link', '+ 再加一个问题');
  await typeInto(phone, '问题 2', '电动车充电要排队');
  await tapScrolled(phone, 'link', '+ 再加一个问题');
  await (await findScrolled(phone, 'input', '问题 3'));
  await typeInto(phone, '问题 3', '社保断缴怎么补');
  await tapScrolled(phone, 'input', '跟进 1');
  await typeInto(phone, '跟进 1', '与站点协调午休场地');
  await tapScrolled(phone, 'input', '谁来办（可不填，不填就是你）');
  await typeInto(phone, '谁来办（可不填，不填就是你）', '美团海陵站 张站长');
  await tapScrolled(phone, 'link', '+ 再加一项跟进');
  await findScrolled(phone, 'input', '跟进 2');
  await typeInto(phone, '跟进 2', '联系街道增设充电桩');
  await phone.screenshot({ path: join(args.out, 'staff-visit-form-390x844.png') });
  await tapScrolled(phone, 'button', '保存走访记录');
  await phone.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '走访记录已保存'));
  const pending = (await phone.evaluate(() => window.nuanxin.state())).pending_ops;
  assert(pending === 6, `the visit, three items and two follow-ups wait on the phone (${pending})`);
  await phone.context().setOffline(false);
  await syncNow(phone);
  const seen = await sessionRecords(api);
  const visit = seen.filter((r) => r.kind === 'visit' && r.fields.enterprise_name === enterprise.label && r.fields.workers_met === 18);
  assert(visit.length === 1, `the visit is on the server once (${visit.length})`);
  const items = seen.filter((r) => r.kind === 'visit_item' && r.fields.visit_id === visit[0].id);
  const followUps = seen.filter((r) => r.kind === 'follow_up' && r.fields.visit_id === visit[0].id);
  assert(items.length === 3 && followUps.length === 2, `3 items and 2 follow-ups (${items.length}, ${followUps.length})`);
  assert(followUps.filter((f) => f.fields.assignee === '美团海陵站 张站长').length === 1, 'who does the first follow-up is named');
  await goTab(phone, '走访', 'visits');
  await settle(phone);
  const after = await labelStarting(phone, '已走访 ');
  assert(after.label === `已走访 ${visitedBefore + 1} / ${all} 家企业`, `coverage counts it: ${before.label} -> ${after.label}`);
  assert((await texts(phone)).includes('反映 3 个问题 · 2 项跟进未完成'), 'the visit is listed with what is open');
  await phone.screenshot({ path: join(args.out, 'staff-visits-after-390x844.png') });

  // A campaign running today (the demo's summer one is over), made by the district.
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const campaignId = randomUUID();
  const made = await api.call('POST', '/api/v1/sync/push', { device_id: 'e2e-district', ops: [
    { op_id: randomUUID(), kind: 'campaign', id: campaignId, hlc: apiHlc(0, 'e2e-district'),
      set: { name: '冬送温暖 2026', category: 'winter_warmth', unit_id: api.user.unit_id, items: ['棉手套', '暖宝宝'], start_date: today, end_date: today } },
  ] });
  assert(made.results.every((r) => r.status === 'applied'), JSON.stringify(made));
  // A member both tablets' staff serve: one in 城南街道's part of the tree.
  const chengnanUnit = (await apiSession(server, chengnan)).user.unit_id;
  const parent = new Map(seen.filter((r) => r.kind === 'unit').map((u) => [u.id, u.fields.parent_id]));
  const within = (unit, top) => { for (let u = unit; u; u = parent.get(u)) if (u === top) return true; return false; };
  const member = seen.find((r) => r.kind === 'member' && r.fields.status === 'active' && within(r.fields.unit_id, chengnanUnit));
  assert(member, 'a member under 城南街道总工会');

  // Two tablets, both offline, serve the same member.
  const a = await staffPage(district, TABLET);
  const b = await staffPage(chengnan, TABLET);
  for (const [t, place] of [[a.page, '城南街道服务站'], [b.page, '南苑社区爱心驿站']]) {
    await goTab(t, '核验', 'check');
    await t.context().setOffline(true);
    await waitState(t, () => !window.nuanxin.state().online, null, 'offline');
    const placeField = await findWidget(t, 'input', '发放地点');
    await tap(t, placeField);
    await t.keyboard.press('Control+A');
    await t.keyboard.press('Backspace');
    await typeInto(t, '发放地点', place);
    await typeInto(t, '会员号、姓名或手机号', member.fields.member_no.toLowerCase());
    await t.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '有效会员'));
    await tapScrolled(t, 'button', '登记发放');
    await t.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label && w.label.startsWith('本机已登记发放：')));
  }
  await a.page.screenshot({ path: join(args.out, 'staff-check-given-820x1180.png') });
  await a.page.context().setOffline(false);
  await syncNow(a.page);
  await b.page.context().setOffline(false);
  await goTab(b.page, '我的', 'me');
  await tap(b.page, await findScrolled(b.page, 'button', '立即同步'));
  await waitState(b.page, () => window.nuanxin.state().rejected_ops === 1, null, 'the second handout refused');
  await findScrolled(b.page, 'heading', '需要你处理');
  const said = await texts(b.page);
  assert(said.includes('本机登记的发放：南苑社区爱心驿站'), `what this tablet did: ${said.join(' | ')}`);
  assert(said.some((t) => t.includes('城南街道服务站') && t.includes('不能重复领取')), 'and what the other did first');
  await b.page.screenshot({ path: join(args.out, 'staff-handout-refused-820x1180.png') });
  const handouts = (await sessionRecords(api)).filter((r) => r.kind === 'handout' && r.fields.campaign_id === campaignId);
  assert(handouts.length === 1 && handouts[0].fields.place === '城南街道服务站', `one handout on the server (${handouts.length})`);

  // 驿站管理: 城南's staff close a station for repairs and add a microwave, offline; the server
  // then has exactly that, and the station's other fields as they were.
  await goTab(b.page, '我的', 'me');
  await tapScrolled(b.page, 'link', '驿站管理 ›');
  await b.page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '驿站管理'));
  const stationName = (await texts(b.page)).find((t) => t.endsWith('爱心驿站') || t.endsWith('驿站'));
  const station = seen.find((r) => r.kind === 'station' && r.fields.name === stationName);
  assert(station, `a station of 城南 is listed (${stationName})`);
  await b.page.context().setOffline(true);
  await tap(b.page, (await b.page.evaluate(() => window.nuanxin.widgets())).find((w) => w.role === 'link' && w.label === '更新信息 ›'));
  await b.page.waitForFunction((n) => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === n), stationName);
  await tap(b.page, await findWidget(b.page, 'radio', '暂停开放'));
  await typeInto(b.page, '状态说明', '空调维修，12 月 5 日恢复');
  const microwave = station.fields.amenities.includes('microwave');
  await tapScrolled(b.page, 'checkbox', '微波炉');
  await b.page.screenshot({ path: join(args.out, 'staff-station-edit-820x1180.png') });
  await tapScrolled(b.page, 'button', '保存');
  await b.page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '驿站信息已更新'));
  await b.page.context().setOffline(false);
  await syncNow(b.page);
  const edited = (await sessionRecords(api)).find((r) => r.id === station.id);
  assert(edited.fields.status === 'temporarily_closed' && edited.fields.status_note === '空调维修，12 月 5 日恢复', `status saved: ${edited.fields.status}`);
  assert(edited.fields.amenities.includes('microwave') === !microwave, 'the microwave toggled');
  assert(JSON.stringify(edited.fields.hours) === JSON.stringify(station.fields.hours) && edited.fields.address === station.fields.address,
    'what was not touched stayed');

  // 活动管理: an event with two sessions written offline, published once synced.
  await goTab(b.page, '我的', 'me');
  await tapScrolled(b.page, 'link', '活动管理 ›');
  await tap(b.page, await findWidget(b.page, 'button', '新建活动'));
  await b.page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '新建活动'));
  await b.page.context().setOffline(true);
  await typeInto(b.page, '活动名称', '电动车消防安全宣讲');
  await tap(b.page, await findWidget(b.page, 'radio', '宣讲'));
  await typeInto(b.page, '地点', '南苑社区服务中心');
  await tapScrolled(b.page, 'link', '+ 再加一个场次');
  await b.page.screenshot({ path: join(args.out, 'staff-event-new-820x1180.png') });
  await tapScrolled(b.page, 'button', '发布活动');
  await b.page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '活动已发布，职工同步后可以报名'));
  await b.page.context().setOffline(false);
  await syncNow(b.page);
  const after2 = await sessionRecords(api);
  const event = after2.find((r) => r.kind === 'event' && r.fields.title === '电动车消防安全宣讲');
  assert(event && event.fields.status === 'published', `the event is published on the server (${event?.fields.status})`);
  const eventSessions = after2.filter((r) => r.kind === 'event_session' && r.fields.event_id === event.id);
  assert(eventSessions.length === 2 && eventSessions.every((x) => x.fields.capacity === 30), `two sessions of 30 (${eventSessions.length})`);

  // Member cards at the door, offline: a real one passes, an altered one is called forged.
  const workerLogin = logins.find((l) => l.role === 'worker' && l.note.startsWith('会员'));
  const worker = await apiSession(server, { ...workerLogin, role: 'worker' });
  const workerMember = (await sessionRecords(worker)).find((r) => r.kind === 'member' && r.fields.card);
  assert(workerMember, 'the demo member has a signed card');
  await a.page.context().setOffline(true);
  await waitState(a.page, () => !window.nuanxin.state().online, null, 'offline');
  await goTab(a.page, '核验', 'check');
  const numberField = await findWidget(a.page, 'input', '会员号、姓名或手机号');
  const retype = async (text) => {
    await tap(a.page, numberField);
    await a.page.keyboard.press('Control+A');
    await a.page.keyboard.press('Backspace');
    await a.page.keyboard.insertText(text);
  };
  // A member without their card, found by name (offline): a tap on the row shows their card.
  await retype(member.fields.name);
  const row = `${member.fields.name} · ${member.fields.member_no}`;
  await a.page.waitForFunction((label) => window.nuanxin.widgets().some((w) => w.role === 'link' && w.label === label), row);
  await a.page.screenshot({ path: join(args.out, 'staff-check-search-820x1180.png') });
  await tap(a.page, await findWidget(a.page, 'link', row));
  await a.page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '有效会员'));
  await retype('不是任何人的名字');
  await a.page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label && w.label.startsWith('找不到这个会员')));
  await retype(workerMember.fields.card);
  await a.page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label && w.label.startsWith('会员证真实有效，有效期至 ')), null, { timeout: 10000 });
  await a.page.waitForFunction((name) => window.nuanxin.widgets().some((w) => w.label === name), workerMember.fields.name);
  await a.page.screenshot({ path: join(args.out, 'staff-card-genuine-820x1180.png') });
  const parts = workerMember.fields.card.split('|');
  parts[3] = '2099-12-31';
  await retype(parts.join('|'));
  await a.page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '会员证是伪造的或被改动过，不能使用'), null, { timeout: 10000 });
  assert(!(await texts(a.page)).includes(workerMember.fields.name), 'a forged card shows no member');
  await a.page.screenshot({ path: join(args.out, 'staff-card-forged-820x1180.png') });

  for (const p of [problems, a.problems, b.problems]) assert(p.length === 0, `no page errors: ${p.join('; ')}`);
  console.log(`fieldwork: ok (visit with ${items.length} items and ${followUps.length} follow-ups, coverage ${after.label}; second handout refused)`);
});
