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
  { env: 'CAUSEWAY_ELASTICSEARCH_URL', path: ['elasticsearch', 'url'], type: 'string' },
  { env: 'CAUSEWAY_ELASTICSEARCH_API_KEY', path: ['elasticsearch', 'apiKey'], type: 'string' },
  { env: 'CAUSEWAY_ELASTICSEARCH_TRACE_SCHEMA', path: ['elasticsearch', 'traceSchema'], type: 'string' },
  { env: 'CAUSEWAY_ELASTICSEARCH_LOGS_INDEX', path: ['elasticsearch', 'indices', 'logs'], type: 'string' },
  { env: 'CAUSEWAY_ELASTICSEARCH_TRACES_INDEX', path: ['elasticsearch', 'indices', 'traces'], type: 'string' },
  { env: 'CAUSEWAY_ELASTICSEARCH_CHANGES_INDEX', path: ['elasticsearch', 'indices', 'changes'], type: 'string' },
  {
    env: 'CAUSEWAY_ELASTICSEARCH_REQUEST_TIMEOUT_SECONDS',
    path: ['elasticsearch', 'requestTimeoutSeconds'],
    type: 'number',
  },
  { env: 'CAUSEWAY_ELASTICSEARCH_KIBANA_URL', path: ['elasticsearch', 'kibanaUrl'], type: 'string' },
  { env: 'CAUSEWAY_LLM_MODEL', path: ['llm', 'model'], type: 'string' },
  { env: 'CAUSEWAY_LLM_BASE_URL', path: ['llm', 'baseUrl'], type: 'string' },
  { env: 'CAUSEWAY_LLM_API_KEY', path: ['llm', 'apiKey'], type: 'string' },
  { env: 'CAUSEWAY_LLM_TEMPERATURE', path: ['llm', 'temperature'], type: 'number' },
  { env: 'CAUSEWAY_LLM_TIMEOUT_SECONDS', path: ['llm', 'timeoutSeconds'], type: 'number' },
  { env: 'CAUSEWAY_LLM_MAX_RETRIES', path: ['llm', 'maxRetries'], type: 'number' },
  { env: 'CAUSEWAY_LLM_STRUCTURED_OUTPUT', path: ['llm', 'structuredOutput'], type: 'string' },
  { env: 'CAUSEWAY_LLM_STREAMING', path: ['llm', 'streaming'], type: 'boolean' },
  { env: 'CAUSEWAY_LLM_PROMPTS_DIR', path: ['llm', 'promptsDir'], type: 'string' },
  { env: 'CAUSEWAY_LLM_STORE_FULL_TEXT', path: ['llm', 'storeFullText'], type: 'boolean' },
  { env: 'CAUSEWAY_LLM_NARRATE_TIMEOUT_SECONDS', path: ['llm', 'narrateTimeoutSeconds'], type: 'number' },
  { env: 'CAUSEWAY_LLM_MAX_TOKENS_PER_INCIDENT', path: ['llm', 'budget', 'maxTokensPerIncident'], type: 'number' },
  { env: 'CAUSEWAY_LLM_MAX_COST_PER_INCIDENT_USD', path: ['llm', 'budget', 'maxCostPerIncidentUsd'], type: 'number' },
  { env: 'CAUSEWAY_LLM_SEND_FIELDS', path: ['llm', 'send', 'fields'], type: 'list' },
  { env: 'CAUSEWAY_LOG_LEVEL', path: ['log', 'level'], type: 'string' },
];
