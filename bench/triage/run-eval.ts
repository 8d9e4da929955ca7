// Simulator evaluation suite: writes bundles for several seeds (every fault kind, mixed
// topologies), then scores the engine and the two baselines with `causeway eval`.
//
//   node bench/triage/run-eval.ts [--out DIR] [--seeds 101,202,303] [--count 35]
//
// Prints one line per ranker and writes the JSON of each run to DIR/eval-<ranker>.json.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '/tmp/causeway-eval' },
    seeds: { type: 'string', default: '101,202,303' },
    count: { type: 'string', default: '35' },
  },
});
const out = values.out as string;
const main = new URL('../../src/main.ts', import.meta.url).pathname;
const run = (args: string[]) =>
  execFileSync(process.execPath, [main, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });

const dirs: string[] = [];
for (const seed of (values.seeds as string).split(',')) {
  const dir = join(out, `seed-${seed}`);
  if (!existsSync(dir)) run(['simulate', '--out', dir, '--count', values.count as string, '--seed', seed]);
  dirs.push(dir);
}
for (const ranker of ['engine', 'errors', 'random']) {
  const json = run(['eval', ...dirs, '--json', ...(ranker === 'engine' ? [] : ['--baseline', ranker])]);
  writeFileSync(join(out, `eval-${ranker}.json`), json);
  const r = JSON.parse(json);
  const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  console.log(
    `${ranker.padEnd(7)} n=${r.n} AC@1 ${f(r.ac1)} AC@3 ${f(r.ac3)} Avg@5 ${f(r.avg5)} kind@1 ${f(r.kindAt1)} change@1 ${f(r.changeAt1)} p50 ${r.p50ms} ms p95 ${r.p95ms} ms`,
  );
}
