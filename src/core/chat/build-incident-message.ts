import type { Block, ChatMessage } from './block-kit.ts';
import { buildActionsBlock } from './build-actions-block.ts';
import { buildAlternativesBlock } from './build-alternatives-block.ts';
import { buildFeedbackBlock } from './build-feedback-block.ts';
import { buildHypothesisBlock } from './build-hypothesis-block.ts';
import { buildNarrativeBlock } from './build-narrative-block.ts';
import { buildProgressBlock } from './build-progress-block.ts';
import { buildSeenBeforeBlock } from './build-seen-before-block.ts';
import { CHAT_IDS } from './chat-ids.ts';
import { confidenceWord } from './confidence-word.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import type { IncidentView } from './incident-view.ts';
import { revisionNote } from './revision-note.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { truncateText } from './truncate-text.ts';
import { utcTime } from './utc-time.ts';

/** How many hypotheses the message shows in full (the rest are collapsed to one line). */
const SHOWN = 3;

/**
 * The incident message, as a pure function of the view: header, one-line summary with a
 * confidence word, the progress bar (sources done/running/failed), the LLM narrative slot, the top
 * hypotheses with score bars and their strongest evidence, the alternatives collapsed, sources and
 * windows, the feedback tally and the buttons. Re-rendered and edited in place as the view changes.
 */
export function buildIncidentMessage(view: IncidentView): ChatMessage {
  const r = view.report;
  const what = `${view.alertName}${view.service ? ` · ${view.service}` : ''}`;
  const icon = view.resolved ? '✅' : view.requestedBy ? '🔎' : '🚨';
  const blocks: Block[] = [
    {
      type: 'header',
      block_id: CHAT_IDS.blocks.header,
      text: {
        type: 'plain_text',
        text: truncateText(`${icon} ${what}${view.resolved ? ' (resolved)' : ''}`, 150),
        emoji: true,
      },
    },
  ];
  let summary: string;
  if (view.failure) summary = `:warning: *The triage could not run.* ${escapeMrkdwn(view.failure)}`;
  else if (r) summary = `${confidenceWord(r.confidence)} ${escapeMrkdwn(r.summary)}`;
  else
    summary = `:mag: *Triaging…* started ${utcTime(view.startedAt)}${view.requestedBy ? ` by <@${view.requestedBy}>` : ''}; this message updates as each source answers.`;
  blocks.push({
    type: 'section',
    block_id: CHAT_IDS.blocks.summary,
    text: { type: 'mrkdwn', text: truncateText(summary, SLACK_LIMITS.sectionText) },
  });
  if (view.revised && r && !view.failure)
    blocks.push({
      type: 'context',
      block_id: CHAT_IDS.blocks.revised,
      elements: [{ type: 'mrkdwn', text: truncateText(revisionNote(view.revised), SLACK_LIMITS.contextText) }],
    });
  if (view.autonomyPaused)
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: truncateText(`:pause_button: ${view.autonomyPaused}`, SLACK_LIMITS.contextText) },
      ],
    });
  blocks.push(buildProgressBlock(view));

  if (r) {
    if (view.narrative) {
      const n = buildNarrativeBlock(view.narrative, r);
      if (n) blocks.push(n);
    }
    const max = Math.max(1, r.hypotheses[0]?.score ?? 1);
    if (r.hypotheses.length > 0) blocks.push({ type: 'divider' });
    r.hypotheses.slice(0, SHOWN).forEach((h, i) => {
      blocks.push(buildHypothesisBlock(h, i + 1, max));
    });
    const alternatives = buildAlternativesBlock(r, SHOWN);
    if (alternatives) blocks.push(alternatives);
    const seen = view.seenBefore ? buildSeenBeforeBlock(view.seenBefore, view.startedAt) : undefined;
    if (seen) blocks.push(seen);
    const w = r.windows;
    blocks.push({
      type: 'context',
      block_id: CHAT_IDS.blocks.sources,
      elements: [
        {
          type: 'mrkdwn',
          text: truncateText(
            `Baseline ${utcTime(w.baseline.from)}–${utcTime(w.baseline.to)}, incident from ${utcTime(w.incident.from)} · ${view.notifications} alert notification${view.notifications === 1 ? '' : 's'} · incident \`${escapeMrkdwn(view.incidentId)}\``,
            SLACK_LIMITS.contextText,
          ),
        },
      ],
    });
    if (view.feedback && view.feedback.right + view.feedback.wrong > 0) blocks.push(buildFeedbackBlock(view.feedback));
    blocks.push(buildActionsBlock(view.incidentId, r.hypotheses[0]?.id, view.runbooks));
  }
  const text = view.failure
    ? `${what}: the triage could not run. ${view.failure}`
    : r
      ? `${what}: ${r.summary}`
      : `${what}: triaging…`;
  return { text: truncateText(text, SLACK_LIMITS.fallbackText), blocks };
}
