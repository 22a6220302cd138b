// Shared by the browser tests and benchmarks: start a real nuanxin-server on a free loopback
// port, launch Debian's Chromium headless with WebGL2 (SwiftShader), and find items of the
// app's widget tree (DESIGN.md contracts).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
  }
  return out;
}

// Starts the server; resolves to {url, stop()} once it prints the address it listens on.
export async function startServer({ server, dist, extraArgs = [], startSeconds = 10 }) {
  const data = mkdtempSync(join(tmpdir(), 'nuanxin-e2e-'));
  const child = spawn(server, ['--data', data, '--port', '0', '--static', dist, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; if (stderr.length > 1e5) stderr = stderr.slice(-5e4); });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in ${startSeconds} s:\n` + stderr)), startSeconds * 1000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${stderr}`)); });
  });
  return {
    url,
    data,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r).once('error', r));
      rmSync(data, { recursive: true, force: true });
    },
  };
}

// A phone: 390 x 844 CSS px at device-pixel-ratio 3, with touch.
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'zh-CN' };
export const TABLET = { ...PHONE, viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2 };

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Collects what would tell a person something broke: uncaught errors, console errors, CSP violations.
export function watchPage(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push('console error: ' + m.text());
  });
  return problems;
}

export async function waitForApp(page, timeout = 30000) {
  await page.waitForFunction(() => window.nuanxin && window.nuanxin.state().frames_drawn > 0
    && window.nuanxin.widgets().some((w) => w.role === 'tab'), null, { timeout });
}

export async function widgets(page) { return page.evaluate(() => window.nuanxin.widgets()); }
export async function appState(page) { return page.evaluate(() => window.nuanxin.state()); }

// Waits until the app has stopped drawing (a screen settles over a few frames: imgui lays out a
// new window, then its scrollbar), so the tree read next matches what is on screen.
export async function settle(page) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const frames = await page.evaluate(() => window.nuanxin.state().frames_drawn);
    if (frames === last) return;
    last = frames;
    await page.waitForTimeout(50);
  }
}

export async function findWidget(page, role, label) {
  await settle(page);
  const all = await widgets(page);
  const found = all.find((w) => w.role === role && w.label === label);
  if (!found) throw new Error(`no ${role} labelled "${label}" in: ${all.map((w) => `${w.role}:${w.label}`).join(', ')}`);
  return found;
}

export async function tap(page, widget) {
  await page.touchscreen.tap(widget.x + widget.w / 2, widget.y + widget.h / 2);
}

export function assert(cond, message) {
  if (!cond) throw new Error('assertion failed: ' + message);
}

