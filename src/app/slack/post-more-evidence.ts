import { buildEvidenceMessages } from '../../core/chat/build-evidence-messages.ts';
import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import type { ChatPort } from '../../core/chat/chat-port.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { IncidentStore } from '../../core/storage/incident-store.ts';

/**
 * "More evidence": every reason and piece of evidence of the top hypotheses, from the incident's
 * latest stored triage, posted in the incident's thread (so it works after a restart too).
 */
export async function postMoreEvidence(
  deps: { readonly chat: ChatPort; readonly incidents: IncidentStore; readonly audit: AuditLog },
  input: { readonly incidentId: string; readonly channel: string; readonly threadTs: string; readonly user: string },
): Promise<number> {
  const t = await deps.incidents.latestTriage(input.incidentId);
  const hypotheses = t?.report.hypotheses;
  if (!hypotheses) {
    await deps.chat.postEphemeral(
      input.channel,
      input.user,
      buildNoticeMessage('The triage of this incident has not finished yet; try again when the result is shown.'),
      input.threadTs,
    );
    return 0;
  }
  let posted = 0;
  for (const m of buildEvidenceMessages(hypotheses)) {
    const r = await deps.chat.post(input.channel, m, input.threadTs);
    if (!r.ok) break;
    posted++;
    await deps.audit.append({
      actor: `slack:${input.user}`,
      action: 'message.posted',
      subject: `incident:${input.incidentId}`,
      data: { incidentId: input.incidentId, kind: 'evidence', channel: r.value.channel, ts: r.value.ts },
    });
  }
  return posted;
}
