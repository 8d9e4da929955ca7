import type { ChatRef } from '../../core/chat/chat-port.ts';
import type { AuditReader } from '../../core/storage/audit-log.ts';

/**
 * Where an autonomous step was announced (its message and thread), from the audit trail
 * (`message.posted`, kind `autonomy-countdown`): found again by any replica, after a restart too.
 */
export async function findCountdownMessage(
  audit: AuditReader,
  incidentId: string,
  runId: string,
): Promise<{ readonly ref: ChatRef; readonly threadTs: string } | undefined> {
  const records = await audit.query({ incidentId });
  for (const r of records.reverse()) {
    const d = r.data;
    if (r.action !== 'message.posted' || d.kind !== 'autonomy-countdown' || d.runId !== runId) continue;
    if (typeof d.channel !== 'string' || typeof d.ts !== 'string' || typeof d.threadTs !== 'string') continue;
    return { ref: { channel: d.channel, ts: d.ts }, threadTs: d.threadTs };
  }
  return undefined;
}
