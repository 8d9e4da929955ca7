import { canonicalJson } from '../audit/canonical-json.ts';
import { contentHash } from '../audit/content-hash.ts';

/** The hash of a whole plan: of its step hashes, in run order (equal plans, equal hash). */
export function planHash(stepHashes: readonly string[]): string {
  return contentHash(canonicalJson([...stepHashes]));
}
