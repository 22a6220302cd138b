// store: the phone's store at district size, natively (tests/bench/store_bench.cpp): memory a
// record, opening again, and 待办's answer to a search, without a browser in the way. The
// browser's figures for the same district are the scale benchmark's.
// The table keeps the figures from before issue 18's work (the first recording) beside the new
// ones, so that each change to the store is read against where it started.
import { execFileSync } from 'node:child_process';
import { parseArgs } from '../../tests/e2e/lib.mjs';
import { machineLine, withBefore, writeSection } from './report.mjs';

const args = parseArgs(process.argv.slice(2));
const out = execFileSync('build/native/tests/nuanxin-store-bench', ['--members', '20000', '--requests', '50000', '--runs', '5'],
  { encoding: 'utf8', maxBuffer: 1 << 20 });
const lines = out.trim().split('\n');

const markdown = withBefore(args.report, 'store', [lines[0], '', machineLine(), ...lines.slice(1)],
  "before issue 18's store work").join('\n');
console.log(markdown);
if (args.report) writeSection(args.report, 'store', markdown);
