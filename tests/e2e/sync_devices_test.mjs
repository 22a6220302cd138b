// Two phones and the union, as sync sees them:
//   - a change made on one phone while it cannot reach the server reaches the other phone,
//     and both show the same record (they converge);
//   - a change the server refuses (the union removed the record meanwhile) is not dropped:
//     it waits in "需要你处理" with the reason, until the person discards it;
//   - a phone store written by the previous storage version (IndexedDB v1) opens under the
//     current one with its unsynced change, which then syncs.
//   node tests/e2e/sync_devices_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  apiRecords, apiSession, assert, findScrolled, revealItem, findWidget, goTab, PHONE, signInWorker, tap,
  typeInto, waitForApp, waitState, watchPage,
  e2eRun, e2eStart,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const logins = demoLogins();
const worker = logins.find((l) => l.role === 'worker');
const admin = logins.find((l) => l.role === 'admin');

// The question's paragraph on screen, with room below for the link to its page.
const reveal = (page, text) => revealItem(page, 'text', text, { room: 120 });

// The status chip drawn just above the question `text` ("已点单", "待同步", ...).
const statusOf = async (page, text) => {
  const { items, at } = await reveal(page, text);
  if (at < 0) return undefined;
  return items.slice(0, at).reverse().find((w) => w.role === 'text' && ['已点单', '已撤回', '待同步', '已配单'].includes(w.label))?.label;
};

async function ask(page, text) {
  await goTab(page, '服务', 'services');
  await findScrolled(page, 'input', '向律师提问');  // the list may have been scrolled by the last ask
  await typeInto(page, '向律师提问', text);
  await tap(page, await findWidget(page, 'button', '提交问题'));
  // Saved, then acknowledged by the server: the list says 已点单, not 待同步.
  for (let i = 0; i < 30 && await statusOf(page, text) !== '已点单'; i++) await page.waitForTimeout(200);
  assert(await statusOf(page, text) === '已点单', `"${text}" reached the server (${await statusOf(page, text)})`);
}

// Withdraws the question whose text is `text` on its own page (the link follows its paragraph).
async function withdraw(page, text) {
  const { items, at } = await reveal(page, text);
  const link = at < 0 ? null : items.slice(at).find((w) => w.role === 'link' && w.label === '查看进度和留言 ›');
  if (!link) throw new Error(`no link under "${text}"`);
  await tap(page, link);
  await tap(page, await findScrolled(page, 'button', '撤回这个提问'));
  await tap(page, await findScrolled(page, 'link', '‹ 返回服务'));
  // Back on the list, where it was scrolled to (its heading may be above the screen).
  await page.waitForFunction(() => window.nuanxin.widgets().some((w) => w.role === 'link' && w.label === '查看进度和留言 ›')
    && !window.nuanxin.widgets().some((w) => w.label === '‹ 返回服务'));
}

