import { parseRfc3339 } from '../formats/parse-rfc3339.ts';

/** Epoch ms from an RFC 3339 string, or from epoch seconds/milliseconds (number or digits). */
export function parseEpochOrRfc3339(v: unknown): number | undefined {
  const asText = typeof v === 'string' ? v.trim() : undefined;
  const n = typeof v === 'number' ? v : asText && /^\d{9,16}(\.\d+)?$/.test(asText) ? Number(asText) : undefined;
  if (n !== undefined && Number.isFinite(n) && n > 0) return Math.round(n < 1e11 ? n * 1000 : n);
  return parseRfc3339(v);
}
