import { parseTimestamp } from './parse-timestamp.ts';

/** Epoch milliseconds of an RFC 3339 timestamp with a zone (a real date, years 1970–9999), or undefined when it is not one. */
export function parseRfc3339(value: unknown): number | undefined {
  const r = parseTimestamp(value, 'rfc3339');
  return r.ok ? r.value : undefined;
}
