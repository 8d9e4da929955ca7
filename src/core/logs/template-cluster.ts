/** A learnt template: its tokens (`<*>` for variables) and where it lives in the tree. */
export type TemplateCluster = {
  readonly id: number;
  tokens: string[];
  /** The token kind of each template token (see token-kind.ts). */
  kinds: Uint8Array;
  /** `tokens.join(' ')`, recomputed only when a token generalises. */
  template: string;
  count: number;
  /** The tree branch (child keys below the token-count level) that leads to this cluster. */
  readonly route: readonly string[];
  /** Neighbours in the recency list (least recently matched first). */
  older: TemplateCluster | undefined;
  newer: TemplateCluster | undefined;
};
