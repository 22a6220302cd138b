// Shared by the browser tests and benchmarks: start a real nuanxin-server on a free loopback
// port, launch Debian's Chromium headless with WebGL2 (SwiftShader), and find items of the
// app's widget tree (DESIGN.md contracts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
export async function startServer({ server, dist, extraArgs = [] }) {
  const data = mkdtempSync(join(tmpdir(), 'nuanxin-e2e-'));
  const child = spawn(server, ['--data', data, '--port', '0', '--static', dist, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; if (stderr.length > 1e5) stderr = stderr.slice(-5e4); });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start in 10 s:\n' + stderr)), 10000);
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

export async function findWidget(page, role, label) {
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
