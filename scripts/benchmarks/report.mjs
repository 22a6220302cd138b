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

// A table that keeps the figures of a section's first recording beside the new ones: issue 18's
// work on the store is read against where it started. `lines` is the section as the benchmark
// prints it (a "| measure | value |" table); the result has "| measure | before | now |" once a
// recording exists, and says which one the "before" column is.
export function withBefore(path, name, lines, firstNote) {
  const doc = path && existsSync(path) ? readFileSync(path, 'utf8') : '';
  const recorded = doc.split(`<!-- bench:${name}:begin -->`)[1]?.split(`<!-- bench:${name}:end -->`)[0] ?? '';
  const beforeNote = recorded.match(/^Before: (.*)$/m)?.[1] ?? `commit ${recorded.match(/commit (\w+)/)?.[1]}, ${firstNote}`;
  const key = (label) => label.replace(/ \([^)]*\)$/, '');  // "(33 rows)", "(36 frames)" and the like
  const before = new Map();
  for (const row of recorded.split('\n')) {
    const cells = row.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length >= 2 && !cells[0].startsWith('---') && cells[0] !== 'measure') before.set(key(cells[0]), cells[1]);
  }
  if (!before.size) return lines;
  const out = [];
  for (const line of lines) {
    if (line.startsWith('| measure')) out.push(`Before: ${beforeNote}`, '', '| measure | before | now |');
    else if (line.startsWith('|---')) out.push('|---|---:|---:|');
    else if (line.startsWith('| ')) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      out.push(`| ${cells[0]} | ${before.get(key(cells[0])) ?? '–'} | ${cells[1]} |`);
    } else out.push(line);
  }
  return out;
}
