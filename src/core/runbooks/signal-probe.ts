import type { SourceResult } from '../telemetry/source-result.ts';
import type { SignalName } from './signal.ts';

/** One reading of a triage signal for a `check` step. */
export type SignalQuery = { readonly signal: SignalName; readonly service: string; readonly windowMs: number };

/**
 * Reads a triage signal now, over the last `windowMs`: an error rate (0–1), error log lines per
 * minute, mean latency (ms) or requests per minute — from the same sources the triage reads.
 */
export type SignalProbe = {
  readonly name: string;
  read(q: SignalQuery, signal: AbortSignal): Promise<SourceResult<number>>;
};
