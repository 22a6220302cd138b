// store: the phone's store at district size, natively (tests/bench/store_bench.cpp): memory a
// record, opening again, and 待办's answer to a search, without a browser in the way. The
// browser's figures for the same district are the scale benchmark's.
// The table keeps the figures from before issue 18's work (the first recording) beside the new
// ones, so that each change to the store is read against where it started.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from '../../tests/e2e/lib.mjs';
import { machineLine, writeSection } from './report.mjs';

const args = parseArgs(process.argv.slice(2));
const out = execFileSync('build/native/tests/nuanxin-store-bench', ['--members', '20000', '--requests', '50000', '--runs', '5'],
  { encoding: 'utf8', maxBuffer: 1 << 20 });
const lines = out.trim().split('\n');

// The earlier figures: the "before" column of the recorded section, or its only value column.
const before = new Map();
const doc = args.report && existsSync(args.report) ? readFileSync(args.report, 'utf8') : '';
const recorded = doc.split('<!-- bench:store:begin -->')[1]?.split('<!-- bench:store:end -->')[0] ?? '';
const beforeNote = recorded.match(/^Before: (.*)$/m)?.[1] ?? `commit ${recorded.match(/commit (\w+)/)?.[1]}, before issue 18's store work`;
for (const row of recorded.split('\n')) {
  const cells = row.split('|').slice(1, -1).map((c) => c.trim());
  if (cells.length >= 2 && !cells[0].startsWith('---') && cells[0] !== 'measure') before.set(cells[0].replace(/ \(\d+ rows\)$/, ''), cells[1]);
}

const section = [lines[0], '', machineLine(), ''];
if (before.size) section.push(`Before: ${beforeNote}`);
for (const line of lines.slice(1)) {
  if (line.startsWith('| measure')) section.push(before.size ? '| measure | before | now |' : line);
  else if (line.startsWith('|---')) section.push(before.size ? '|---|---:|---:|' : line);
  else if (line.startsWith('| ')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    section.push(before.size ? `| ${cells[0]} | ${before.get(cells[0].replace(/ \(\d+ rows\)$/, '')) ?? '–'} | ${cells[1]} |` : line);
  } else section.push(line);
}
const markdown = section.join('\n');
console.log(markdown);
if (args.report) writeSection(args.report, 'store', markdown);
