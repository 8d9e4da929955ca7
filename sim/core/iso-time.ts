/** How a producer writes its timestamps: all are RFC 3339 with a zone. */
export type TimeFormat = {
  /** Fraction digits: 0, 3 (ms), 6 (µs) or 9 (ns). */
  readonly digits: 0 | 3 | 6 | 9;
  /** Offset from UTC in minutes; 0 is written as `Z` unless `zulu` is false. */
  readonly offsetMin: number;
  readonly zulu: boolean;
};

export const ISO_MS: TimeFormat = { digits: 3, offsetMin: 0, zulu: true };

/** Formats an epoch time in milliseconds (fractional allowed) as RFC 3339. */
export function isoTime(ms: number, format: TimeFormat = ISO_MS): string {
  const whole = Math.floor(ms);
  const subMs = ms - whole;
  const local = new Date(whole + format.offsetMin * 60_000).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const base = local.slice(0, 19);
  let frac = '';
  if (format.digits > 0) {
    const nanos = (whole % 1000) * 1e6 + Math.floor(subMs * 1e6);
    frac = `.${String(nanos).padStart(9, '0').slice(0, format.digits)}`;
  }
  let zone = 'Z';
  if (format.offsetMin !== 0 || !format.zulu) {
    const sign = format.offsetMin < 0 ? '-' : '+';
    const abs = Math.abs(format.offsetMin);
    zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
  return `${base}${frac}${zone}`;
}
