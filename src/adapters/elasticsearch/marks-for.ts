import type { TimeWindow } from '../../core/model/time-window.ts';
import type { ErrorMarks } from '../../core/traces/error-marks.ts';

/** Error marks for the given traces, looked up in the logs (see fetchTraceMarks). */
export type MarksFor = (traceIds: readonly string[], range: TimeWindow, signal: AbortSignal) => Promise<ErrorMarks>;
