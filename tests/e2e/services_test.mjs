// 服务 on a phone: a worker asks for legal advice about unpaid wages with no signal; it syncs;
// the union assigns a panel lawyer and the lawyer delivers (through the API); the phone shows
// the stages, who handles it and by when; the worker writes in the thread, then confirms and
// rates it, and the server has exactly that.
//   node tests/e2e/services_test.mjs --server PATH --dist DIR --out DIR
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  apiSession, assert, findScrolled, findWidget, goTab, signInWorker, tap, typeInto, waitState, widgets, e2eRun, e2eStart, sessionRecords, apiHlc, texts, syncNow,
  openApp,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const logins = demoLogins();
const worker = logins.find((l) => l.role === 'worker');
const admin = await apiSession(server, logins.find((l) => l.role === 'admin'));

await e2eRun({ server, browser }, async () => {
  const { page, problems } = await openApp(browser, server);
  await signInWorker(page, worker);

  // Offline: ask about unpaid wages.
  await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await goTab(page, '服务', 'services');
  await tap(page, await findWidget(page, 'radio', '欠薪'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '欠薪' && w.checked === true), null, { timeout: 5000 });
  const question = `老板拖欠了两个月工资，一共八千元，怎么要回来？ ${process.pid}`;
  await typeInto(page, '向律师提问', question);
  await tap(page, await findScrolled(page, 'button', '提交问题'));
  await waitState(page, () => window.nuanxin.state().pending_ops === 1, null, 'the question saved on the phone');
  await page.screenshot({ path: join(args.out, 'services-offline-390x844.png') });
  await page.unroute('**/api/v1/**');
  await syncNow(page);

  // The union assigns a lawyer with a due date; the lawyer delivers.
  const all = await sessionRecords(admin);
  const request = all.find((r) => r.kind === 'service_request' && r.fields.description === question);
  assert(request && request.fields.status === 'ordered' && request.fields.topic === 'unpaid_wages', 'the request reached the server');
  const lawyer = all.find((r) => r.kind === 'provider' && r.fields.type === 'lawyer' && r.fields.active !== false
    && (r.fields.services || []).includes('legal_consultation'));
  assert(lawyer, 'a panel lawyer in the demo');
  const due = new Date(Date.now() + 8 * 3600e3 + 5 * 24 * 3600e3).toISOString().slice(0, 10);
  const r = await admin.call('POST', '/api/v1/sync/push', { device_id: 'e2e-staff', ops: [
    { op_id: randomUUID(), kind: 'service_request', id: request.id, hlc: apiHlc(0), transition: 'match', set: { provider_id: lawyer.id, due_date: due } },
    { op_id: randomUUID(), kind: 'service_request', id: request.id, hlc: apiHlc(1), transition: 'deliver', set: {} },
  ] });
  assert(r.results.every((x) => x.status === 'applied'), JSON.stringify(r));

  await syncNow(page);
  await goTab(page, '服务', 'services');
  await findScrolled(page, 'text', '已办好，等你确认和评价');
  await tap(page, await findScrolled(page, 'link', '查看进度和留言 ›'));

  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '法律咨询'));
  const page_texts = await texts(page);
  for (const t of ['已点单', '已配单', '已送单', '已确认', lawyer.fields.name, `办结期限：${due}`])
    assert(page_texts.includes(t), `the page shows "${t}" (${page_texts.join(' | ')})`);
  await page.screenshot({ path: join(args.out, 'services-delivered-390x844.png') });

  // Android's back button closes the request's page and stays on 服务; the page opens again.
  assert(await page.evaluate(() => location.hash) === '#/services/1', 'the page is a history entry');
  await page.goBack();
  await page.waitForFunction(() => window.nuanxin.state().screen === 'services'
    && window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '我的提问'));
  await tap(page, await findScrolled(page, 'link', '查看进度和留言 ›'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '法律咨询'));

  // A message in the thread, then confirm with four stars.
  await findScrolled(page, 'input', '补充或回复');
  await typeInto(page, '补充或回复', '谢谢律师，我按您说的去劳动监察大队投诉了。');
  await tap(page, await findScrolled(page, 'button', '发送留言'));
  await tap(page, await findScrolled(page, 'radio', '4 星'));
  await findScrolled(page, 'input', '说几句（可不填）');
  await typeInto(page, '说几句（可不填）', '讲得很清楚');
  await tap(page, await findScrolled(page, 'button', '确认办结'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '你的评价：4 星') || window.nuanxin.state().pending_ops > 0);
  await syncNow(page);
  const after = (await sessionRecords(admin)).filter((x) => x.id === request.id || (x.kind === 'request_message' && x.fields.request_id === request.id));
  const done = after.find((x) => x.id === request.id);
  assert(done.fields.status === 'confirmed' && done.fields.rating === 4 && done.fields.comment === '讲得很清楚',
    `confirmed with 4 stars on the server (${JSON.stringify(done.fields)})`);
  assert(after.filter((x) => x.kind === 'request_message').length === 1, 'the message reached the thread once');
  await goTab(page, '服务', 'services');
  await findScrolled(page, 'text', '你的评价：4 星');
  await page.screenshot({ path: join(args.out, 'services-confirmed-390x844.png') });

  // 职工保险: this demo worker holds a place in the district's plan; they leave it and enrol
  // again, and the server counts the places the same way.
  await tap(page, await findScrolled(page, 'link', '‹ 返回服务'));
  // Its own back link steps back in history too, so the back button does not reopen the page.
  await page.waitForFunction(() => location.hash === '#/services');
  await tap(page, await findScrolled(page, 'radio', '职工保险'));
  await findScrolled(page, 'text', '已参保');
  await tap(page, await findScrolled(page, 'link', '不再参加'));
  await findScrolled(page, 'button', '再想想');
  await page.screenshot({ path: join(args.out, 'services-insurance-390x844.png') });
  await tap(page, await findScrolled(page, 'button', '确定不再参加'));
  await tap(page, await findScrolled(page, 'button', '参加这个保险'));
  await syncNow(page);
  await goTab(page, '服务', 'services');
  await findScrolled(page, 'text', '已参保');
  const mine = (await sessionRecords(admin)).filter((x) => x.kind === 'insurance_enrolment' && x.fields.owner_id === done.fields.owner_id);
  const left = mine.find((x) => x.fields.status === 'withdrawn' && x.fields.withdraw_reason === '本人申请退出');
  const live = mine.filter((x) => x.fields.status === 'enrolled' && x.fields.plan_id === left?.fields.plan_id);
  assert(left && live.length === 1, `one withdrawn and one live enrolment in the plan on the server (${JSON.stringify(mine.map((x) => x.fields))})`);
  const planRecords = (await sessionRecords(admin)).filter((x) => x.kind === 'insurance_plan' || x.kind === 'insurance_enrolment');
  const plan = planRecords.find((x) => x.id === live[0].fields.plan_id);
  const counted = planRecords.filter((x) => x.kind === 'insurance_enrolment' && x.fields.plan_id === plan.id && x.fields.status === 'enrolled').length;
  assert(plan.fields.enrolled === counted, `the plan's kept count ${plan.fields.enrolled} = its live enrolments ${counted}`);

  const real = problems.filter((p) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p));
  assert(real.length === 0, 'no page errors: ' + real.join('; '));
});
