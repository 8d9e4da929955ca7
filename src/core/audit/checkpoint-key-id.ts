import { createHmac } from 'node:crypto';

/** A short public name for a checkpoint key (so a verifier can tell "wrong key" from "forged"). */
export function checkpointKeyId(key: string): string {
  return createHmac('sha256', key).update('causeway audit checkpoint key id').digest('hex').slice(0, 16);
}
