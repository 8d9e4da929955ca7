import type { IncomingHttpHeaders } from 'node:http';

/** Node's headers (already lower-case) as single strings (repeated headers joined by commas). */
export function lowerCaseHeaders(h: IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h)) out[k] = Array.isArray(v) ? v.join(',') : v;
  return out;
}
