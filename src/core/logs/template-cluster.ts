/** A learnt template: its tokens (`<*>` for variables) and where it lives in the tree. */
export type TemplateCluster = {
  readonly id: number;
  tokens: string[];
  /** The token kind of each template token (see token-kind.ts). */
  kinds: Uint8Array;
  /** `tokens.join(' ')`, recomputed only when a token generalises. */
  template: string;
  count: number;
  /** The leaf list this cluster is stored in, so eviction can remove it. */
  readonly leaf: TemplateCluster[];
  /** Neighbours in the recency list (least recently matched first). */
  older: TemplateCluster | undefined;
  newer: TemplateCluster | undefined;
};
