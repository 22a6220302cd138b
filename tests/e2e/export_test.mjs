// Taking data away, and staff on the phone: a worker downloads their own data as JSON (their
// records, not the union's public ones); a union staff member signs in with a username and
// password (typed as dots) and downloads their unit's members as a CSV.
//   node tests/e2e/export_test.mjs --server PATH --dist DIR --out DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assert, findScrolled, findWidget, goTab, PHONE, signInWorker, tap, typeInto, waitForApp,
  waitState, watchPage,
  e2eRun, e2eStart,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const logins = demoLogins();
const worker = logins.find((l) => l.role === 'worker');
const staff = logins.find((l) => l.login === 'demo-meituan');

async function download(page, label) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), tap(page, await findWidget(page, 'button', label))]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

await e2eRun({ server, browser }, async () => {
  // A worker's own data.
  const w = await (await browser.newContext({ ...PHONE, acceptDownloads: true })).newPage();
  const problems = watchPage(w);
  await w.goto(server.url);
  await waitForApp(w);
  await signInWorker(w, worker);
  await findScrolled(w, 'button', '下载我的数据（JSON）');
  const storage = (await w.evaluate(() => window.nuanxin.state())).storage;
  assert(storage.used >= 0 && [0, 1].includes(storage.persisted), `storage asked and measured: ${JSON.stringify(storage)}`);
  const mine = await download(w, '下载我的数据（JSON）');
  const data = JSON.parse(mine.text);
  assert(/^nuanxin-\d{4}-\d{2}-\d{2}\.json$/.test(mine.name), `file name ${mine.name}`);
  assert(data.records.length > 0 && data.records.every((r) => r.fields.owner_id === data.user_id),
    `only the worker's own records (${data.records.length})`);
  assert(data.records.some((r) => r.kind === 'member'), 'their member record is in it');
  assert(!(await w.evaluate(() => window.nuanxin.widgets())).some((x) => x.label === '下载本会会员名单（CSV）'),
    'a worker has no members list to download');

  // A staff member signs in with a username and password, and downloads the unit's members.
  const s = await (await browser.newContext({ ...PHONE, acceptDownloads: true })).newPage();
  await s.goto(server.url);
  await waitForApp(s);
  await goTab(s, '我的', 'me');
  await tap(s, await findWidget(s, 'link', '工会干部登录'));
  await s.waitForFunction(() => window.nuanxin.widgets().some((x) => x.role === 'input' && x.label === '用户名'), null, { timeout: 5000 });
  await typeInto(s, '用户名', staff.login);
  await typeInto(s, '密码', staff.secret);
  const shown = (await findWidget(s, 'input', '密码')).value;
  assert(shown === '\u2022'.repeat(staff.secret.length), `the password shows as dots, not text (${shown})`);
  await tap(s, await findWidget(s, 'button', '登录'));
  await waitState(s, () => { const st = window.nuanxin.state(); return st.signed_in && st.last_sync && st.records > 50; }, null, 'staff signed in');
  await s.screenshot({ path: join(args.out, 'me-staff-390x844.png') });
  await findScrolled(s, 'button', '下载本会会员名单（CSV）');
  const csv = await download(s, '下载本会会员名单（CSV）');
  const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert(rows[0] === '姓名,手机号,工种,工作单位,所属工会,会员号,状态,入会日期', `CSV header: ${rows[0]}`);
  assert(rows.length > 5 && rows.slice(1).every((r) => r.includes('美团海陵配送站工会')), `members of the unit (${rows.length - 1} rows)`);
  assert(/^\d{11}$/.test(rows[1].split(',')[1]), 'their unit staff see the whole phone number');

  assert(problems.length === 0, `no page errors: ${problems.join('; ')}`);
  console.log(`export: ok (worker JSON ${data.records.length} records, staff CSV ${rows.length - 1} members)`);
});
