import type { ChatMessage } from '../../core/chat/block-kit.ts';
import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import { escapeMrkdwn } from '../../core/chat/escape-mrkdwn.ts';
import type { IncidentStore } from '../../core/storage/incident-store.ts';

/** `/causeway status [id]`: the open incidents with their latest summary, or one incident's result. */
export async function statusMessage(incidents: IncidentStore, incidentId: string | undefined): Promise<ChatMessage> {
  const summaryOf = async (id: string) => {
    const t = await incidents.latestTriage(id);
    return t?.report.summary ?? 'triage running or not run yet';
  };
  if (incidentId) {
    const i = await incidents.get(incidentId);
    if (!i)
      return buildNoticeMessage(
        `:warning: There is no incident \`${escapeMrkdwn(incidentId)}\`. \`/causeway status\` lists the open ones.`,
      );
    const t = await incidents.latestTriage(i.id);
    const hyps = t?.report.hypotheses ?? [];
    const lines = [
      `*${escapeMrkdwn(i.id)}* — ${escapeMrkdwn(i.title)}${i.service ? ` on ${escapeMrkdwn(i.service)}` : ''} · ${i.status} · ${i.fingerprints.length} fingerprint(s)`,
      escapeMrkdwn(await summaryOf(i.id)),
      ...hyps
        .slice(0, 3)
        .map(
          (h) => `• ${escapeMrkdwn(h.id)} ${escapeMrkdwn(h.service)} — ${escapeMrkdwn(h.kind)} (${h.score.toFixed(1)})`,
        ),
    ];
    return buildNoticeMessage(lines.join('\n'));
  }
  const open = await incidents.list({ status: 'open', limit: 10 });
  if (open.length === 0) return buildNoticeMessage(':white_check_mark: No open incidents.');
  const lines = ['*Open incidents* (newest first):'];
  for (const i of open)
    lines.push(
      `• \`${escapeMrkdwn(i.id)}\` ${escapeMrkdwn(i.title)}${i.service ? ` on ${escapeMrkdwn(i.service)}` : ''} — ${escapeMrkdwn(await summaryOf(i.id))}`,
    );
  return buildNoticeMessage(lines.join('\n'));
}
