import type { JsonObject } from '../model/json-value.ts';
import type { AuditAction } from './audit-actions.ts';
import type { AuditActor } from './audit-actor.ts';

/**
 * One sealed audit record. `hash = SHA-256(prevHash ‖ canonical JSON of the record without
 * hash)`, lowercase hex; the first record's `prevHash` is 64 zeros. `at` is ISO 8601 UTC with
 * milliseconds.
 */
export type AuditRecord = {
  readonly seq: number;
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: AuditAction;
  readonly subject: string;
  readonly data: JsonObject;
  readonly prevHash: string;
  readonly hash: string;
};
