import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { Run } from '../../core/storage/run-store.ts';

/** What the audit trail says was posted for a run (`message.posted` of `run:<id>`: channel, ts, thread, kind), oldest first. */
export async function runMessages(
  audit: Pick<AuditLog, 'query'>,
  run: Pick<Run, 'id' | 'incidentId'>,
): Promise<Readonly<Record<string, unknown>>[]> {
  return (await audit.query({ incidentId: run.incidentId }))
    .filter((x) => x.action === 'message.posted' && x.subject === `run:${run.id}`)
    .map((x) => x.data);
}
