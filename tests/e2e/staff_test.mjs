// The staff app: a district official on a tablet approves a worker's application (the worker's
// phone then shows the card), enrols ten people in a row with no network (the server then has
// each of them once), adds a panel lawyer, answers a legal question and assigns it to him,
// and reads a dashboard whose numbers are the server's; a company union's
// chairman on a phone sees only his own union, in the app and through the API.
//   node tests/e2e/staff_test.mjs --server PATH --dist DIR --out DIR
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  apiHlc, apiSession, assert, e2eRun, e2eStart, findScrolled, findWidget, goTab, sessionRecords, settle,
  signInStaff, syncNow, TABLET, tap, tapScrolled, texts, typeInto, waitState, openApp,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const logins = demoLogins();
const district = logins.find((l) => l.login === 'demo-district');
const meituan = logins.find((l) => l.login === 'demo-meituan');
const base = `1670${String(process.pid % 1000).padStart(3, '0')}`;  // 7 digits; each person adds 4

// The number shown beside a figure's label on 统计 ("会员 284").
async function figure(page, label) {
  const item = (await texts(page)).find((t) => t.startsWith(label + ' '));
  assert(item, `${label} is on the dashboard`);
  return item.slice(label.length + 1);
}

await e2eRun({ server, browser }, async () => {
  // A worker registers and applies to 城南街道总工会 from their own phone (through the API).
  const phone = `${base}0001`;
  const staffApi = await apiSession(server, { ...district, login: district.login });
  const units = (await sessionRecords(staffApi)).filter((r) => r.kind === 'unit');
  const chengnan = units.find((u) => u.fields.name === '城南街道总工会');
  const reg = await fetch(server.url.replace(/\/$/, '') + '/api/v1/auth/worker/register', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone, name: '孙小满', pin: '385201' }),
  }).then((r) => r.json());
  const worker = await apiSession(server, { role: 'worker', login: phone, secret: '385201' });
  const applicationId = randomUUID();
  const applied = await worker.call('POST', '/api/v1/sync/push', { device_id: 'e2e-worker', ops: [
    { op_id: randomUUID(), kind: 'membership_application', id: applicationId, hlc: apiHlc(0, 'e2e-worker'),
      set: { name: '孙小满', phone, trade: 'courier', employer: '极兔速递', area: chengnan.fields.area, owner_id: reg.user.id,
        unit_id: chengnan.id, routing_reason: 'area_federation' } },
    { op_id: randomUUID(), kind: 'membership_application', id: applicationId, hlc: apiHlc(1, 'e2e-worker'), transition: 'submit', set: { consent: true } },
  ] });
  assert(applied.results.every((r) => r.status === 'applied'), JSON.stringify(applied));

  // The district official, on a tablet, finds it in 待办 and approves it.
  const { page: tablet, problems } = await openApp(browser, server, TABLET);
  await signInStaff(tablet, district);
  await goTab(tablet, '待办', 'inbox');
  await settle(tablet);
  await tablet.screenshot({ path: join(args.out, 'staff-inbox-820x1180.png') });
  // Only applications (the chip says how many), and the one searched for.
  await tap(tablet, (await tablet.evaluate(() => window.nuanxin.widgets())).find((w) => w.label.startsWith('入会申请 ')));
  await typeInto(tablet, '查找', '孙小满');
  const row = await findScrolled(tablet, 'text', '孙小满 · 快递员 · 极兔速递');
  assert(row, 'the new application is in 待办');
  // Its 处理 link is the next one below the row.
  const links = (await tablet.evaluate(() => window.nuanxin.widgets())).filter((w) => w.role === 'link' && w.label === '处理 ›');
  await tap(tablet, links.find((l) => l.y > row.y));
  await tablet.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '入会申请 · 孙小满'));
  assert((await texts(tablet)).includes('没有发现重复的会员或申请'), 'no duplicate found');
  // Its history, from the server's audit trail: the applicant made it and submitted it.
  await tapScrolled(tablet, 'button', '查看谁在什么时候改了什么');
  await tablet.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label && w.label.endsWith(' · 孙小满 · 提交')));
  assert((await texts(tablet)).some((t) => t.endsWith(' · 孙小满 · 新建')), 'the history starts with its making');
  await tablet.screenshot({ path: join(args.out, 'staff-application-820x1180.png') });
  await tapScrolled(tablet, 'button', '批准入会');
  await tablet.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label && w.label.startsWith('已批准：孙小满 · NX-')));
  await syncNow(tablet);
  const member = (await sessionRecords(staffApi)).find((r) => r.kind === 'member' && r.fields.phone === phone);
  assert(member && /^NX-/.test(member.fields.member_no) && member.fields.owner_id === reg.user.id, `the member exists: ${JSON.stringify(member?.fields)}`);

  // 服务方管理: a new panel lawyer for legal questions.
  await goTab(tablet, '我的', 'me');
  await tapScrolled(tablet, 'link', '服务方管理 ›');
  await tap(tablet, await findWidget(tablet, 'button', '添加服务方'));
  await typeInto(tablet, '名称', '江苏春晖律师事务所 王律师');
  await tap(tablet, await findWidget(tablet, 'checkbox', '法律咨询'));
  await typeInto(tablet, '办公电话', '0523-86001234');
  await tapScrolled(tablet, 'button', '保存');
  await tablet.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '服务方已保存'));
  await tap(tablet, await findWidget(tablet, 'link', '‹ 返回我的'));

  // A legal question in 待办: answered in its thread, then assigned (配单) to that lawyer.
  await goTab(tablet, '待办', 'inbox');
  await tap(tablet, (await tablet.evaluate(() => window.nuanxin.widgets())).find((w) => w.label.startsWith('全部 ')));
  await tap(tablet, (await tablet.evaluate(() => window.nuanxin.widgets())).find((w) => w.label.startsWith('服务单 ')));
  const question = (await sessionRecords(staffApi)).find((r) => r.kind === 'service_request' && r.fields.status === 'ordered'
    && r.fields.category === 'legal_consultation');
  const inputs = (await tablet.evaluate(() => window.nuanxin.widgets())).filter((w) => w.role === 'input' && w.label === '查找');
  await tap(tablet, inputs[0]);
  await tablet.keyboard.press('Control+A');
  await tablet.keyboard.press('Backspace');
  await tablet.keyboard.insertText(question.fields.description.slice(0, 8));
  const qRow = await findScrolled(tablet, 'text', question.fields.description);
  const qLinks = (await tablet.evaluate(() => window.nuanxin.widgets())).filter((w) => w.role === 'link' && w.label === '处理 ›');
  await tap(tablet, qLinks.find((l) => l.y > qRow.y));
  await tablet.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '法律咨询'));
  await typeInto(tablet, '补充或回复', '请带上劳动合同和工资条，周三上午到服务站面谈');
  await tapScrolled(tablet, 'button', '发送留言');
  await findScrolled(tablet, 'text', '请带上劳动合同和工资条，周三上午到服务站面谈');
  await tapScrolled(tablet, 'radio', '江苏春晖律师事务所 王律师');
  await tablet.screenshot({ path: join(args.out, 'staff-request-820x1180.png') });
  await tapScrolled(tablet, 'button', '配单');
  await tablet.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '已配单'));
  await syncNow(tablet);
  const afterMatch = await sessionRecords(staffApi);
  const lawyer = afterMatch.find((r) => r.kind === 'provider' && r.fields.name === '江苏春晖律师事务所 王律师');
  const matched = afterMatch.find((r) => r.id === question.id);
  assert(lawyer && matched.fields.status === 'matched' && matched.fields.provider_id === lawyer.id, `assigned: ${matched.fields.status}`);
  assert(afterMatch.some((r) => r.kind === 'request_message' && r.fields.request_id === question.id && r.fields.author_role === 'staff'),
    'the answer is in the thread, signed by the union');

  // The worker's phone shows the card after a sync.
  const { page: workerPage } = await openApp(browser, server);
  await goTab(workerPage, '我的', 'me');
  await typeInto(workerPage, '手机号', phone);
  await typeInto(workerPage, 'PIN 码（6 位数字）', '385201');
  await tap(workerPage, await findWidget(workerPage, 'button', '登录'));
  await waitState(workerPage, () => { const s = window.nuanxin.state(); return s.signed_in && s.last_sync; }, null, 'worker sign-in');
  await findScrolled(workerPage, 'text', member.fields.member_no);
  assert((await texts(workerPage)).includes('工会会员证'), 'the worker sees the card');

  // 集中入会: ten people in a row with no network.
  await goTab(tablet, '入会', 'enrol');
  await tablet.context().setOffline(true);
  await waitState(tablet, () => !window.nuanxin.state().online, null, 'offline');
  const names = ['钱一帆', '孙二虎', '李三水', '周四方', '吴五岳', '郑六合', '王七巧', '冯八达', '陈九如', '褚十安'];
  for (let i = 0; i < names.length; i++) {
    await typeInto(tablet, '姓名', names[i]);
    await typeInto(tablet, '手机号', `${base}${String(100 + i).padStart(4, '0')}`);
    if (i === 0) {
      await tap(tablet, await findWidget(tablet, 'radio', '外卖骑手'));
      await typeInto(tablet, '工作单位或平台', '美团');
    }
    await tapScrolled(tablet, 'checkbox', '已向本人说明，本人同意');
    await tapScrolled(tablet, 'button', '登记入会');
    await tablet.waitForFunction((n) => window.nuanxin.widgets().some((w) => w.label === `本次已登记 ${n} 人`), i + 1, { timeout: 10000 });
    if (i === 0) await tablet.screenshot({ path: join(args.out, 'staff-enrol-820x1180.png') });
  }
  // The same person twice is named beside the number, and nothing is saved.
  await typeInto(tablet, '姓名', names[0]);
  await typeInto(tablet, '手机号', `${base}0100`);
  await tapScrolled(tablet, 'checkbox', '已向本人说明，本人同意');
  await tapScrolled(tablet, 'button', '登记入会');
  await tablet.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label && w.label.includes('与已有会员相同（钱一帆）')));
  await tablet.screenshot({ path: join(args.out, 'staff-enrol-duplicate-820x1180.png') });
  const pending = (await tablet.evaluate(() => window.nuanxin.state())).pending_ops;
  assert(pending === 40, `four changes a person wait on the tablet (${pending})`);
  await tablet.context().setOffline(false);
  await syncNow(tablet);
  const after = (await sessionRecords(staffApi)).filter((r) => r.kind === 'member' && r.fields.phone.startsWith(`${base}01`));
  assert(after.length === 10 && new Set(after.map((m) => m.fields.phone)).size === 10, `ten members, each once (${after.length})`);
  assert(after.every((m) => m.fields.trade === 'delivery' && m.fields.employer === '美团'), 'the trade and employer stayed for each');

  // 统计: the numbers are the server's.
  const seen = await sessionRecords(staffApi);
  const unitsById = new Map(seen.filter((r) => r.kind === 'unit').map((u) => [u.id, u.fields]));
  const within = (unitId, top) => { for (let u = unitId; u; u = unitsById.get(u)?.parent_id) if (u === top) return true; return false; };
  const active = seen.filter((r) => r.kind === 'member' && r.fields.status === 'active' && within(r.fields.unit_id, staffApi.user.unit_id)).length;
  const waiting = seen.filter((r) => r.kind === 'membership_application' && ['submitted', 'resubmitted'].includes(r.fields.status)
    && within(r.fields.unit_id, staffApi.user.unit_id)).length;
  await goTab(tablet, '统计', 'dashboard');
  await settle(tablet);
  await tablet.screenshot({ path: join(args.out, 'staff-dashboard-820x1180.png') });
  assert(await figure(tablet, '会员') === String(active), `members: app ${await figure(tablet, '会员')}, server ${active}`);
  assert(await figure(tablet, '待审核入会申请') === String(waiting), `applications waiting: app ${await figure(tablet, '待审核入会申请')}, server ${waiting}`);
  assert(problems.length === 0, `no page errors: ${problems.join('; ')}`);

  // A company union's chairman sees his own union only: in the app and through the API.
  const { page: chair } = await openApp(browser, server);
  await signInStaff(chair, meituan);
  const chairApi = await apiSession(server, meituan);
  const chairSees = await sessionRecords(chairApi);
  const chairMembers = chairSees.filter((r) => r.kind === 'member');
  assert(chairMembers.length > 0 && chairMembers.every((m) => within(m.fields.unit_id, chairApi.user.unit_id)), 'the API gives him his union\'s members only');
  assert(!chairSees.some((r) => r.id === member.id), 'not the member of 城南街道总工会');
  await goTab(chair, '统计', 'dashboard');
  await settle(chair);
  const chairActive = chairMembers.filter((m) => m.fields.status === 'active').length;
  assert(await figure(chair, '会员') === String(chairActive), `his members: app ${await figure(chair, '会员')}, server ${chairActive}`);
  await chair.screenshot({ path: join(args.out, 'staff-dashboard-company-390x844.png') });
  await goTab(chair, '待办', 'inbox');
  await settle(chair);
  assert(!(await texts(chair)).some((t) => t.startsWith('孙小满')), 'another union\'s application is not in his 待办');
  await chair.screenshot({ path: join(args.out, 'staff-inbox-company-390x844.png') });
  console.log(`staff: ok (approved ${member.fields.member_no}; enrolled 10 offline; dashboard ${active} members, ${waiting} waiting; company union ${chairActive} members)`);
});
