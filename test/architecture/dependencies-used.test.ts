import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|js)$/.test(n) ? [p] : [];
  });
}

describe('package.json dependencies', () => {
  it('are each imported by the shipped code (src/, sim/, bin/): an unused one only costs installs', () => {
    const text = [...sources(join(root, 'src')), ...sources(join(root, 'sim')), ...sources(join(root, 'bin'))]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const unused = Object.keys(pkg.dependencies).filter(
      (d) => !new RegExp(`(?:from|import\\()\\s*['"]${esc(d)}(?:/[^'"]*)?['"]`).test(text),
    );
    expect(unused, 'remove these with npm uninstall, or import them').toEqual([]);
  });

  it('do not include the langchain umbrella package (only @langchain/core and @langchain/openai are used)', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('langchain');
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dependencies?: Record<string, string> }>;
    };
    expect(lock.packages['']?.dependencies ?? {}).not.toHaveProperty('langchain');
    expect(lock.packages).not.toHaveProperty(['node_modules/langchain']);
  });
});
