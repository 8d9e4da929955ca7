import type { Result } from '../result/result.ts';

/** The first millisecond after the accepted range: 10000-01-01T00:00:00Z. */
const END_MS = Date.UTC(10_000, 0, 1);
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:([Zz])|([+-])(\d\d):(\d\d))$/;
const DIGITS = /^\d{9,}(\.\d+)?$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Which forms a field takes: RFC 3339 with a zone, or also epoch seconds/milliseconds (a number, or 9+ digits). */
export type TimestampForms = 'rfc3339' | 'rfc3339-or-epoch';

/**
 * The one parser for times that sources send: epoch milliseconds, or why the value is not a time —
 * missing, not in an accepted form, an impossible date (`2026-02-30`, `25:00`), or outside the
 * years 1970–9999. Epoch numbers below 1e11 are seconds, others milliseconds.
 */
export function parseTimestamp(value: unknown, forms: TimestampForms): Result<number, string> {
  if (value === undefined || value === null || value === '') return { ok: false, error: 'missing' };
  const epoch = forms === 'rfc3339-or-epoch';
  if (epoch && typeof value === 'number') return fromEpoch(value, String(value));
  if (typeof value !== 'string') return { ok: false, error: `${shown(value)} is not ${formsText(forms)}` };
  const text = value.trim();
  if (epoch && DIGITS.test(text)) return fromEpoch(Number(text), shown(value));
  const m = RFC3339.exec(text);
  if (!m) return { ok: false, error: `${shown(value)} is not ${formsText(forms)}` };
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12) return { ok: false, error: `${shown(value)} is not a date: there is no month ${mo}` };
  const days = mo === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  if (d < 1 || d > days)
    return {
      ok: false,
      error: `${shown(value)} is not a date: ${MONTHS[mo - 1]} ${String(y).padStart(4, '0')} has ${days} days`,
    };
  if (h > 23 || mi > 59 || s > 59)
    return { ok: false, error: `${shown(value)} is not a time of day (00:00:00–23:59:59)` };
  const oh = Number(m[10] ?? 0);
  const om = Number(m[11] ?? 0);
  if (oh > 23 || om > 59) return { ok: false, error: `${shown(value)} has no valid zone offset (±00:00–±23:59)` };
  const frac = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, frac);
  const offsetMs = m[9] ? (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000 : 0;
  return inRange(utc.getTime() - offsetMs, shown(value));
}

function fromEpoch(n: number, text: string): Result<number, string> {
  if (!Number.isFinite(n)) return { ok: false, error: `${text} is not a time` };
  return inRange(Math.round(Math.abs(n) < 1e11 ? n * 1000 : n), text);
}

function inRange(ms: number, text: string): Result<number, string> {
  if (ms < 0 || ms >= END_MS) return { ok: false, error: `${text} is outside the years 1970–9999` };
  return { ok: true, value: ms };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function formsText(forms: TimestampForms): string {
  return forms === 'rfc3339'
    ? 'RFC 3339 with a zone (e.g. "2026-11-24T10:00:00Z")'
    : 'RFC 3339 with a zone (e.g. "2026-11-24T10:00:00Z") or epoch milliseconds';
}

function shown(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
