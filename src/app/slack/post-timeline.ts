import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import { buildTimelineMessages } from '../../core/chat/build-timeline-messages.ts';
import type { ChatPort } from '../../core/chat/chat-port.ts';
import { buildIncidentTimeline } from '../../core/postmortem/build-incident-timeline.ts';
import { incidentPageUrl } from '../../core/postmortem/incident-page-url.ts';
import { redactFacts } from '../../core/postmortem/redact-facts.ts';
import type { Storage } from '../../core/storage/storage.ts';
import { loadIncidentFacts } from '../postmortem/load-incident-facts.ts';

/** What the "Timeline" button needs besides the chat. */
export type TimelineDeps = {
  readonly storage: Pick<Storage, 'incidents' | 'runs' | 'feedback' | 'audit'>;
  readonly checkpointKey: string | undefined;
  readonly secrets: readonly string[];
  /** Signed links to the incident page (`postmortem.pageBaseUrl` and `pageKey`); absent: no link. */
  readonly page?: { readonly baseUrl: string; readonly key: string; readonly linkMs: number };
  readonly now: () => number;
};

/**
 * "Timeline": the incident's timeline with its durations, built from the stored records and the
 * verified audit trail, posted in the incident's thread (with a signed, expiring link to the
 * incident page when configured) and audited. Returns the messages posted.
 */
export async function postTimeline(
  deps: { readonly chat: ChatPort; readonly timeline: TimelineDeps },
  input: { readonly incidentId: string; readonly channel: string; readonly threadTs: string; readonly user: string },
): Promise<number> {
  const t = deps.timeline;
  const loaded = await loadIncidentFacts(t.storage, input.incidentId, { checkpointKey: t.checkpointKey });
  if (!loaded.ok) {
    await deps.chat.postEphemeral(
      input.channel,
      input.user,
      buildNoticeMessage(`No stored incident \`${input.incidentId}\`: there is no timeline to show.`),
      input.threadTs,
    );
    return 0;
  }
  const timeline = buildIncidentTimeline(redactFacts(loaded.value, t.secrets));
  const url = t.page
    ? incidentPageUrl(t.page.baseUrl, t.page.key, input.incidentId, t.now() + t.page.linkMs)
    : undefined;
  let posted = 0;
  for (const m of buildTimelineMessages(timeline, url)) {
    const r = await deps.chat.post(input.channel, m, input.threadTs);
    if (!r.ok) break;
    posted++;
    // The link is a credential until it expires: the audit keeps the message's hash, not its text.
    await t.storage.audit.append({
      actor: `slack:${input.user}`,
      action: 'message.posted',
      subject: `incident:${input.incidentId}`,
      data: {
        incidentId: input.incidentId,
        kind: 'timeline',
        channel: r.value.channel,
        ts: r.value.ts,
        entries: timeline.entries.length,
      },
    });
  }
  return posted;
}
