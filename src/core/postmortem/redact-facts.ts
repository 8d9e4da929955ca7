import { redactSecrets } from '../audit/redact-secrets.ts';
import type { JsonValue } from '../model/json-value.ts';
import type { IncidentFacts } from './incident-facts.ts';

/**
 * The facts with everything the audit trail would redact removed (values under secret-sounding
 * keys, the configured secret values, secret-shaped text): what a page or report may show.
 * Alerts and triage results are stored as received, so they go through the same redaction.
 */
export function redactFacts<T extends Partial<IncidentFacts>>(facts: T, known: readonly string[]): T {
  return redactSecrets(JSON.parse(JSON.stringify(facts)) as JsonValue, known) as unknown as T;
}
