// One table over every dataset: the simulator suite, the real development sets in ../shared/data
// (nezha-ob with and without its metrics, petshop), and the degradations of each (ingest lag, a
// recording hole, bursty load, a changed request mix, spans without status or kind and a short
// baseline), for the engine and the two baselines. Real sets are skipped (and said so) when
// ../shared/data is absent; nothing is copied into the repository.
//
//   node bench/triage/dataset-table.ts [--sim /tmp/causeway-eval] [--work .cache/bench] [--lag 45] [--gap 120]
//        [--shared ../shared/data]
//
// The simulator suite is written by bench/triage/run-eval.ts (seeds 101, 202, 303) if --sim has none.
// nezha-ob is unpacked once into .cache/real by ../shared/tools/real-eval (or here, the same way).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    sim: { type: 'string', default: '/tmp/causeway-eval' },
    work: { type: 'string', default: '.cache/bench' },
    lag: { type: 'string', default: '45' },
    gap: { type: 'string', default: '120' },
    shared: { type: 'string' },
  },
});
const root = resolve(new URL('../..', import.meta.url).pathname);
const main = join(root, 'src/main.ts');
const node = (args: string[]) =>
  execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
const shared = resolve(root, o.shared ?? '../shared/data');
const work = resolve(root, o.work as string);
mkdirSync(work, { recursive: true });

// The sets: name → folders.
const sets: { name: string; dirs: string[] }[] = [];
const seeds = ['101', '202', '303'].map((s) => join(o.sim as string, `seed-${s}`));
if (!seeds.every(existsSync)) node([join(root, 'bench/triage/run-eval.ts'), '--out', o.sim as string]);
sets.push({ name: 'simulator suite', dirs: seeds });
const real = join(root, '.cache/real');
const nob = join(real, 'nezha-ob');
const nobNoMetrics = join(real, 'nezha-ob-no-metrics');
if (existsSync(join(shared, 'nezha-ob/bundles.tar.gz'))) {
  if (!existsSync(join(real, '.nob-done'))) {
    mkdirSync(real, { recursive: true });
    execFileSync('tar', ['-xzf', join(shared, 'nezha-ob/bundles.tar.gz'), '-C', real]);
    execFileSync('cp', ['-al', nob, nobNoMetrics]);
    for (const d of readdirSync(nobNoMetrics)) rmSync(join(nobNoMetrics, d, 'metrics.ndjson'), { force: true });
    execFileSync('touch', [join(real, '.nob-done')]);
  }
  sets.push({ name: 'nezha-ob (no metrics)', dirs: [nobNoMetrics] });
} else console.error(`no ${shared}/nezha-ob: skipped`);
const degradable = [...sets];
if (existsSync(nob)) sets.push({ name: 'nezha-ob (with metrics)', dirs: [nob] });
if (existsSync(join(shared, 'petshop'))) sets.push({ name: 'petshop (metrics only)', dirs: [join(shared, 'petshop')] });
else console.error(`no ${shared}/petshop: skipped`);

// Degraded copies of the trace-and-log sets, cached under a name that holds a hash of degrade.ts
// (a changed degradation is written again, not read stale).
const degradeVersion = createHash('sha256')
  .update(readFileSync(join(root, 'bench/triage/degrade.ts')))
  .digest('hex')
  .slice(0, 8);
for (const [flags, label] of [
  [[`--lag=${o.lag}`], `lag ${o.lag} s`],
  [[`--gap=${o.gap}`], `${o.gap} s hole in the baseline`],
  [['--bursty-load'], 'bursty load'],
  [['--mix-change'], 'request mix changed in the baseline'],
  [['--strip-status', '--strip-kind', '--baseline-min=8'], 'no span status or kind, 8-minute baseline'],
] as const) {
  for (const s of degradable) {
    const dirs = s.dirs.map((d, i) => {
      const name = flags.join('').replace(/[^a-z0-9]/gi, '');
      const out = join(work, `${name}-${s.name.replace(/[^a-z0-9]/gi, '')}-${i}-${degradeVersion}`);
      if (!existsSync(out)) node([join(root, 'bench/triage/degrade.ts'), '--in', d, '--out', out, ...flags]);
      return out;
    });
    sets.push({ name: `${s.name}, ${label}`, dirs });
  }
}

const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
console.log(
  '| set | n | Causeway AC@1 / AC@3 / Avg@5 / kind@1 | ECE | largest error increase AC@1 / AC@3 | random AC@1 / AC@3 | p95 ms |',
);
console.log('| --- | ---: | --- | ---: | --- | --- | ---: |');
for (const s of sets) {
  const run = (extra: string[]) => JSON.parse(node([main, 'eval', ...s.dirs, '--json', ...extra]));
  const e = run([]);
  const b = run(['--baseline', 'errors']);
  const r = run(['--baseline', 'random']);
  console.log(
    `| ${s.name} | ${e.n} | ${f(e.ac1)} / ${f(e.ac3)} / ${f(e.avg5)} / ${f(e.kindAt1)} | ${f(e.ece)} | ${f(b.ac1)} / ${f(b.ac3)} | ${f(r.ac1)} / ${f(r.ac3)} | ${e.p95ms} |`,
  );
}
