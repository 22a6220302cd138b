// The phone's store in IndexedDB, across versions: a district staff member's records arrive as
// blocks (one value holds many), a change made offline waits in the outbox, and a store written
// by the previous version (database version 2: every record a row of its own) opens with
// everything in it, that change still waiting, and is rewritten as blocks in the background
// without a record lost; blocks in the JSON text of the version before binary blocks are
// rewritten in the binary form the same way; a block that meta lists as read after the first
// screen arrives after it; the change then reaches the server.
//   node tests/e2e/storage_test.mjs --server PATH --dist DIR --out DIR
import { join } from 'node:path';
import {
  apiRecords, apiSession, assert, e2eRun, e2eStart, openApp, PHONE, signInStaff, storedRecords, syncNow, waitState, waitForApp,
} from './lib.mjs';

const { args, server, browser, demoLogins } = await e2eStart({ serverArgs: ['--demo'] });
const district = demoLogins().find((l) => l.login === 'demo-district');

// What the person's database holds: its version, the blocks and their records, the rows.
const layout = (page) => page.evaluate(async () => {
  const name = Object.keys(Module.nxUserDbs)[0];
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const read = (store) => new Promise((resolve) => {
    if (!db.objectStoreNames.contains(store)) { resolve([]); return; }
    const q = db.transaction(store).objectStore(store).getAll();
    q.onsuccess = () => resolve(q.result);
  });
  const blocks = await read('blocks'), rows = await read('records');
  const out = {
    version: db.version, blocks: blocks.length, inBlocks: blocks.reduce((n, b) => n + window.nuanxin.blockForms(b).length, 0), rows: rows.length,
    textBlocks: blocks.filter((b) => typeof b === 'string').length,
  };
  db.close();
  return out;
});

// The layout once the background rewrite has done what `done` asks (or 20 s have passed).
const settledLayout = async (page, done) => {
  let now;
  for (let i = 0; i < 100; i++) {
    now = await layout(page);
    if (done(now)) break;
    await page.waitForTimeout(200);
  }
  return now;
};

// Opens the page again and waits until the store holds `records` records and `pending` changes.
const reopen = async (page, records, pending, what) => {
  await page.reload();
  await waitForApp(page);
  await waitState(page, ([n, p]) => { const s = window.nuanxin.state(); return s.signed_in && !s.reading_store && s.records === n && s.pending_ops === p; },
    [records, pending], what);
};

