import type { ChatRef } from '../../core/chat/chat-port.ts';
import type { AuditReader } from '../../core/storage/audit-log.ts';

/** An autonomous step's announcement: its message and the incident thread it is in. */
export type CountdownMessage = { readonly ref: ChatRef; readonly threadTs: string };

/**
 * Where an autonomous step was announced (its message and thread), from the audit trail
 * (`message.posted`, kind `autonomy-countdown`): found again by any replica, after a restart too.
 */
export async function findCountdownMessage(
  audit: AuditReader,
  incidentId: string,
  runId: string,
): Promise<CountdownMessage | undefined> {
  const records = await audit.query({ incidentId });
  for (const r of records.reverse()) {
    const d = r.data;
    if (r.action !== 'message.posted' || d.kind !== 'autonomy-countdown' || d.runId !== runId) continue;
    if (typeof d.channel !== 'string' || typeof d.ts !== 'string' || typeof d.threadTs !== 'string') continue;
    return { ref: { channel: d.channel, ts: d.ts }, threadTs: d.threadTs };
  }
  return undefined;
}
