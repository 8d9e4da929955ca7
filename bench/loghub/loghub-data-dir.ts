import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where the Loghub-2k samples live: `LOGHUB_DIR`, else `../shared/data/loghub-2k` beside
 * the repository. Undefined when absent (a fresh clone has no `../shared`), so the
 * benchmarks can skip cleanly.
 */
export function loghubDataDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.LOGHUB_DIR ?? resolve(import.meta.dirname, '../../../shared/data/loghub-2k');
  return existsSync(dir) ? dir : undefined;
}
