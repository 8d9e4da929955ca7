import type { AuditLog } from '../../core/storage/audit-log.ts';

/** Tokens and estimated cost already spent on an incident, summed from its `llm.called` audit records. */
export async function incidentSpend(
  audit: Pick<AuditLog, 'query'> | undefined,
  incidentId: string,
): Promise<{ tokens: number; costUsd: number }> {
  if (!audit) return { tokens: 0, costUsd: 0 };
  let tokens = 0;
  let costUsd = 0;
  for (const r of await audit.query({ incidentId })) {
    if (r.action !== 'llm.called') continue;
    const d = r.data as { inputTokens?: unknown; outputTokens?: unknown; costUsd?: unknown } | null;
    if (!d || typeof d !== 'object') continue;
    if (typeof d.inputTokens === 'number') tokens += d.inputTokens;
    if (typeof d.outputTokens === 'number') tokens += d.outputTokens;
    if (typeof d.costUsd === 'number') costUsd += d.costUsd;
  }
  return { tokens, costUsd };
}
