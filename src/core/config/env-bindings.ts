/** Which environment variable sets which configuration key, and how its text is read. */
export type EnvBinding = {
  readonly env: string;
  readonly path: readonly string[];
  readonly type: 'number' | 'string' | 'list' | 'boolean';
};

export const ENV_BINDINGS: readonly EnvBinding[] = [
  { env: 'CAUSEWAY_TRIAGE_GRACE_SECONDS', path: ['triage', 'graceSeconds'], type: 'number' },
  { env: 'CAUSEWAY_TRIAGE_LOOKBACK_MINUTES', path: ['triage', 'lookbackMinutes'], type: 'number' },
  { env: 'CAUSEWAY_TRIAGE_BUCKET_SECONDS', path: ['triage', 'bucketSeconds'], type: 'number' },
  { env: 'CAUSEWAY_TRIAGE_SOURCE_TIMEOUT_SECONDS', path: ['triage', 'sourceTimeoutSeconds'], type: 'number' },
  { env: 'CAUSEWAY_TRIAGE_CHANGE_LOOKBACK_MINUTES', path: ['triage', 'changeLookbackMinutes'], type: 'number' },
  { env: 'CAUSEWAY_TRIAGE_SERVICE_LABELS', path: ['triage', 'serviceLabels'], type: 'list' },
  { env: 'CAUSEWAY_STORAGE_URL', path: ['storage', 'url'], type: 'string' },
  { env: 'CAUSEWAY_STORAGE_SQLITE_SYNCHRONOUS', path: ['storage', 'sqliteSynchronous'], type: 'string' },
  { env: 'CAUSEWAY_AUDIT_CHECKPOINT_KEY', path: ['audit', 'checkpointKey'], type: 'string' },
  { env: 'CAUSEWAY_AUDIT_CHECKPOINT_EVERY', path: ['audit', 'checkpointEvery'], type: 'number' },
  { env: 'CAUSEWAY_AUDIT_STORE_FULL_TEXT', path: ['audit', 'storeFullText'], type: 'boolean' },
  { env: 'CAUSEWAY_AUDIT_INLINE_PAYLOAD_BYTES', path: ['audit', 'inlinePayloadBytes'], type: 'number' },
  { env: 'CAUSEWAY_LOG_LEVEL', path: ['log', 'level'], type: 'string' },
];