await e2eRun({ server, browser }, async () => {
  const phoneA = await browser.newContext(PHONE);
  const phoneB = await browser.newContext(PHONE);
  const a = await phoneA.newPage();
  const b = await phoneB.newPage();
  const problems = [...watchPage(a), ...watchPage(b)];
  for (const p of [a, b]) { await p.goto(server.url); await waitForApp(p); await signInWorker(p, worker); }

  const first = `两台手机 ${Date.now()}：社保断缴怎么补？`;
  const second = `会被删除的问题 ${Date.now()}`;
  await ask(a, first);
  await ask(a, second);

  // Phone A loses the server and withdraws both questions; meanwhile the union (admin) removes
  // the second one as a duplicate.
  await a.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await withdraw(a, first);
  await waitState(a, () => window.nuanxin.state().pending_ops === 1 && window.nuanxin.state().saving === 0, null, 'one change waiting');
  await withdraw(a, second);
  await waitState(a, () => window.nuanxin.state().pending_ops === 2 && window.nuanxin.state().saving === 0, null, 'two changes waiting');
  const mine = (await apiRecords(server, worker)).filter((r) => r.kind === 'service_request');
  const secondRecord = mine.find((r) => r.fields.description === second);
  assert(secondRecord, `the second question is on the server: ${JSON.stringify(mine.map((r) => [r.fields.description, r.fields.status]))}`);
  const secondId = secondRecord.id;
  const adminApi = await apiSession(server, admin);
  const removed = await adminApi.call('POST', '/api/v1/sync/push', {
    device_id: 'union-office', ops: [{ op_id: crypto.randomUUID(), kind: 'service_request', id: secondId, hlc: `${String(Date.now()).padStart(16, '0')}-00000-union-office`, delete: true }],
  });
  assert(removed.results[0].status === 'applied', `the union removed the duplicate: ${JSON.stringify(removed)}`);

  // Back online: the withdrawal is applied, the other is refused with a reason the person sees.
  await a.unroute('**/api/v1/**');
  await goTab(a, '我的', 'me');
  await tap(a, await findScrolled(a, 'button', '立即同步'));
  await waitState(a, () => { const s = window.nuanxin.state(); return s.pending_ops === 0 && s.rejected_ops === 1; }, null, 'one applied, one refused');
  await findScrolled(a, 'heading', '需要你处理');
  await findScrolled(a, 'text', '这条记录已被删除');
  await a.screenshot({ path: join(args.out, 'me-needs-attention-390x844.png') });
  await tap(a, await findScrolled(a, 'button', '放弃这条修改'));
  await waitState(a, () => window.nuanxin.state().rejected_ops === 0, null, 'the refused change discarded');

  // Phone B syncs and shows what phone A did: both phones agree.
  await goTab(b, '我的', 'me');
  await tap(b, await findScrolled(b, 'button', '立即同步'));
  await waitState(b, () => window.nuanxin.state().pending_ops === 0, null, 'phone B synced');
  await b.waitForTimeout(500);
  await goTab(a, '服务', 'services');
  await goTab(b, '服务', 'services');
  assert(await statusOf(a, first) === '已撤回' && await statusOf(b, first) === '已撤回',
    `both phones show the withdrawal (${await statusOf(a, first)} / ${await statusOf(b, first)})`);
  assert(!(await b.evaluate(() => window.nuanxin.widgets())).some((w) => w.label === second), 'the removed question is gone on phone B');
  const onServer = (await apiRecords(server, worker)).find((r) => r.description === first || r.fields.description === first);
  assert(onServer.fields.status === 'cancelled', `the server agrees (${onServer.fields.status})`);

  // A store written by storage version 1 opens under the newest version with its unsynced change.
  const phoneC = await browser.newContext(PHONE);
  const c = await phoneC.newPage();
  await c.goto(server.url);
  await waitForApp(c);
  const session = await apiSession(server, worker);
  const unit = (await apiRecords(server, worker)).find((r) => r.kind === 'member').fields.unit_id;
  const legacy = `旧版本存下的问题 ${Date.now()}`;
  await c.evaluate(async ({ session, unit, legacy }) => {
    const put = (name, version, upgrade, fill) => new Promise((resolve, reject) => {
      const open = indexedDB.open(name, version);
      open.onupgradeneeded = () => upgrade(open.result);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(db.objectStoreNames, 'readwrite');
        fill(tx);
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    });
    const hlc = `${String(Date.now()).padStart(16, '0')}-00000-old-phone`;
    await put(`nuanxin-user-${session.user.id}`, 1, (db) => {
      db.createObjectStore('records', { keyPath: ['kind', 'id'] });
      db.createObjectStore('outbox', { keyPath: 'order' });
      db.createObjectStore('meta');
    }, (tx) => {
      tx.objectStore('meta').put({ schema: 1, device_id: 'old-phone', clock: hlc, cursor: 0, next_order: 2, last_sync: '' }, 'meta');
      tx.objectStore('outbox').put({ order: 1, state: 'pending', saved_at: Date.now(), op: {
        op_id: crypto.randomUUID(), kind: 'service_request', id: crypto.randomUUID(), hlc,
        set: { category: 'legal_consultation', topic: 'other', description: legacy, owner_id: session.user.id, unit_id: unit } } });
    });
    await put('nuanxin', 1, (db) => db.createObjectStore('kv'), (tx) => {
      tx.objectStore('kv').put(JSON.stringify({ token: session.token, expires_at: session.expires_at, user: session.user }), 'session');
    });
  }, { session: { token: session.token, expires_at: session.expires_at, user: session.user }, unit, legacy });
  await c.reload();
  await waitForApp(c);
  await waitState(c, () => { const s = window.nuanxin.state(); return s.signed_in && s.pending_ops === 0 && s.last_sync; }, null,
    'the v1 store opened and its change synced');
  const version = await c.evaluate((id) => new Promise((r) => { const o = indexedDB.open(`nuanxin-user-${id}`); o.onsuccess = () => { r(o.result.version); o.result.close(); }; }), session.user.id);
  assert(version === 3, `the store was migrated to version 3 (${version})`);
  const legacyOnServer = (await apiRecords(server, admin)).filter((r) => r.kind === 'service_request' && r.fields.description === legacy);
  assert(legacyOnServer.length === 1, `the v1 store's change reached the server once (${legacyOnServer.length})`);

  const real = problems.filter((p) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p));
  assert(real.length === 0, `no page errors: ${real.join('; ')}`);
  console.log('devices: ok (converged, refused change kept then discarded, v1 store migrated)');
});
