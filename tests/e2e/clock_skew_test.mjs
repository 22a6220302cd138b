// Two tablets of one staff member whose clocks lie: tablet A runs a day ahead, tablet B a day
// behind. Their edits of one rest station still land in causal order (the hybrid logical
// clock): an edit made after seeing another wins over it, whatever the wall clocks say, and
// edits of different fields made offline at the same time both survive. Both tablets and the
// server end up equal.
//   node tests/e2e/clock_skew_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  apiRecords, apiSession, assert, e2eRun, e2eStart, goTab, PHONE, revealItem, signInStaff, syncNow, tapScrolled, waitForApp,
  waitState, watchPage,
} from './lib.mjs';

const DAY = 24 * 3600 * 1000;
const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const staff = demoLogins().find((l) => l.login === 'demo-chengnan');

// Every clock the page can read (Date, and so Emscripten's clock_gettime) moved by `offset`.
function skewClock(offset) {
  const RealDate = Date;
  class SkewedDate extends RealDate {
    constructor(...a) { if (a.length === 0) super(RealDate.now() + offset); else super(...a); }
    static now() { return RealDate.now() + offset; }
  }
  globalThis.Date = SkewedDate;
}

async function phone(offset) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(skewClock, offset);
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(server.url);
  await waitForApp(page);
  await signInStaff(page, staff);
  const skew = await page.evaluate(() => Date.now()) - Date.now();
  assert(Math.abs(skew - offset) < 60000, `the page's clock is ${Math.round(skew / 3600000)} h off`);
  return { context, page, problems };
}

// One change through the app's own save path (the core's rules, a new HLC tick, the outbox).
async function save(page, change) {
  const error = await page.evaluate((c) => window.nuanxin.save(c), change);
  assert(error === '', `saved: ${error}`);
  await waitState(page, () => window.nuanxin.state().saving === 0, null, 'the save is durable');
}

// The station's name in 我的 → 驿站管理, as the staff member sees it.
async function shows(page, name) {
  await goTab(page, '我的', 'me');
  await tapScrolled(page, 'link', '驿站管理 ›');
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'heading' && w.label === '驿站管理'));
  return (await revealItem(page, 'text', name)).at >= 0;
}

await e2eRun({ server, browser }, async () => {
  const a = await phone(+DAY);
  const b = await phone(-DAY);
  const unit = (await apiSession(server, staff)).user.unit_id;
  const station = (await apiRecords(server, staff)).find((r) => r.kind === 'station' && r.fields.unit_id === unit && !r.deleted);
  assert(station, 'the staff member\'s unit has a station');
  const { id } = station;
  const onServer = async () => (await apiRecords(server, staff)).find((r) => r.kind === 'station' && r.id === id);
  const tag = Date.now() % 100000;

  // A (a day ahead) renames the station; B (a day behind) sees it and renames it again. B's
  // edit came after A's, so it wins although B's clock says two days earlier than A's stamp.
  const renamedByA = `城南时钟驿站 A${tag}`;
  const renamedByB = `城南时钟驿站 B${tag}`;
  await save(a.page, { kind: 'station', id, set: { name: renamedByA } });
  await syncNow(a.page);
  await syncNow(b.page);
  assert(await shows(b.page, renamedByA), 'tablet B got the new name from tablet A');
  await save(b.page, { kind: 'station', id, set: { name: renamedByB } });
  await syncNow(b.page);
  let record = await onServer();
  assert(record.fields.name === renamedByB, `the server keeps B's later edit: "${record.fields.name}"`);
  await syncNow(a.page);
  assert(await shows(a.page, renamedByB), 'tablet A shows B\'s later edit although its own clock is ahead');

  // Both offline, each edits another field of the station; back online, both edits stay.
  const contact = "值班员·时钟测试";
  const note = `B${tag}：饮水机维修中，明天恢复`;
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await save(a.page, { kind: 'station', id, set: { contact_name: contact } });
  await save(b.page, { kind: 'station', id, set: { status_note: note } });
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  for (const p of [a.page, b.page, a.page]) await syncNow(p);
  record = await onServer();
  assert(record.fields.contact_name === contact && record.fields.status_note === note && record.fields.name === renamedByB,
    `the server kept both offline edits: ${JSON.stringify(record.fields)}`);

  // The tablets' own copies equal the server's, field by field.
  for (const [name, p] of [['A', a.page], ['B', b.page]]) {
    assert(await shows(p, renamedByB), `tablet ${name} lists the station under B's name`);
    const local = await p.evaluate(async (id) => {
      const db = Object.values(Module.nxUserDbs)[0];
      return new Promise((resolve) => {
        const get = db.transaction('records').objectStore('records').get(['station', id]);
        get.onsuccess = () => resolve(get.result);
      });
    }, id);
    assert(JSON.stringify(local?.fields) === JSON.stringify(record.fields),
      `tablet ${name}'s copy is the server's: ${JSON.stringify(local?.fields)} / ${JSON.stringify(record.fields)}`);
  }
  await a.page.screenshot({ path: join(args.out, 'clock-skew-ahead-390x844.png') });
  const problems = [...a.problems, ...b.problems];
  assert(problems.length === 0, `no page errors: ${problems.join('; ')}`);
  console.log(`# clock skew: tablets at +24 h and -24 h agree with the server on station ${id}`);
});