// Rewrites every block as the version before binary blocks stored it: its forms' JSON text.
const blocksToText = (page) => page.evaluate(async () => {
  const db = Object.values(Module.nxUserDbs)[0];
  const read = await new Promise((resolve, reject) => {
    const store = db.transaction('blocks').objectStore('blocks');
    const keys = store.getAllKeys(), values = store.getAll();
    values.transaction.oncomplete = () => resolve(keys.result.map((k, i) => [k, values.result[i]]));
    values.transaction.onerror = () => reject(values.transaction.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('blocks', 'readwrite');
    for (const [key, value] of read) tx.objectStore('blocks').put(JSON.stringify(window.nuanxin.blockForms(value)), key);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  return read.length;
});

// Lists the lowest-keyed block in meta as one read after the first screen, as a compaction in
// two tiers lists a district's members (app/local_store.h); its forms are the oldest, so the
// layout stays true.
const markFirstBlockLater = (page) => page.evaluate(async () => {
  const db = Object.values(Module.nxUserDbs)[0];
  const keys = await new Promise((resolve) => {
    const q = db.transaction('blocks').objectStore('blocks').getAllKeys();
    q.onsuccess = () => resolve(q.result);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('meta', 'readwrite');
    const q = tx.objectStore('meta').get('meta');
    q.onsuccess = () => tx.objectStore('meta').put({ ...q.result, later_blocks: [keys[0]] }, 'meta');
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  return keys.length;
});

// Rewrites the person's database as version 2 left it: meta, outbox, and every record's newest
// form as a row.
const downgradeToVersion2 = async (page) => page.evaluate(async (records) => {
  const name = Object.keys(Module.nxUserDbs)[0];
  const db = Module.nxUserDbs[name];
  const all = (store) => new Promise((resolve) => {
    const q = db.transaction(store).objectStore(store).getAll();
    q.onsuccess = () => resolve(q.result);
  });
  const meta = await new Promise((resolve) => {
    const q = db.transaction('meta').objectStore('meta').get('meta');
    q.onsuccess = () => resolve(q.result);
  });
  const outbox = await all('outbox');
  db.close();
  delete Module.nxUserDbs[name];
  await new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = resolve;
    del.onerror = () => reject(del.error);
  });
  delete meta.next_block;
  await new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 2);
    open.onupgradeneeded = () => {
      const v2 = open.result;
      v2.createObjectStore('records', { keyPath: ['kind', 'id'] });
      v2.createObjectStore('outbox', { keyPath: 'order' }).createIndex('op_id', 'op.op_id', { unique: true });
      v2.createObjectStore('meta');
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const v2 = open.result;
      const tx = v2.transaction(['records', 'outbox', 'meta'], 'readwrite');
      for (const r of records) tx.objectStore('records').put(r);
      for (const e of outbox) tx.objectStore('outbox').put(e);
      tx.objectStore('meta').put(meta, 'meta');
      tx.oncomplete = () => { v2.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
  return records.length;
}, await storedRecords(page));

await e2eRun({ server, browser }, async () => {
  const { page, problems } = await openApp(browser, server, PHONE);
  await signInStaff(page, district);
  await waitState(page, () => { const s = window.nuanxin.state(); return s.last_sync && s.saving === 0; }, null, 'the first sync');
  const records = (await page.evaluate(() => window.nuanxin.state())).records;
  const first = await layout(page);
  assert(first.version === 3 && first.blocks >= 1 && first.inBlocks + first.rows >= records,
    `the first sync is stored in blocks (${JSON.stringify(first)}, ${records} records)`);

  // Offline, a station is renamed: the change waits on the phone.
  const unit = (await apiSession(server, district)).user.unit_id;
  const station = (await apiRecords(server, district)).find((r) => r.kind === 'station' && r.fields.unit_id === unit && !r.deleted);
  assert(station, 'the district has a station of its own');
  const name = `改名后的驿站 ${Date.now()}`;
  await page.context().setOffline(true);
  await waitState(page, () => !window.nuanxin.state().online, null, 'offline');
  const error = await page.evaluate((c) => window.nuanxin.save(c), { kind: 'station', id: station.id, set: { name } });
  assert(error === '', `saved: ${error}`);
  await waitState(page, () => { const s = window.nuanxin.state(); return s.pending_ops === 1 && s.saving === 0; }, null, 'the rename saved on the phone');

  // The same store as the previous version wrote it, then the page opened again.
  const rows = await downgradeToVersion2(page);
  assert(rows === records, `every record became a row (${rows} of ${records})`);
  await page.reload();
  await waitForApp(page);
  await waitState(page, (n) => { const s = window.nuanxin.state(); return s.signed_in && s.records === n; }, records, 'the old store opened whole');
  assert((await page.evaluate(() => window.nuanxin.state())).pending_ops === 1, 'the rename still waits');

  // A second after opening, the rows are folded into blocks in the background.
  const folded = await settledLayout(page, (l) => l.rows === 0);
  assert(folded.version === 3 && folded.rows === 0 && folded.inBlocks === records,
    `the rows are rewritten as blocks (${JSON.stringify(folded)}, ${records} records)`);
  await reopen(page, records, 1, 'the rewritten store opened whole');
  const after = await layout(page);
  assert(after.rows === 0 && after.blocks === folded.blocks && after.textBlocks === 0,
    `opening it again rewrites nothing (${JSON.stringify(after)})`);

  // Blocks in the JSON text of the version before open whole and are rewritten in the binary form.
  assert(await blocksToText(page) === after.blocks, 'every block rewritten as text');
  await reopen(page, records, 1, 'the text blocks opened whole');
  const binary = await settledLayout(page, (l) => l.textBlocks === 0);
  assert(binary.textBlocks === 0 && binary.rows === 0 && binary.inBlocks === records,
    `the text blocks are rewritten in the binary form (${JSON.stringify(binary)}, ${records} records)`);
  await page.screenshot({ path: join(args.out, 'storage-reopened-390x844.png') });

  // Blocks that meta lists as later are read after the first part, and every record arrives.
  assert(await markFirstBlockLater(page) >= 1, 'a block to read later');
  await reopen(page, records, 1, 'the store with a later block opened whole');
  const tiered = await layout(page);
  assert(tiered.rows === 0 && tiered.blocks === binary.blocks, `reading a later block rewrites nothing (${JSON.stringify(tiered)})`);

  // Back online, the change reaches the server.
  await page.context().setOffline(false);
  await syncNow(page);
  const onServer = (await apiRecords(server, district)).find((r) => r.kind === 'station' && r.id === station.id);
  assert(onServer.fields.name === name, `the server has the rename (${onServer.fields.name})`);
  // Reloading offline, the browser reports what it could not fetch; nothing else may go wrong.
  const real = problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'));
  assert(real.length === 0, `no page errors: ${real.join('; ')}`);
});
