// Writes one benchmark's section of docs/BENCHMARKS.md, keeping the other sections, and
// stamps it with the machine, the date and the commit so numbers can be compared honestly.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export function machineLine() {
  let commit = 'uncommitted';
  try { commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch {}
  const dirty = (() => { try { return execSync('git status --porcelain', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() ? '+changes' : ''; } catch { return ''; } })();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit}${dirty} · ${cpus().length} × ${cpu} · ${Math.round(totalmem() / 2 ** 30)} GiB`;
}

export function writeSection(path, name, markdown) {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  let doc = existsSync(path) ? readFileSync(path, 'utf8')
    : '# Benchmarks\n\nWritten by `scripts/bench`; each section is replaced when its benchmark runs again.\n\n'
      + 'Compass goals: the first load at most 450 KB compressed; 0 frames a second on a still screen; a\n'
      + 'save at most 1.5× a raw IndexedDB put; sync at least 10× faster than PouchDB and at most 2× the\n'
      + 'raw IndexedDB floor.\n';
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : doc.trimEnd() + '\n\n' + block + '\n';
  writeFileSync(path, doc);
}

export const kb = (n) => (n / 1024).toFixed(1);
