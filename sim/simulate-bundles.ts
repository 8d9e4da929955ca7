import { resolve } from 'node:path';
import { generateBundle } from './bundle/generate-bundle.ts';
import { writeBundle } from './bundle/write-bundle.ts';
import { planBundles } from './plan-bundles.ts';
import type { SimulateOptions } from './simulate-options.ts';

export type { SimulateOptions } from './simulate-options.ts';
export { TOPOLOGY_NAMES } from './topology/draw-topology.ts';

/** One bundle as written: its id, root-cause kind, topology family and size on disk. */
export type WrittenBundle = {
  readonly id: string;
  readonly kind: string;
  readonly topology: string;
  readonly bytes: number;
};

/**
 * The simulator's entry (what `causeway simulate` calls): plans the run, then generates and
 * writes each bundle under `<opts.out>/<id>/`, yielding it once it is on disk. The same
 * options always write byte-identical bundles.
 */
export function* simulateBundles(opts: SimulateOptions): Generator<WrittenBundle> {
  for (const p of planBundles(opts)) {
    const bytes = writeBundle(resolve(opts.out, p.id), generateBundle(p));
    yield { id: p.id, kind: p.kind, topology: p.topology, bytes };
  }
}
