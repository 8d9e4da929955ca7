/**
 * The short keys a model cites (`E1`, `E2` … for evidence, `Q1` … for query results) and what they
 * stand for. The model never sees our evidence ids (which embed service names and change ids from
 * the outside world); it can only cite a key it was given, and each key maps back to exactly one id.
 */
export type CitationIndex = {
  /** Key → evidence id. */
  readonly evidence: ReadonlyMap<string, string>;
  /** Evidence keys of the top-ranked hypothesis (a "most likely cause" sentence must cite one). */
  readonly topKeys: ReadonlySet<string>;
};
