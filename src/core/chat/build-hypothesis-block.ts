import type { Hypothesis } from '../model/hypothesis.ts';
import type { SectionBlock } from './block-kit.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { evidenceLine } from './evidence-line.ts';
import { scoreBar } from './score-bar.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { truncateText } from './truncate-text.ts';

/**
 * One ranked hypothesis: rank, score bar, service, kind, change, and its strongest supporting
 * evidence (at most `evidence` lines, each with its link).
 */
export function buildHypothesisBlock(h: Hypothesis, rank: number, maxScore: number, evidence = 2): SectionBlock {
  const kind = h.kind.replace(/_/g, ' ');
  const change = h.changeId ? ` · \`${escapeMrkdwn(h.changeId)}\`` : '';
  const head = `*${rank}.* \`${scoreBar(h.score, maxScore)}\` *${escapeMrkdwn(h.service)}* — ${kind}${change} · score ${h.score.toFixed(1)}`;
  const strongest = h.evidence
    .filter((e) => e.stance === 'supports' && e.source !== 'alert')
    .slice(0, evidence)
    .map((e) => evidenceLine(e));
  return {
    type: 'section',
    block_id: `causeway_hypothesis_${rank}`,
    text: { type: 'mrkdwn', text: truncateText([head, ...strongest].join('\n'), SLACK_LIMITS.sectionText) },
  };
}
