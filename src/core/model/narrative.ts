/**
 * What the LLM layer hands the chat surface (or nothing): sentences, each citing the evidence ids
 * it rests on. The message shows it in its own slot (`causeway_narrative`); sentences citing no
 * evidence the report holds are not shown.
 */
export type Narrative = {
  readonly sentences: readonly { readonly text: string; readonly evidenceIds: readonly string[] }[];
};
