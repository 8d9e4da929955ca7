import type { AuditAction } from './audit-actions.ts';
import type { AuditActor } from './audit-actor.ts';

/**
 * What a feature hands to `audit.append`. `subject` names what it is about (`incident:INC-42`,
 * `run:r1/step:2`, `config`); `data` may hold any JSON-able value: secrets are redacted and
 * large strings are stored once as payloads referenced by hash before the record is sealed.
 * Put `incidentId` in `data` (or use an `incident:` subject) so `audit show --incident` finds it.
 */
export type AuditEntry = {
  readonly actor: AuditActor;
  readonly action: AuditAction;
  readonly subject: string;
  readonly data?: Readonly<Record<string, unknown>>;
};
