/** A runbook problem where a person can find it: file, line (1-based; undefined when unknown), field, what. */
export type LocatedRunbookProblem = {
  readonly file: string;
  readonly line: number | undefined;
  /** e.g. `steps[0].with.url` (empty for the whole file). */
  readonly field: string;
  readonly message: string;
};
