import type { SpanRec } from '../model/records.ts';

/** What a tail-sampling `status_code: ERROR` (plus HTTP 5xx) policy sees as an error trace. */
export function isErrorTrace(spans: readonly SpanRec[]): boolean {
  for (const s of spans) {
    if (s.status === 2) return true;
    const code = s.attrs['http.response.status_code'];
    if (typeof code === 'number' && code >= 500) return true;
  }
  return false;
}
