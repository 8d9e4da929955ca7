import type { Hypothesis } from '../model/hypothesis.ts';
import type { Block, ChatMessage } from './block-kit.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { evidenceLine } from './evidence-line.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { truncateText } from './truncate-text.ts';

/**
 * "More evidence", posted in the incident's thread: for each of the top `count` hypotheses every
 * scoring reason and every piece of evidence with its link. Long content is split over sections
 * (≤ 3000 characters each) and messages (≤ 50 blocks each), never cut off mid-way.
 */
export function buildEvidenceMessages(
  hypotheses: readonly Pick<Hypothesis, 'id' | 'service' | 'kind' | 'changeId' | 'score' | 'reasons' | 'evidence'>[],
  count = 3,
): ChatMessage[] {
  const sections: string[] = [];
  for (const h of hypotheses.slice(0, count)) {
    const lines = [
      `*${escapeMrkdwn(h.id)}. ${escapeMrkdwn(h.service)}* — ${h.kind.replace(/_/g, ' ')}${h.changeId ? ` · \`${escapeMrkdwn(h.changeId)}\`` : ''} · score ${h.score.toFixed(1)}`,
      ...h.reasons.map((r) =>
        r.rule === 'kind'
          ? `  _${escapeMrkdwn(truncateText(r.text, 400))}_`
          : `  ${r.points > 0 ? `+${r.points.toFixed(1)}` : '—'} ${escapeMrkdwn(r.rule)}: ${escapeMrkdwn(truncateText(r.text, 400))}`,
      ),
      ...h.evidence.map((e) => `  ${evidenceLine(e, 400)}`),
    ];
    // Pack lines into sections without splitting a line.
    let current = '';
    for (const line of lines) {
      const l = truncateText(line, SLACK_LIMITS.sectionText);
      if (current && current.length + 1 + l.length > SLACK_LIMITS.sectionText) {
        sections.push(current);
        current = '';
      }
      current = current ? `${current}\n${l}` : l;
    }
    if (current) sections.push(current);
  }
  if (sections.length === 0) sections.push('No hypotheses: no service shows an anomaly against its baseline.');
  const perMessage = SLACK_LIMITS.messageBlocks;
  const messages: ChatMessage[] = [];
  for (let i = 0; i < sections.length; i += perMessage) {
    const blocks: Block[] = sections
      .slice(i, i + perMessage)
      .map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
    messages.push({
      text: `Evidence for the top ${Math.min(count, hypotheses.length)} hypotheses${i > 0 ? ' (continued)' : ''}`,
      blocks,
    });
  }
  return messages;
}
