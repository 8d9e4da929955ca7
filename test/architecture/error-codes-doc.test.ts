import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors/error-codes.ts';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

describe('docs/errors.md', () => {
  it('documents exactly the codes of the registry, with their meaning and fix', () => {
    const documented = [...doc.matchAll(/^## ([A-Z_]+)$/gm)].map((m) => m[1]);
    expect(documented).toEqual(Object.keys(ERROR_CODES));
    for (const [code, e] of Object.entries(ERROR_CODES)) {
      const section = doc.split(`## ${code}\n`)[1]?.split('\n## ')[0] ?? '';
      expect(section, code).toContain(e.meaning);
      expect(section, code).toContain(e.fix);
    }
  });

  it('every code used in the sources is registered', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(new URL('../../src', import.meta.url).pathname);
    const used = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/code: '([A-Z][A-Z_]+)'/g)) used.add(m[1] as string);
    }
    for (const code of used) expect(Object.keys(ERROR_CODES), `${code} is used but not registered`).toContain(code);
  });
});
