/**
 * Error evidence from outside the spans (error logs joined by trace id), used when a span
 * carries no status: `trace|span` marks one span, `trace|@service` marks a service in a trace.
 * Each mark keeps what the first such log said (its error type and message), which stands in
 * for the span's own error text.
 */
export type ErrorMarks = ReadonlyMap<string, string>;

/** The longest error text a mark keeps. */
const MAX_TEXT = 300;

export function spanMark(traceId: string, spanId: string): string {
  return `${traceId}|${spanId}`;
}

export function serviceMark(traceId: string, service: string): string {
  return `${traceId}|@${service}`;
}

/** What a mark says: the log's error type and message, shortened. */
export function markText(message: string, errorType: string | undefined): string {
  const text = errorType && !message.includes(errorType) ? `${errorType}: ${message}` : message;
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

/** Adds a mark unless it is there already (the first log's text stays). */
export function addMark(marks: Map<string, string>, key: string, text: string): void {
  if (!marks.has(key)) marks.set(key, text);
}
