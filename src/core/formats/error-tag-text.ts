/** What an `error` tag says when it holds a message (Zipkin), not a boolean (OpenTracing). */
export function errorTagText(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' && !/^(true|false)$/i.test(v) ? v : undefined;
}
