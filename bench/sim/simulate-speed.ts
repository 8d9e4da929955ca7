/**
 * Simulator speed: wall time per bundle of generateBundle (everything but writing files) and the
 * size of each file, over N bundles cycling through the kinds.
 *   node bench/sim/simulate-speed.ts [N] [SEED]
 */
import { generateBundle } from '../../sim/bundle/generate-bundle.ts';
import { planBundles } from '../../sim/plan-bundles.ts';

const n = Number(process.argv[2] ?? 14);
const seed = Number(process.argv[3] ?? 1);
const plans = planBundles({ out: '', count: n, seed });
const sizes = new Map<string, number>();
const times: number[] = [];
for (const p of plans) {
  const t0 = performance.now();
  const files = generateBundle(p);
  times.push(performance.now() - t0);
  for (const [name, text] of Object.entries(files)) sizes.set(name, (sizes.get(name) ?? 0) + Buffer.byteLength(text));
}
times.sort((a, b) => a - b);
const total = times.reduce((a, b) => a + b, 0);
console.log(
  JSON.stringify({
    bundles: n,
    seed,
    msPerBundle: Math.round(total / n),
    p50ms: Math.round(times[Math.floor(n / 2)] ?? 0),
    maxMs: Math.round(times.at(-1) ?? 0),
    mbPerBundle: Object.fromEntries([...sizes].map(([k, v]) => [k, Math.round((v / n / 1e6) * 100) / 100])),
  }),
);
