/**
 * A signed checkpoint: "record `seq` had hash `hash`", and the promise that the next checkpoint
 * is at `next`. `mac = HMAC-SHA256(key, canonical JSON of {hash, keyId, next, seq})`, hex. A
 * chain rewritten with recomputed hashes no longer matches its checkpoints, and without the key
 * new ones cannot be made; deleting checkpoints breaks a promise.
 */
export type AuditCheckpoint = {
  readonly seq: number;
  readonly hash: string;
  readonly next: number;
  readonly keyId: string;
  readonly mac: string;
};
