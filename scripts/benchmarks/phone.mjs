// What the save and sync benchmarks share: a phone whose IndexedDB lives on disk (a persistent
// profile, as on a real phone; a plain context keeps it in RAM), signed in as a demo worker,
// and a raw-IndexedDB writer in the same page to compare the app's saves with.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, PHONE, signInWorker, waitForApp } from '../../tests/e2e/lib.mjs';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

export function demoWorker(server) {
  return JSON.parse(readFileSync(join(server.data, 'demo-logins.json'), 'utf8')).find((l) => l.role === 'worker');
}

// A browser profile on disk with `url` open; close() removes the profile.
export async function openProfile(url) {
  const profile = mkdtempSync(join(tmpdir(), 'nuanxin-bench-'));
  const context = await chromium.launchPersistentContext(profile, { ...PHONE, ...(process.env.DPR ? { deviceScaleFactor: Number(process.env.DPR) } : {}), executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(url);
  return { context, page, async close() { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

// A phone with the app open and, given a login, the worker signed in.
export async function openPhone(server, login) {
  const phone = await openProfile(server.url);
  await waitForApp(phone.page);
  if (login) await signInWorker(phone.page, login);
  return phone;
}

// Installs window.rawIdb in the page: a database of its own with one object store keyed like
// the app's records ([kind, id]), written with the same strict durability.
export async function installRawIdb(page) {
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('bench-raw', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('records', { keyPath: ['kind', 'id'] });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      window.rawIdb = {
        // One transaction putting every record; resolves when committed.
        put(records) {
          return new Promise((done, fail) => {
            const tx = db.transaction('records', 'readwrite', { durability: 'strict' });
            const store = tx.objectStore('records');
            for (const r of records) store.put(r);
            tx.oncomplete = () => done();
            tx.onerror = () => fail(tx.error);
          });
        },
      };
      resolve();
    };
  }));
}

// The worker's own service requests as the app would create them: `n` of them, numbered
// from `from`, as changes for window.nuanxin.save.
export function requestChanges(n, from, ownerId, unitId, tag) {
  const changes = [];
  for (let i = from; i < from + n; i++) {
    const hex = (tag * 1e7 + i).toString(16).padStart(12, '0');
    changes.push({ kind: 'service_request', id: `b0000000-0000-4000-8000-${hex}`,
      set: { category: 'other', description: `基准测试的第 ${i} 条求助：想问问工会的冬送温暖在哪个驿站领。`, owner_id: ownerId, unit_id: unitId } });
  }
  return changes;
}
