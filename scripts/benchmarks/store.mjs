// store: the phone's store at district size, natively (tests/bench/store_bench.cpp): memory a
// record, opening again, and 待办's answer to a search, without a browser in the way. The
// browser's figures for the same district are the scale benchmark's.
import { execFileSync } from 'node:child_process';
import { parseArgs } from '../../tests/e2e/lib.mjs';
import { machineLine, writeSection } from './report.mjs';

const args = parseArgs(process.argv.slice(2));
const out = execFileSync('build/native/tests/nuanxin-store-bench', ['--members', '20000', '--requests', '50000', '--runs', '5'],
  { encoding: 'utf8', maxBuffer: 1 << 20 });
const [title, ...rest] = out.trim().split('\n');
const section = `${title}\n\n${machineLine()}\n${rest.join('\n')}`;
console.log(section);
if (args.report) writeSection(args.report, 'store', section);
