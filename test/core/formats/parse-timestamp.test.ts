import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../src/core/formats/parse-timestamp.ts';

const ok = (value: number) => ({ ok: true, value });
const refused = (pattern: RegExp) => ({ ok: false, error: expect.stringMatching(pattern) });

describe('parseTimestamp: the one parser for times that sources send', () => {
  it('reads RFC 3339 with a zone as Date.parse does, for real dates', () => {
    for (const t of [
      '2026-11-24T10:00:00Z',
      '2026-11-24t10:00:00z',
      '2026-11-24 10:00:00Z',
      '2026-11-24T10:00:00.5Z',
      '2026-11-24T10:00:00.123456789Z',
      '2026-11-24T10:00:00+05:30',
      '2026-11-24T10:00:00-08:00',
      '2024-02-29T23:59:59.999Z',
      '2000-02-29T00:00:00Z',
      '1970-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(parseTimestamp(t, 'rfc3339'), t).toEqual(ok(Date.parse(t.replace(' ', 'T').toUpperCase())));
    }
  });

  it('refuses impossible dates and times, saying why', () => {
    expect(parseTimestamp('2026-02-30T10:00:00Z', 'rfc3339')).toEqual(refused(/not a date: February 2026 has 28 days/));
    expect(parseTimestamp('2100-02-29T10:00:00Z', 'rfc3339')).toEqual(refused(/February 2100 has 28 days/));
    expect(parseTimestamp('2026-04-31T10:00:00Z', 'rfc3339')).toEqual(refused(/April 2026 has 30 days/));
    expect(parseTimestamp('2026-13-01T10:00:00Z', 'rfc3339')).toEqual(refused(/no month 13/));
    expect(parseTimestamp('2026-00-01T10:00:00Z', 'rfc3339')).toEqual(refused(/no month 0/));
    expect(parseTimestamp('2026-01-00T10:00:00Z', 'rfc3339')).toEqual(refused(/January 2026 has 31 days/));
    expect(parseTimestamp('2026-11-24T24:00:00Z', 'rfc3339')).toEqual(refused(/not a time of day/));
    expect(parseTimestamp('2026-11-24T10:60:00Z', 'rfc3339')).toEqual(refused(/not a time of day/));
    expect(parseTimestamp('2026-11-24T10:00:00+24:00', 'rfc3339')).toEqual(refused(/zone offset/));
  });

  it('refuses anything outside the years 1970–9999', () => {
    for (const t of ['1969-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '1970-01-01T00:30:00+01:00'])
      expect(parseTimestamp(t, 'rfc3339'), t).toEqual(refused(/outside the years 1970–9999/));
    expect(parseTimestamp('9999-12-31T23:59:59-00:01', 'rfc3339')).toEqual(refused(/outside the years 1970–9999/));
    for (const n of [1e300, -1, 253402300800000, '99999999999999999999'])
      expect(parseTimestamp(n, 'rfc3339-or-epoch'), String(n)).toEqual(refused(/outside the years 1970–9999/));
    expect(parseTimestamp(Number.NaN, 'rfc3339-or-epoch')).toEqual(refused(/not a time/));
  });

  it('epoch times: numbers and 9+ digits, seconds below 1e11, else milliseconds; only where the field takes them', () => {
    const ms = Date.parse('2026-11-24T10:00:00Z');
    expect(parseTimestamp(ms, 'rfc3339-or-epoch')).toEqual(ok(ms));
    expect(parseTimestamp(String(ms), 'rfc3339-or-epoch')).toEqual(ok(ms));
    expect(parseTimestamp(ms / 1000, 'rfc3339-or-epoch')).toEqual(ok(ms));
    expect(parseTimestamp(`${ms / 1000}.25`, 'rfc3339-or-epoch')).toEqual(ok(ms + 250));
    expect(parseTimestamp(ms, 'rfc3339')).toEqual(refused(/is not RFC 3339 with a zone/));
    expect(parseTimestamp('2026', 'rfc3339-or-epoch')).toEqual(
      refused(/"2026" is not RFC 3339 .* or epoch milliseconds/),
    );
  });

  it('missing, or not a time at all', () => {
    for (const v of [undefined, null, ''])
      expect(parseTimestamp(v, 'rfc3339')).toEqual({ ok: false, error: 'missing' });
    expect(parseTimestamp('yesterday', 'rfc3339')).toEqual(refused(/"yesterday" is not RFC 3339 with a zone/));
    expect(parseTimestamp('2026-11-24T10:00:00', 'rfc3339')).toEqual(refused(/not RFC 3339 with a zone/));
    expect(parseTimestamp({ t: 1 }, 'rfc3339-or-epoch')).toEqual(refused(/not RFC 3339/));
  });
});
