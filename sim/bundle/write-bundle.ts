import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleFiles } from './bundle-files.ts';

/** Writes a bundle's files into `dir` (created if needed); returns the bytes written. */
export function writeBundle(dir: string, files: BundleFiles): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
