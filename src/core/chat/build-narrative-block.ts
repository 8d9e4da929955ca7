import type { Narrative } from '../model/narrative.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { SectionBlock } from './block-kit.ts';
import { CHAT_IDS } from './chat-ids.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { mrkdwnLink } from './mrkdwn-link.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { truncateText } from './truncate-text.ts';

/**
 * The LLM narrative slot: each sentence that cites at least one evidence id of this report, followed
 * by numbered references (linked when the evidence has a link). Sentences citing nothing known are
 * dropped; undefined when none is left.
 */
export function buildNarrativeBlock(narrative: Narrative, report: TriageReport): SectionBlock | undefined {
  const evidence = new Map(report.hypotheses.flatMap((h) => h.evidence.map((e) => [e.id, e] as const)));
  const refs: string[] = [];
  const lines: string[] = [];
  for (const s of narrative.sentences) {
    const cited = s.evidenceIds.filter((id) => evidence.has(id));
    if (cited.length === 0 || s.text.trim() === '') continue;
    const marks = cited.map((id) => {
      let n = refs.indexOf(id);
      if (n < 0) n = refs.push(id) - 1;
      return mrkdwnLink(evidence.get(id)?.link, `[${n + 1}]`);
    });
    lines.push(`${escapeMrkdwn(s.text.trim())} ${marks.join('')}`);
  }
  if (lines.length === 0) return undefined;
  return {
    type: 'section',
    block_id: CHAT_IDS.blocks.narrative,
    text: { type: 'mrkdwn', text: truncateText(`:memo: ${lines.join(' ')}`, SLACK_LIMITS.sectionText) },
  };
}
