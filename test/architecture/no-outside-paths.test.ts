import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

/** Every file below `dir` whose name ends with one of `exts`. */
function files(dir: string, exts: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

describe('what users read points only inside the repository', () => {
  it('no doc, help text or error message names a path outside it', () => {
    // A user's clone has no ../shared (development data and specs live there, for benchmarks only).
    const outside = /\.\.\/shared\b|\bshared\/(specs|data|tools|notes)\b/;
    const checked = [
      join(root, 'README.md'),
      ...files(join(root, 'docs'), ['.md']),
      ...files(join(root, 'src'), ['.ts']),
      ...files(join(root, 'sim'), ['.ts']),
      ...files(join(root, 'runbooks'), ['.yaml', '.yml', '.md']),
      ...files(join(root, 'prompts'), ['.md', '.txt', '.yaml']),
    ];
    const hits = checked.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (outside.test(line) ? [`${relative(root, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(checked.length).toBeGreaterThan(100);
    expect(hits).toEqual([]);
  });
});
