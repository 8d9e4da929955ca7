import type { CitationIndex } from './citation-index.ts';
import { groundCitations } from './ground-citations.ts';
import type { DroppedSentence, NarrativeSentence } from './narrative.ts';
import type { NarrativeOutput } from './narrative-output-schema.ts';

export type GroundedNarrative = {
  readonly sentences: readonly NarrativeSentence[];
  readonly alsoSuggests: readonly { readonly text: string; readonly evidenceIds: readonly string[] }[];
  readonly dropped: readonly DroppedSentence[];
};

/**
 * Grounds a parsed narrative: drops sentences citing nothing or unknown keys, maps keys back to
 * evidence ids, and keeps the ranking the model's business only as a labelled suggestion: a
 * "cause" sentence that cites no evidence of the top-ranked hypothesis is moved to `alsoSuggests`.
 */
export function groundNarrative(
  out: NarrativeOutput,
  index: CitationIndex,
  limits: { readonly maxSentences: number; readonly maxSuggestions: number },
): GroundedNarrative {
  const known = (k: string) => index.evidence.has(k);
  const ids = (keys: readonly string[]) => keys.map((k) => index.evidence.get(k) as string);
  const main = groundCitations(out.sentences, known, limits.maxSentences);
  const sentences: NarrativeSentence[] = [];
  const moved: { text: string; evidenceIds: readonly string[] }[] = [];
  for (const s of main.kept) {
    const part = out.sentences[s.index]?.part ?? 'happening';
    if (part === 'cause' && !s.keys.some((k) => index.topKeys.has(k)))
      moved.push({ text: s.text, evidenceIds: ids(s.keys) });
    else sentences.push({ part, text: s.text, evidenceIds: ids(s.keys) });
  }
  const extra = groundCitations(out.alsoSuggests, known, limits.maxSuggestions);
  const alsoSuggests = [...moved, ...extra.kept.map((s) => ({ text: s.text, evidenceIds: ids(s.keys) }))].slice(
    0,
    limits.maxSuggestions,
  );
  return { sentences, alsoSuggests, dropped: [...main.dropped, ...extra.dropped] };
}
