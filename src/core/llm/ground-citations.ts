import type { DroppedSentence } from './narrative.ts';
import { sanitizeModelText } from './sanitize-model-text.ts';

export type GroundedSentence = { readonly text: string; readonly keys: readonly string[] };

/**
 * The grounding rule, shared by narratives and answers: a sentence is kept only if it cites at
 * least one key and every key it cites is one it was given (a made-up key means made-up support).
 * Text is sanitised first; duplicate keys are merged; at most `max` sentences are kept.
 */
export function groundCitations(
  sentences: readonly { readonly text: string; readonly cite: readonly string[] }[],
  known: (key: string) => boolean,
  max: number,
): { kept: { text: string; keys: string[]; index: number }[]; dropped: DroppedSentence[] } {
  const kept: { text: string; keys: string[]; index: number }[] = [];
  const dropped: DroppedSentence[] = [];
  sentences.forEach((s, index) => {
    const text = sanitizeModelText(s.text);
    const keys = [...new Set(s.cite.map((k) => k.trim().toUpperCase()))];
    if (!text) dropped.push({ text: s.text.slice(0, 200), reason: 'empty' });
    else if (keys.length === 0) dropped.push({ text, reason: 'no-citation' });
    else if (!keys.every(known)) dropped.push({ text, reason: 'unknown-citation' });
    else if (kept.length >= max) dropped.push({ text, reason: 'over-limit' });
    else kept.push({ text, keys, index });
  });
  return { kept, dropped };
}
