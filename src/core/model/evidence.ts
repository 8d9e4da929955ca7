/** Where a piece of evidence came from. */
export type EvidenceSource = 'traces' | 'logs' | 'metrics' | 'changes' | 'alert';

/**
 * One finding, with a stable id (hypotheses and the narrative cite it), a one-line summary a
 * person can read, the numbers behind it, and where to look (trace ids, a change URL, a query link).
 */
export type Evidence = {
  readonly id: string;
  readonly source: EvidenceSource;
  readonly kind: string;
  readonly service: string;
  readonly summary: string;
  /** `supports` or `refutes` the hypothesis it is attached to. */
  readonly stance: 'supports' | 'refutes';
  readonly data: Readonly<Record<string, number | string | boolean | null>>;
  readonly traceIds?: readonly string[];
  readonly examples?: readonly string[];
  readonly link?: string;
  readonly changeId?: string;
};
