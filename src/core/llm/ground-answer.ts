import type { Answer } from './answer.ts';
import type { AnswerOutput } from './answer-output-schema.ts';
import type { CitationIndex } from './citation-index.ts';
import { groundCitations } from './ground-citations.ts';

/**
 * Grounds a follow-up answer: sentences must cite evidence keys (mapped back to evidence ids) or
 * keys of query results that exist; a runbook id is kept only if the catalog has it.
 */
export function groundAnswer(
  out: AnswerOutput | undefined,
  index: CitationIndex,
  queryKeys: ReadonlySet<string>,
  catalogIds: readonly string[],
): Pick<Answer, 'sentences' | 'dropped' | 'runbookId'> {
  if (!out) return { sentences: [], dropped: [], runbookId: undefined };
  const g = groundCitations(out.sentences, (k) => index.evidence.has(k) || queryKeys.has(k), 6);
  return {
    sentences: g.kept.map((x) => ({
      text: x.text,
      evidenceIds: x.keys.filter((k) => index.evidence.has(k)).map((k) => index.evidence.get(k) as string),
      queryIds: x.keys.filter((k) => queryKeys.has(k)),
    })),
    dropped: g.dropped,
    runbookId: out.runbook && catalogIds.includes(out.runbook) ? out.runbook : undefined,
  };
}
