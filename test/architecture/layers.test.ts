import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src', import.meta.url).pathname;
const SIM = new URL('../../sim', import.meta.url).pathname;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0] as string;

describe('architecture: what may import what', () => {
  const files = sources(SRC);

  it('core is pure: imports only core, zod, node:crypto (no I/O, no clock)', () => {
    const bad: string[] = [];
    for (const f of files.filter((x) => layerOf(x) === 'core')) {
      for (const spec of imports(f)) {
        if (spec.startsWith('.')) {
          const target = relative(SRC, join(f, '..', spec));
          if (!target.startsWith('core/')) bad.push(`${relative(SRC, f)} → ${spec}`);
        } else if (!['node:crypto', 'zod'].includes(spec)) bad.push(`${relative(SRC, f)} → ${spec}`);
      }
      const text = readFileSync(f, 'utf8');
      if (/\bDate\.now\(|\bperformance\.now\(|\bprocess\.|Math\.random\(/.test(text))
        bad.push(`${relative(SRC, f)} uses the clock, randomness or the process`);
    }
    expect(bad).toEqual([]);
  });

  it('app imports only core and app (collaborators come in as arguments)', () => {
    const bad: string[] = [];
    for (const f of files.filter((x) => layerOf(x) === 'app')) {
      for (const spec of imports(f)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, join(f, '..', spec)).split('/')[0];
        if (target !== 'core' && target !== 'app') bad.push(`${relative(SRC, f)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('adapters never import each other, except within one adapter family (wiring them is runtime/)', () => {
    const bad: string[] = [];
    for (const f of files.filter((x) => layerOf(x) === 'adapters')) {
      const family = relative(SRC, f).split('/')[1];
      for (const spec of imports(f)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, join(f, '..', spec)).split('/');
        if (target[0] === 'main.ts') bad.push(`${relative(SRC, f)} → main.ts`);
        if (target[0] !== 'adapters' || target[1] === family) continue;
        bad.push(`${relative(SRC, f)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the composition root (main.ts, runtime/) is imported by nothing but itself', () => {
    const bad: string[] = [];
    for (const f of files.filter((x) => !['runtime', 'main.ts'].includes(layerOf(x)))) {
      for (const spec of imports(f)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, join(f, '..', spec)).split('/')[0];
        if (target === 'runtime' || target === 'main.ts') bad.push(`${relative(SRC, f)} → ${spec}`);
      }
    }
    for (const f of files.filter((x) => layerOf(x) === 'runtime')) {
      for (const spec of imports(f))
        if (spec.startsWith('.') && relative(SRC, join(f, '..', spec)) === 'main.ts')
          bad.push(`${relative(SRC, f)} → main.ts`);
    }
    expect(bad).toEqual([]);
  });

  it('the simulator (sim/) imports only itself and src/core; src reaches it only from the simulate command, through its entry', () => {
    const bad: string[] = [];
    for (const f of sources(SIM)) {
      for (const spec of imports(f)) {
        if (!spec.startsWith('.')) continue;
        const target = join(f, '..', spec);
        const inSim = !relative(SIM, target).startsWith('..');
        const inCore = relative(SRC, target).startsWith('core/');
        if (!inSim && !inCore) bad.push(`sim/${relative(SIM, f)} → ${spec}`);
      }
    }
    for (const f of files) {
      for (const spec of imports(f)) {
        if (!spec.startsWith('.')) continue;
        const target = join(f, '..', spec);
        if (relative(SIM, target).startsWith('..')) continue;
        const from = relative(SRC, f);
        if (from !== 'adapters/cli/commands/simulate.ts' || relative(SIM, target) !== 'simulate-bundles.ts')
          bad.push(`${from} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('only main.ts touches the process', () => {
    const bad = files
      .filter((f) => !f.endsWith('/main.ts'))
      .filter((f) => /\bprocess\.(env|argv|exit|stdout|stderr|on)\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(bad).toEqual([]);
  });

  it('app and core read the time only through the injected clock (no Date.now(), new Date(), performance.now())', () => {
    const bad: string[] = [];
    for (const f of files.filter((x) => ['app', 'core'].includes(layerOf(x)))) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\bDate\.now\(|\bnew Date\(\s*\)|\bperformance\.now\(/.test(line))
            bad.push(
              `${relative(SRC, f)}:${i + 1}: ${line.trim()} — use the injected clock (deps.now), or a timer to wait`,
            );
        });
    }
    expect(bad).toEqual([]);
  });
});
