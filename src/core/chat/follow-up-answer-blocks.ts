import type { Answer } from '../llm/answer.ts';
import type { Evidence } from '../model/evidence.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { ContextBlock, SectionBlock } from './block-kit.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { mrkdwnLink } from './mrkdwn-link.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { truncateText } from './truncate-text.ts';

/**
 * A follow-up answer as Block Kit for the incident thread: the grounded sentences with their
 * citations (evidence as `kind · service`, queries by key), the queries that were run, why the
 * loop stopped if it did ("stopped: the tool-call budget (6) was used up"), and a catalog runbook
 * pointer — only a pointer: proposing and approving it goes through the runbook flow.
 */
export function followUpAnswerBlocks(a: Answer, report: TriageReport): (SectionBlock | ContextBlock)[] {
  const byId = new Map<string, Evidence>();
  for (const h of report.hypotheses) for (const e of h.evidence) if (!byId.has(e.id)) byId.set(e.id, e);
  const refs = (s: Answer['sentences'][number]) => {
    const r = [
      ...s.evidenceIds.map((id) => {
        const e = byId.get(id);
        return e ? mrkdwnLink(e.link, `${e.kind} · ${e.service}`) : escapeMrkdwn(id);
      }),
      ...s.queryIds.map(escapeMrkdwn),
    ];
    return r.length ? ` _[${r.join(', ')}]_` : '';
  };
  const blocks: (SectionBlock | ContextBlock)[] = [];
  if (a.sentences.length)
    blocks.push({
      type: 'section',
      block_id: 'causeway_answer',
      text: {
        type: 'mrkdwn',
        text: truncateText(
          a.sentences.map((s) => `${escapeMrkdwn(s.text)}${refs(s)}`).join('\n'),
          SLACK_LIMITS.sectionText,
        ),
      },
    });
  const notes: string[] = [];
  if (a.notice) notes.push(`:warning: ${escapeMrkdwn(a.notice)}`);
  const cited = a.queries.filter((q) => !q.id.startsWith('-'));
  if (cited.length)
    notes.push(
      `Queries: ${cited.map((q) => `*${escapeMrkdwn(q.id)}* ${escapeMrkdwn(q.summary)} (${q.status})`).join('; ')}`,
    );
  if (a.refusedToolCalls.length)
    notes.push(
      `:no_entry: No tool named ${[...new Set(a.refusedToolCalls)].map((n) => `\`${escapeMrkdwn(n)}\``).join(', ')} exists; the model asked for it and nothing was run.`,
    );
  if (a.runbookId)
    notes.push(
      `:books: A catalog runbook may fit: \`${escapeMrkdwn(a.runbookId)}\`. Propose it from the incident message; its steps still need approval.`,
    );
  notes.push(`Answered by model ${escapeMrkdwn(a.model)} with read-only queries; it cannot change anything.`);
  blocks.push({
    type: 'context',
    block_id: 'causeway_answer_notes',
    elements: notes
      .slice(0, SLACK_LIMITS.contextElements)
      .map((t) => ({ type: 'mrkdwn' as const, text: truncateText(t, SLACK_LIMITS.contextText) })),
  });
  return blocks;
}
