import type { Answer } from '../llm/answer.ts';
import type { Evidence } from '../model/evidence.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { NarrativeBlock } from './narrative-blocks.ts';

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const clip = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

/**
 * A follow-up answer as Block Kit for the incident thread: the grounded sentences with their
 * citations (evidence by kind and service, queries by key), the queries that were run, why the
 * loop stopped if it did, and a catalog runbook pointer, which is only a pointer: proposing and
 * approving it goes through the runbook flow.
 */
export function followUpAnswerBlocks(a: Answer, report: TriageReport): NarrativeBlock[] {
  const byId = new Map<string, Evidence>();
  for (const h of report.hypotheses) for (const e of h.evidence) if (!byId.has(e.id)) byId.set(e.id, e);
  const refs = (s: Answer['sentences'][number]) => {
    const r = [
      ...s.evidenceIds.map((id) => {
        const e = byId.get(id);
        return esc(e ? `${e.kind} · ${e.service}` : id);
      }),
      ...s.queryIds,
    ];
    return r.length ? ` _[${r.join(', ')}]_` : '';
  };
  const blocks: NarrativeBlock[] = [];
  if (a.sentences.length)
    blocks.push({
      type: 'section',
      block_id: 'answer',
      text: { type: 'mrkdwn', text: clip(a.sentences.map((s) => `${esc(s.text)}${refs(s)}`).join('\n'), 3000) },
    });
  const notes: string[] = [];
  if (a.notice) notes.push(`:warning: ${esc(a.notice)}`);
  const cited = a.queries.filter((q) => !q.id.startsWith('-'));
  if (cited.length) notes.push(`Queries: ${cited.map((q) => `*${q.id}* ${esc(q.summary)} (${q.status})`).join('; ')}`);
  if (a.runbookId)
    notes.push(
      `:books: A catalog runbook may fit: \`${esc(a.runbookId)}\`. Propose it from the incident message; its steps still need approval.`,
    );
  notes.push(`Answered by model ${esc(a.model)} with read-only queries; it cannot change anything.`);
  blocks.push({
    type: 'context',
    block_id: 'answer-notes',
    elements: notes.slice(0, 10).map((t) => ({ type: 'mrkdwn' as const, text: clip(t, 3000) })),
  });
  return blocks;
}
