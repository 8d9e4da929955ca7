import type { ChainBreak } from '../../core/audit/chain-break.ts';
import { headMissing } from '../../core/audit/head-missing.ts';
import { recordPastHead } from '../../core/audit/record-past-head.ts';
import type { AuditReader } from '../../core/storage/audit-log.ts';

/**
 * The cheap check `serve` runs before it appends: the chain head row is there, and no record
 * lies past it (one the chain does not reach: inserted outside Causeway, or the head moved
 * back), which would make every append fail. Safe while other replicas append: a record found
 * past the head is refused only if a fresh read of the head does not reach it either.
 */
export async function checkChainTail(deps: { readonly audit: AuditReader }): Promise<ChainBreak | undefined> {
  const head = await deps.audit.head();
  if (head === undefined) return headMissing(1);
  const [beyond] = await deps.audit.rows(head.seq + 1, Number.POSITIVE_INFINITY, 1);
  if (beyond === undefined) return undefined;
  const now = await deps.audit.head();
  if (now === undefined) return headMissing(beyond.seq);
  return beyond.seq > now.seq ? recordPastHead(beyond.seq, now.seq) : undefined;
}