export const waitState = (page, fn, arg, what) => page.waitForFunction(fn, arg, { timeout: 15000 })
  .catch(async () => { throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify(await appState(page))}`); });

// Taps a text field found by its label and types into it through the keyboard bridge.
export async function typeInto(page, label, text) {
  await tap(page, await findWidget(page, 'input', label));
  await page.waitForFunction(() => document.activeElement?.id === 'nx-text-input', null, { timeout: 5000 });
  await page.keyboard.insertText(text);
  // A PIN or password shows as one dot a character.
  await page.waitForFunction(([l, v]) => window.nuanxin.widgets().some((w) => w.role === 'input' && w.label === l
    && (w.value === v || w.value === '\u2022'.repeat([...v].length))), [label, text], { timeout: 5000 });
}

export async function goTab(page, label, screen) {
  await tap(page, await findWidget(page, 'tab', label));
  await page.waitForFunction((sc) => window.nuanxin.state().screen === sc, screen, { timeout: 5000 });
}

// Signs a demo worker in on 我的 and waits for the first sync.
export async function signInWorker(page, login) {
  await goTab(page, '我的', 'me');
  await typeInto(page, '手机号', login.login);
  await typeInto(page, 'PIN 码（6 位数字）', login.secret);
  await tap(page, await findWidget(page, 'button', '登录'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.signed_in && s.records > 50 && s.last_sync; }, null,
    'sign-in and the first sync');
}

// A new browser context of `device` with the app open and ready; `problems` collects the
// page's errors.
export async function openApp(browser, server, device = PHONE) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(server.url);
  await waitForApp(page);
  return { context, page, problems };
}

// Scrolls an item into view and taps it.
export async function tapScrolled(page, role, label) { await tap(page, await findScrolled(page, role, label)); }

// Signs a demo staff member in on 我的 (username and password) and waits for the first sync.
export async function signInStaff(page, login) {
  await goTab(page, '我的', 'me');
  await tap(page, await findWidget(page, 'link', '工会干部登录'));
  await page.waitForFunction(() => window.nuanxin.widgets().some((x) => x.role === 'input' && x.label === '用户名'), null, { timeout: 5000 });
  await typeInto(page, '用户名', login.login);
  await typeInto(page, '密码', login.secret);
  await tap(page, await findWidget(page, 'button', '登录'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.signed_in && s.last_sync && s.records > 50; }, null,
    'staff sign-in and the first sync');
}

// The server's API as a test's second device or an admin: {url}, a demo login {login, secret, role}.
export async function apiSession(server, login) {
  const base = server.url.replace(/\/+$/, '');
  const path = login.role === 'worker' ? '/api/v1/auth/worker/login' : '/api/v1/auth/staff/login';
  const body = login.role === 'worker' ? { phone: login.login, pin: login.secret } : { username: login.login, password: login.secret };
  const session = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then((r) => r.json());
  const call = (method, p, payload) => fetch(base + p, {
    method, headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  }).then((r) => r.json());
  return { ...session, call };
}

// Every record the login may see, from the server.
export async function apiRecords(server, login) {
  return sessionRecords(await apiSession(server, login));
}

// Every record an open apiSession may see, page by page.
export async function sessionRecords(session) {
  const records = [];
  for (let since = 0, more = true; more;) {
    const page = await session.call('GET', `/api/v1/sync/pull?since=${since}&limit=1000`);
    records.push(...page.records);
    since = page.cursor;
    more = page.more;
  }
  return records;
}

// An HLC stamp for ops a test pushes through the API as another device.
export const apiHlc = (n = 0, device = 'e2e') => `${String(Date.now()).padStart(16, '0')}-${String(n).padStart(5, '0')}-${device}`;

// The labels of the text items on screen now.
export async function texts(page) {
  return (await widgets(page)).filter((w) => w.role === 'text').map((w) => w.label);
}

// 我的 → 立即同步, then waits until nothing is left to send.
export async function syncNow(page) {
  await goTab(page, '我的', 'me');
  await tap(page, await findScrolled(page, 'button', '立即同步'));
  await waitState(page, () => { const s = window.nuanxin.state(); return s.pending_ops === 0 && s.saving === 0; }, null, 'sync');
  await page.waitForTimeout(300);
}

// Scrolls (as a mouse wheel would) from the top of the screen until an item is wholly on
// screen with `room` px free below it (the tab bar, and whatever follows the item); returns
// that frame's widget tree and the item's index in it (-1 if it never showed).
export async function revealItem(page, role, label, { room = 60 } = {}) {
  await page.mouse.move(PHONE.viewport.width / 2, 300);
  await page.mouse.wheel(0, -5000);
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.waitForTimeout(100);
    await settle(page);
    const items = await widgets(page);
    const at = items.findIndex((w) => w.role === role && w.label === label);
    if (at >= 0 && items[at].h >= 20 && items[at].y + items[at].h < (await page.viewportSize()).height - room) return { items, at };
    await page.mouse.wheel(0, 200);
  }
  return { items: [], at: -1 };
}

// An item that may be below the fold, scrolled into view.
export async function findScrolled(page, role, label) {
  const { items, at } = await revealItem(page, role, label);
  return at >= 0 ? items[at] : findWidget(page, role, label);  // throws, listing what is there
}

// The frame of every browser test: reads --server/--dist/--out, starts the server (plus
// `serverArgs`) and Chromium. e2eRun then runs the test body and always cleans up, printing
// the failure and exiting non-zero when it throws.
// `copyDist`: serve a private copy of the built app, which the test may change ("publish").
export async function e2eStart({ serverArgs = [], copyDist = false } = {}) {
  const args = parseArgs(process.argv.slice(2));
  for (const k of ['server', 'dist', 'out']) if (!args[k]) { console.error(`missing --${k}`); process.exit(2); }
  mkdirSync(args.out, { recursive: true });
  const dist = copyDist ? mkdtempSync(join(tmpdir(), 'nuanxin-dist-')) : args.dist;
  if (copyDist) cpSync(args.dist, dist, { recursive: true });
  const server = await startServer({ server: args.server, dist, extraArgs: serverArgs });
  server.dist = dist;
  if (copyDist) server.cleanup = () => rmSync(dist, { recursive: true, force: true });
  const browser = await launchBrowser();
  const demoLogins = () => JSON.parse(readFileSync(join(server.data, 'demo-logins.json'), 'utf8'));
  return { args, server, browser, demoLogins };
}

export async function e2eRun({ server, browser }, body) {
  let failed = false;
  try {
    await body();
  } catch (e) {
    failed = true;
    console.error(e.stack || e.message);
  } finally {
    await browser.close();
    await server.stop();
    server.cleanup?.();
  }
  process.exit(failed ? 1 : 0);
}

// Pieces of the catalog's Chinese (between a row's parameter holes) of three characters or
// more, leaving out those the demo district's data also holds (a station named …驿站 is data,
// not a word left untranslated): none may be on screen while the app speaks English.
export function catalogChinese() {
  const src = new URL('../../src/', import.meta.url);
  const inc = readFileSync(new URL('core/messages/messages.inc', src), 'utf8');
  const demoDir = new URL('core/demo/', src);
  const demo = readdirSync(demoDir).map((f) => readFileSync(new URL(f, demoDir), 'utf8')).join('\n');
  const pieces = new Set();
  for (const [, zh] of inc.matchAll(/^NX_MESSAGE\(\w+, "((?:[^"\\]|\\.)*)", /gm))
    for (const piece of zh.split(/\{\d?\}/))
      if ((piece.match(/[\u3400-\u9fff]/g) || []).length >= 3 && !demo.includes(piece)) pieces.add(piece);
  return [...pieces];
}

// Every item on screen now whose label shows one of `pieces`.
export async function untranslated(page, pieces) {
  return (await widgets(page)).flatMap((w) => pieces.filter((p) => (w.label || '').includes(p)).map((p) => `${w.role} "${w.label}" (${p})`));
}

// The records the signed-in person's store holds in IndexedDB, each in its newest stored form:
// blocks in key order, then single rows (a row is newer than any block; app/local_store.h).
export async function storedRecords(page) {
  return page.evaluate(async () => {
    const db = Object.values(Module.nxUserDbs)[0];
    const all = (store) => new Promise((resolve, reject) => {
      const q = db.transaction(store).objectStore(store).getAll();
      q.onsuccess = () => resolve(q.result);
      q.onerror = () => reject(q.error);
    });
    const newest = new Map();
    for (const block of await all('blocks')) for (const r of window.nuanxin.blockForms(block)) newest.set(`${r.kind}/${r.id}`, r);
    for (const r of await all('records')) newest.set(`${r.kind}/${r.id}`, r);
    return [...newest.values()];
  });
}
