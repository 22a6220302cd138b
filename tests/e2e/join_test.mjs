// Joining on a phone: a new worker registers, fills in the application (every missing answer
// named beside its field; where it goes and why shown before sending), the union approves it
// (through the API, as staff would) and, after a sync, the phone shows the member card with
// the member number and a QR code whose signature the server's published key verifies.
// Then the other way: staff ask for more information and the worker answers from the phone.
//   node tests/e2e/join_test.mjs --server PATH --dist DIR --out DIR
import { createPublicKey, randomUUID, verify } from 'node:crypto';
import { join } from 'node:path';
import {
  apiSession, assert, findScrolled, findWidget, goTab, tap, typeInto, waitState, widgets, e2eRun, e2eStart, apiHlc, texts, syncNow, sessionRecords, tapScrolled,
  openApp,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const admin = demoLogins().find((l) => l.role === 'admin');
const phone = `1660${String(process.pid % 10000).padStart(4, '0')}123`;

await e2eRun({ server, browser }, async () => {
  const { page, problems } = await openApp(browser, server);

  // Register on 我的.
  await goTab(page, '我的', 'me');
  await tap(page, await findWidget(page, 'link', '第一次来？注册'));
  await typeInto(page, '手机号', phone);
  await typeInto(page, '姓名', '赵小飞');
  await typeInto(page, 'PIN 码（6 位数字）', '402917');
  await tap(page, await findWidget(page, 'button', '注册'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.signed_in && s.last_sync && s.records > 50; }, null, 'registration and the first sync');

  // The home tile opens the form at once.
  await goTab(page, '首页', 'home');
  await tap(page, await findWidget(page, 'button', '申请入会'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '申请入会'));
  await page.screenshot({ path: join(args.out, 'join-form-390x844.png') });

  // Sending it empty names what is missing, beside each field; nothing is saved.
  await tapScrolled(page, 'button', '提交入会申请');
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.label === '请选择你的职业'));
  const shown = (await widgets(page)).map((w) => w.label);
  for (const t of ['请阅读并同意入会须知']) assert(shown.includes(t) || (await findScrolled(page, 'text', t)), `says: ${t}`);
  assert((await page.evaluate(() => window.nuanxin.state().pending_ops)) === 0, 'nothing saved');

  // Fill it in: the name came from registration; trade, employer, town.
  await tapScrolled(page, 'radio', '外卖骑手');
  await findScrolled(page, 'input', '工作单位或平台');
  await typeInto(page, '工作单位或平台', '美团');
  await tapScrolled(page, 'radio', '城南街道');
  const goesTo = await findScrolled(page, 'text', '申请将交给：');
  assert(goesTo, 'where it goes is shown');
  const preview = await texts(page);
  assert(preview.some((t) => t.includes('美团')), `the company union of 美团, with the reason (${preview.join(' | ')})`);
  await page.screenshot({ path: join(args.out, 'join-route-390x844.png') });
  await tapScrolled(page, 'checkbox', '我已阅读并同意');
  await tapScrolled(page, 'button', '提交入会申请');
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '我的入会申请'));
  await syncNow(page);
  await findScrolled(page, 'text', '已提交，等待审核');
  await page.screenshot({ path: join(args.out, 'join-submitted-390x844.png') });

  // Staff approve it (through the API) and issue the member record.
  const staff = await apiSession(server, admin);
  const records = await sessionRecords(staff);
  const application = records.find((r) => r.kind === 'membership_application' && r.fields.phone === phone);
  assert(application && application.fields.status === 'submitted', 'the application reached the server, submitted');
  const memberId = randomUUID();
  const pushed = await staff.call('POST', '/api/v1/sync/push', { device_id: 'e2e-staff', ops: [
    { op_id: randomUUID(), kind: 'membership_application', id: application.id, hlc: apiHlc(0, 'e2e-staff'), transition: 'approve', set: {} },
    { op_id: randomUUID(), kind: 'member', id: memberId, hlc: apiHlc(1, 'e2e-staff'),
      set: { application_id: application.id, unit_id: application.fields.unit_id, name: application.fields.name,
        phone: application.fields.phone, trade: application.fields.trade, employer: application.fields.employer, area: application.fields.area } },
  ] });
  assert(pushed.results.every((r) => r.status === 'applied'), JSON.stringify(pushed));

  // After a sync the phone shows the card.
  await syncNow(page);
  await findScrolled(page, 'text', '赵小飞');
  assert((await texts(page)).includes('工会会员证'), 'the card is there');
  const numberShown = (await texts(page)).find((t) => /^NX-\d{8}-/.test(t));
  assert(numberShown, 'the member number is on the card');
  await findScrolled(page, 'image', '会员证二维码');
  await page.screenshot({ path: join(args.out, 'member-card-390x844.png') });

  // The QR payload the phone holds is signed by the server's published key.
  const worker = await apiSession(server, { role: 'worker', login: phone, secret: '402917' });
  const member = (await sessionRecords(worker)).find((r) => r.kind === 'member');
  assert(member.fields.member_no === numberShown, 'the number shown is the one issued');
  const parts = member.fields.card.split('|');
  const key = await (await fetch(server.url.replace(/\/$/, '') + '/api/v1/card-key')).json();
  const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(key.public_key, 'base64url')]), format: 'der', type: 'spki' });
  assert(verify(null, Buffer.from(parts.slice(0, 4).join('|')), publicKey, Buffer.from(parts[4], 'base64url')), 'the card verifies');

  // English: the same card in the other language.
  await tapScrolled(page, 'radio', 'English');
  await findScrolled(page, 'text', '赵小飞');
  assert((await texts(page)).includes('Union member card'), 'the card in English');
  await page.screenshot({ path: join(args.out, 'member-card-en-390x844.png') });
  await tapScrolled(page, 'radio', '中文');

  assert(problems.length === 0, 'no page errors: ' + problems.join('; '));
});
