import { describe, expect, it } from 'vitest';
import { generateBundle } from '../../sim/bundle/generate-bundle.ts';
import { planBundles } from '../../sim/plan-bundles.ts';

describe('simulator determinism', () => {
  const [a] = planBundles({ out: '', count: 1, seed: 42, kind: 'deploy', topology: 'webshop' });
  const [b] = planBundles({ out: '', count: 1, seed: 43, kind: 'deploy', topology: 'webshop' });

  it('writes byte-identical files for the same seed and arguments', () => {
    if (!a) throw new Error('no plan');
    const first = generateBundle(a);
    const second = generateBundle(a);
    for (const name of Object.keys(first) as (keyof typeof first)[]) expect(second[name], name).toBe(first[name]);
  });

  it('writes different data for a different seed', () => {
    if (!a || !b) throw new Error('no plan');
    const x = generateBundle(a);
    const y = generateBundle(b);
    expect(y['logs.ndjson']).not.toBe(x['logs.ndjson']);
    expect(y['traces.ndjson']).not.toBe(x['traces.ndjson']);
    expect(y['alert.json']).not.toBe(x['alert.json']);
  });

  it('plans the same bundle ids, seeds, kinds and topologies for the same run arguments', () => {
    expect(planBundles({ out: '', count: 9, seed: 5 })).toEqual(planBundles({ out: '', count: 9, seed: 5 }));
    expect(planBundles({ out: '', count: 9, seed: 5 })).not.toEqual(planBundles({ out: '', count: 9, seed: 6 }));
  });
});
