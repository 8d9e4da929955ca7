/** The files of one incident bundle, as text. */
export type BundleFiles = {
  readonly 'alert.json': string;
  readonly 'logs.ndjson': string;
  readonly 'traces.ndjson': string;
  readonly 'metrics.ndjson': string;
  readonly 'changes.json': string;
  readonly 'truth.json': string;
  readonly 'scenario.json': string;
};

export type BundleRequest = {
  readonly id: string;
  readonly seed: number;
  readonly kind: import('../../src/core/model/fault-kind.ts').FaultKind;
  readonly topology: string;
  /** Deploy faults: always (true) or never (false) with concurrent releases of other services; absent: sometimes. */
  readonly concurrentRollouts?: boolean;
  /** A recurrence: the same topology and fault as `seed`, with new timing, traffic, changes and noise. */
  readonly variant?: number;
};
