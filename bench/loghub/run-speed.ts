// Speed benchmark: single-core lines/second of the template miner on the Loghub-2k
// messages (all 14 systems, each through its own miner) and on a deterministic synthetic
// stream of service messages; median of several runs. With --write-inputs DIR it also writes
// the exact inputs as text files (one message per line) for the drain3 comparison.
// Usage: node bench/loghub/run-speed.ts [--runs 7] [--lines 1000000] [--write-inputs .cache/bench]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTemplateMiner } from '../../src/core/logs/create-template-miner.ts';
import { loghubLogFormats } from '../../src/core/logs/loghub-log-formats.ts';
import { loadLoghubSystem } from './load-loghub-system.ts';
import { loghubDataDir } from './loghub-data-dir.ts';
import { median } from './median.ts';
import { syntheticStream } from './synthetic-stream.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    lines: { type: 'string', default: '1000000' },
    'write-inputs': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const lineCount = Number(values.lines);

/** Lines/second of one fresh miner over `messages`, per run; the first (warm-up) run is dropped. */
function measure(groups: readonly (readonly string[])[]): { median: number; runs: number[] } {
  const total = groups.reduce((n, g) => n + g.length, 0);
  const rates: number[] = [];
  for (let r = 0; r <= runs; r++) {
    const start = process.hrtime.bigint();
    for (const messages of groups) {
      const miner = createTemplateMiner();
      for (const m of messages) miner.add(m);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (r > 0) rates.push(total / seconds);
  }
  return { median: median(rates), runs: rates };
}

const results: Record<string, { lines: number; median: number; runs: number[] }> = {};
const dir = loghubDataDir();
if (dir === undefined)
  console.log('loghub-2k data not found at ../shared/data/loghub-2k: measuring the synthetic stream only');
else {
  const systems = loghubLogFormats.map(({ name, format }) => loadLoghubSystem(dir, name, format).contents);
  // 2,000 lines run too briefly to time alone: each run mines every system 10 times over.
  const repeated = Array.from({ length: 10 }, () => systems).flat();
  results.loghub = { lines: repeated.reduce((n, g) => n + g.length, 0), ...measure(repeated) };
  if (values['write-inputs'] !== undefined) {
    mkdirSync(values['write-inputs'], { recursive: true });
    for (const [i, { name }] of loghubLogFormats.entries()) {
      writeFileSync(join(values['write-inputs'], `loghub-${name}.txt`), `${systems[i]!.join('\n')}\n`);
    }
  }
}
const synthetic = syntheticStream(lineCount);
results.synthetic = { lines: synthetic.length, ...measure([synthetic]) };
if (values['write-inputs'] !== undefined) {
  mkdirSync(values['write-inputs'], { recursive: true });
  writeFileSync(join(values['write-inputs'], 'synthetic.txt'), `${synthetic.join('\n')}\n`);
}

if (values.json) console.log(JSON.stringify(results, null, 2));
else {
  for (const [name, r] of Object.entries(results)) {
    const runsText = r.runs.map((x) => Math.round(x / 1000)).join(', ');
    console.log(
      `${name}: ${r.lines} lines per run, median ${Math.round(r.median).toLocaleString('en')} lines/s (runs, k lines/s: ${runsText})`,
    );
  }
}
