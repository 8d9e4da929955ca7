import type { JsonValue } from '../model/json-value.ts';
import type { CitationIndex } from './citation-index.ts';

/** The part of a triage a model may see, projected through the allowlist and redacted, by slot. */
export type IncidentContext = {
  readonly alert: JsonValue;
  readonly hypotheses: JsonValue;
  readonly evidence: JsonValue;
  readonly citations: CitationIndex;
  /** Services named in the triage (what tool calls may filter on). */
  readonly services: readonly string[];
};
