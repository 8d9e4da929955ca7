import type { FaultKind } from './fault-kind.ts';

/** The known root cause of an evaluation case (a bundle's truth.json). */
export type Truth = {
  readonly service: string;
  readonly kind: FaultKind;
  readonly changeId?: string;
  readonly note?: string;
};
