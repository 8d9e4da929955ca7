import type { AuditRecord } from '../../core/audit/audit-record.ts';
import type { AuditReader } from '../../core/storage/audit-log.ts';

/**
 * Streams records matching the filters, in chain order, a page at a time, to `emit`. Returns the
 * number of records. `since` is an ISO 8601 time in the records' own format; `throughSeq` stops
 * at a record (the last one verification vouched for).
 */
export async function exportAudit(
  deps: { readonly audit: AuditReader },
  filter: { readonly incidentId?: string; readonly since?: string; readonly throughSeq?: number },
  emit: (record: AuditRecord) => void | Promise<void>,
  page = 2000,
): Promise<number> {
  let afterSeq = 0;
  let count = 0;
  for (;;) {
    const records = await deps.audit.query({ ...filter, afterSeq, limit: page });
    for (const r of records) await emit(r);
    count += records.length;
    if (records.length < page) return count;
    afterSeq = records.at(-1)?.seq ?? afterSeq;
  }
}
