import type { AuditEntry } from '../../core/audit/audit-entry.ts';
import type { AuditRecord } from '../../core/audit/audit-record.ts';
import { contentHash } from '../../core/audit/content-hash.ts';
import type { JsonObject } from '../../core/model/json-value.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';

/**
 * An in-memory stand-in for the audit log, for one-shot CLI runs without storage (demo, ask): it
 * keeps the `llm.called` and `evidence.queried` records so per-incident budgets apply within the
 * run and the accounting can be printed. Not hash-chained and not durable.
 */
export function createMemoryLlmAudit(clock: () => number): Pick<AuditLog, 'append' | 'query'> & {
  readonly records: AuditRecord[];
} {
  const records: AuditRecord[] = [];
  return {
    records,
    async append(e: AuditEntry) {
      const prevHash = records.at(-1)?.hash ?? '0'.repeat(64);
      const data = JSON.parse(JSON.stringify(e.data ?? {})) as JsonObject;
      const r: AuditRecord = {
        seq: records.length + 1,
        at: new Date(clock()).toISOString(),
        actor: e.actor,
        action: e.action,
        subject: e.subject,
        data,
        prevHash,
        hash: contentHash(`${prevHash}${JSON.stringify(data)}`).slice(7),
      };
      records.push(r);
      return r;
    },
    async query(q) {
      return records.filter(
        (r) => !q.incidentId || r.data.incidentId === q.incidentId || r.subject === `incident:${q.incidentId}`,
      );
    },
  };
}
