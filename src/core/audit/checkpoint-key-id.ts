import { createHmac } from 'node:crypto';

/** A short public name for a checkpoint key (so a verifier can tell "wrong key" from "forged"). */
export function checkpointKeyId(key: string): string {
  let id = known.get(key);
  if (id === undefined) {
    id = createHmac('sha256', key).update('causeway audit checkpoint key id').digest('hex').slice(0, 16);
    known.set(key, id);
  }
  return id;
}

// Computed once per key (a process sees one or two).
const known = new Map<string, string>();
