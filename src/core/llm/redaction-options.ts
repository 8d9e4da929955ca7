/** What is removed from text before it leaves the process for a model (config `llm.redact`). */
export type RedactionOptions = {
  readonly emails: boolean;
  readonly ips: boolean;
  /** Tokens, keys, passwords, bearer headers, URL credentials (the audit log's secret patterns). */
  readonly secrets: boolean;
  /** Extra regular expressions (JavaScript syntax); each match becomes `[redacted]`. */
  readonly patterns: readonly string[];
  /** Exact secret values from the configuration. */
  readonly knownSecrets?: readonly string[];
};
