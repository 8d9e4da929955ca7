import { readFileSync } from 'node:fs';

/** Causeway's version, from its package.json (for `causeway_build_info`). */
export function packageVersion(): string {
  const url = new URL('../../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
