/** One rule's effect on a score: which rule, by how much, and why in words. */
export type ScoreReason = { readonly rule: string; readonly points: number; readonly text: string };
