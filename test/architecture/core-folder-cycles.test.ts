import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = new URL('../../src/core', import.meta.url).pathname;

// Two-way imports between folders of src/core that still exist, as "a↔b" with a < b.
// Issue 15 step 5 breaks them one by one: a new cycle fails this test, and breaking one
// fails it too until the pair is removed here, so the list can only shrink.
const KNOWN_CYCLES = ['audit↔autonomy', 'autonomy↔storage'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Folder of src/core → folders of src/core it imports from (relative `from '…'` specifiers only). */
function folderGraph(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sources(CORE)) {
    const from = relative(CORE, file).split(sep)[0] as string;
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = relative(CORE, normalize(join(dirname(file), m[1] as string)));
      if (target.startsWith('..')) continue;
      const to = target.split(sep)[0] as string;
      if (to === from || to.endsWith('.ts')) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
    }
  }
  return edges;
}

describe('architecture: folder cycles inside src/core', () => {
  it('the two-way folder imports are exactly the known ones', () => {
    const edges = folderGraph();
    const pairs: string[] = [];
    for (const [a, targets] of edges)
      for (const b of targets) if (a < b && edges.get(b)?.has(a)) pairs.push(`${a}↔${b}`);
    expect(pairs.sort()).toEqual([...KNOWN_CYCLES].sort());
  });
});
