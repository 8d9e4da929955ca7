import type { JsonObject } from '../model/json-value.ts';
import type { Result } from '../result/result.ts';
import { isAuditAction } from './audit-actions.ts';
import { isAuditActor } from './audit-actor.ts';
import type { AuditEntry } from './audit-entry.ts';
import { auditIncidentId } from './audit-incident-id.ts';
import type { AuditOptions } from './audit-options.ts';
import { canonicalJson } from './canonical-json.ts';
import { externalizePayloads } from './externalize-payloads.ts';
import type { PreparedEntry } from './prepared-entry.ts';
import { redactSecrets, redactText } from './redact-secrets.ts';
import { toJsonValue } from './to-json-value.ts';

/**
 * Checks an entry (known action, well-formed actor, printable subject of 1–512 characters), turns its data
 * into JSON, redacts secrets, and moves large strings out into payloads — everything that
 * happens before a record gets its sequence number and hash.
 */
export function prepareAuditEntry(entry: AuditEntry, options: AuditOptions): Result<PreparedEntry, string> {
  if (!isAuditAction(entry.action)) return { ok: false, error: `unknown audit action ${JSON.stringify(entry.action)}` };
  if (!isAuditActor(entry.actor)) {
    return {
      ok: false,
      error: `malformed actor ${JSON.stringify(entry.actor)} (expected slack:<USER ID>, system, llm or webhook:<source>)`,
    };
  }
  const subject = redactText(entry.subject, options.knownSecrets);
  if (subject.length === 0 || subject.length > 512) return { ok: false, error: 'subject must be 1–512 characters' };
  // Stored as text as it is hashed: no control characters, no lone surrogates (they would not survive UTF-8).
  if (/\p{Cc}/u.test(subject) || !subject.isWellFormed()) {
    return { ok: false, error: 'subject must be printable text (no control characters or lone surrogates)' };
  }
  const json = toJsonValue(entry.data ?? {});
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, error: 'data must be an object' };
  }
  const redacted = redactSecrets(json, options.knownSecrets);
  const { value, payloads } = externalizePayloads(redacted, options.inlinePayloadBytes, options.storeFullText);
  const data = value as JsonObject;
  return {
    ok: true,
    value: {
      actor: entry.actor,
      action: entry.action,
      subject,
      dataJson: canonicalJson(data),
      incidentId: auditIncidentId(subject, data),
      payloads,
    },
  };
}
