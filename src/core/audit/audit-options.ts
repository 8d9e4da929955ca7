/** How entries are prepared and sealed (from the `audit` configuration). */
export type AuditOptions = {
  /** HMAC key for signed checkpoints; none → no checkpoints are written. */
  readonly checkpointKey?: string | undefined;
  /** A checkpoint is signed every this many records (1 = every record). */
  readonly checkpointEvery: number;
  /** Strings longer than this (UTF-8 bytes) are stored once as payloads and referenced by hash. */
  readonly inlinePayloadBytes: number;
  /** Whether large payloads are stored at all (false → only their hash and size are kept). */
  readonly storeFullText: boolean;
  /** Exact secret values (tokens, keys, passwords from the configuration) never to be written. */
  readonly knownSecrets: readonly string[];
};

/** The defaults: no key, checkpoint every record when a key is set, 4 KiB inline, payloads stored. */
export const DEFAULT_AUDIT_OPTIONS: AuditOptions = {
  checkpointEvery: 1,
  inlinePayloadBytes: 4096,
  storeFullText: true,
  knownSecrets: [],
};
