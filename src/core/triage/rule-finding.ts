import type { Evidence } from '../model/evidence.ts';

/** What one rule says about one service: points (may be 0 when the finding only informs or refutes) and evidence. */
export type RuleFinding = {
  readonly rule: string;
  readonly service: string;
  readonly points: number;
  readonly text: string;
  readonly evidence: readonly Evidence[];
  /** Facts the kind decision reads (e.g. `resourceWords: 3`, `surgeRatio: 4.2`). */
  readonly facts?: Readonly<Record<string, number | string>>;
};
