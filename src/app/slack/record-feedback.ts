import { contentHash } from '../../core/audit/content-hash.ts';
import type { Block } from '../../core/chat/block-kit.ts';
import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import type { ChatPort } from '../../core/chat/chat-port.ts';
import type { FeedbackTally } from '../../core/chat/incident-view.ts';
import { withFeedbackTally } from '../../core/chat/with-feedback-tally.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { FeedbackStore } from '../../core/storage/feedback-store.ts';

export type FeedbackDeps = {
  readonly chat: ChatPort;
  readonly feedback: FeedbackStore;
  readonly audit: AuditLog;
  readonly now: () => number;
};

export type FeedbackInput = {
  readonly incidentId: string;
  readonly hypothesisId: string;
  readonly user: string;
  readonly verdict: 'confirmed' | 'rejected';
  /** The incident message the button was on, and its blocks as Slack sent them back. */
  readonly channel: string;
  readonly messageTs: string;
  readonly blocks: readonly Block[] | undefined;
};

/**
 * A 👍/👎 click: recorded in the feedback store (one current verdict per person), audited
 * (`feedback.recorded`), shown on the incident message (the tally line, edited in place from the
 * blocks Slack sent with the click) and confirmed to the person.
 */
export async function recordFeedback(deps: FeedbackDeps, input: FeedbackInput): Promise<FeedbackTally> {
  const user = `slack:${input.user}` as const;
  await deps.feedback.record({
    incidentId: input.incidentId,
    hypothesisId: input.hypothesisId,
    user,
    verdict: input.verdict,
    note: undefined,
    at: deps.now(),
  });
  await deps.audit.append({
    actor: user,
    action: 'feedback.recorded',
    subject: `incident:${input.incidentId}`,
    data: {
      incidentId: input.incidentId,
      hypothesisId: input.hypothesisId,
      verdict: input.verdict,
      channel: input.channel,
      ts: input.messageTs,
    },
  });
  const votes = (await deps.feedback.list(input.incidentId)).filter((f) => f.hypothesisId === input.hypothesisId);
  const tally: FeedbackTally = {
    right: votes.filter((v) => v.verdict === 'confirmed').length,
    wrong: votes.filter((v) => v.verdict === 'rejected').length,
    last: { user: input.user, verdict: input.verdict },
  };
  if (input.blocks) {
    const blocks = withFeedbackTally(input.blocks, tally);
    const text = `Feedback recorded: 👍 ${tally.right} · 👎 ${tally.wrong}`;
    const r = await deps.chat.update({ channel: input.channel, ts: input.messageTs }, { text, blocks });
    if (r.ok)
      await deps.audit.append({
        actor: 'system',
        action: 'message.posted',
        subject: `incident:${input.incidentId}`,
        data: {
          incidentId: input.incidentId,
          kind: 'feedback',
          channel: input.channel,
          ts: input.messageTs,
          textHash: contentHash(JSON.stringify(blocks)),
        },
      });
  }
  await deps.chat.postEphemeral(
    input.channel,
    input.user,
    buildNoticeMessage(
      `Thanks — recorded ${input.verdict === 'confirmed' ? '👍 right' : '👎 wrong'} for hypothesis ${input.hypothesisId} of \`${input.incidentId}\`. Confirmed causes become evaluation cases (\`causeway feedback export\`).`,
    ),
    input.messageTs,
  );
  return tally;
}
