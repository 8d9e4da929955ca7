import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBundle } from '../../sim/bundle/generate-bundle.ts';
import { writeBundle } from '../../sim/bundle/write-bundle.ts';
import { planBundles } from '../../sim/plan-bundles.ts';
import { FAULT_KINDS } from '../../src/core/model/fault-kind.ts';

const TOPOLOGIES = ['webshop', 'media-streaming', 'payments-banking', 'ride-hailing', 'saas-api', 'random', 'random'];

/** One bundle per fault kind, each on a different topology family, written to a temp folder. */
export function generateFixtures(seed: number): { root: string; dirs: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'causeway-sim-'));
  const dirs: string[] = [];
  FAULT_KINDS.forEach((kind, i) => {
    const [p] = planBundles({ out: root, count: 1, seed: seed + i, kind, topology: TOPOLOGIES[i] ?? 'random' });
    if (!p) throw new Error('no bundle planned');
    const dir = join(root, p.id);
    writeBundle(dir, generateBundle(p));
    dirs.push(dir);
  });
  return { root, dirs };
}
