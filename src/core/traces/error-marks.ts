/**
 * Error evidence from outside the spans (error logs joined by trace id), used when a span
 * carries no status: `trace|span` marks one span, `trace|@service` marks a service in a trace.
 */
export type ErrorMarks = ReadonlySet<string>;

export function spanMark(traceId: string, spanId: string): string {
  return `${traceId}|${spanId}`;
}

export function serviceMark(traceId: string, service: string): string {
  return `${traceId}|@${service}`;
}
