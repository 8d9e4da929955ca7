import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Every bundle folder (one that holds alert.json) at or below each root, sorted, depth-first. */
export async function findBundles(roots: readonly string[], maxDepth = 4): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === 'alert.json')) {
      out.push(dir);
      return;
    }
    if (depth >= maxDepth) return;
    const subdirs = entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
    for (const name of subdirs) await visit(join(dir, name), depth + 1);
  };
  for (const root of roots) {
    const st = await stat(root).catch(() => undefined);
    if (st?.isDirectory()) await visit(root, 0);
  }
  return out;
}
