import type { TriageReport } from '../model/triage-report.ts';
import type { ContextBlock } from './block-kit.ts';
import { CHAT_IDS } from './chat-ids.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { truncateText } from './truncate-text.ts';

/**
 * The alternatives, collapsed to one line: the lower-ranked hypotheses (service, kind, score) and
 * the findings that refute a hypothesis ("ruled out"). Undefined when there are none.
 */
export function buildAlternativesBlock(report: TriageReport, shown: number): ContextBlock | undefined {
  const rest = report.hypotheses.slice(shown, shown + 6);
  const refuted = report.hypotheses
    .slice(0, shown + 6)
    .flatMap((h) => h.evidence.filter((e) => e.stance === 'refutes'))
    .slice(0, 3);
  if (rest.length === 0 && refuted.length === 0) return undefined;
  const parts: string[] = [];
  if (rest.length > 0) {
    const more = report.hypotheses.length - shown - rest.length;
    parts.push(
      `*Also considered:* ${rest
        .map((h) => `${escapeMrkdwn(h.service)} ${h.kind.replace(/_/g, ' ')} (${h.score.toFixed(1)})`)
        .join(' · ')}${more > 0 ? ` · +${more} more` : ''}`,
    );
  }
  if (refuted.length > 0)
    parts.push(`*Ruled out:* ${refuted.map((e) => escapeMrkdwn(truncateText(e.summary, 160))).join(' · ')}`);
  return {
    type: 'context',
    block_id: CHAT_IDS.blocks.alternatives,
    elements: [{ type: 'mrkdwn', text: truncateText(parts.join('\n'), 2000) }],
  };
}
