/** Runs work after a delay, in this process (timers: a restart forgets what waits). */
export type Later = {
  after(delayMs: number, key: string, task: () => Promise<void>): void;
};

/**
 * Re-triage when telemetry arrives late (`triage.lateData`): a triage whose data ends more than
 * `minGapMs` before its as-of time is read again `afterMs` after it (each later than the one
 * before), until the data has caught up, the incident resolved, or the list ends.
 */
export type LateData = {
  readonly minGapMs: number;
  readonly afterMs: readonly number[];
  readonly later: Later;
};
