import { describe, expect, it } from 'vitest';
import { parseEcsLog } from '../../../src/core/formats/parse-ecs-log.ts';

describe('parseEcsLog', () => {
  it('reads flat and nested dotted fields alike', () => {
    const flat = parseEcsLog({
      '@timestamp': '2026-11-20T14:02:11.123Z',
      'service.name': 'checkout',
      message: 'hi',
      'log.level': 'ERROR',
      'trace.id': 'ABC',
    });
    const nested = parseEcsLog({
      '@timestamp': '2026-11-20T14:02:11.123Z',
      service: { name: 'checkout' },
      message: 'hi',
      log: { level: 'error' },
      trace: { id: 'abc' },
    });
    expect(flat).toEqual(nested);
    expect(flat.ok && flat.value).toMatchObject({
      service: 'checkout',
      level: 'error',
      traceId: 'abc',
      ts: Date.UTC(2026, 10, 20, 14, 2, 11, 123),
    });
  });

  it('accepts a mixed form where a parent key holds a dotted child', () => {
    const r = parseEcsLog({
      '@timestamp': '2026-11-20T14:02:11+01:00',
      service: { name: 'a' },
      message: 'm',
      kubernetes: { 'pod.name': 'a-7d9f8c6b5-x2k4q' },
    });
    expect(r.ok && r.value.pod).toBe('a-7d9f8c6b5-x2k4q');
    expect(r.ok && r.value.ts).toBe(Date.UTC(2026, 10, 20, 13, 2, 11));
  });

  it('names the field that is wrong', () => {
    expect(parseEcsLog({ service: { name: 'a' }, message: 'm' })).toMatchObject({
      ok: false,
      error: { field: '@timestamp' },
    });
    expect(parseEcsLog({ '@timestamp': '2026-11-20 14:02', 'service.name': 'a', message: 'm' })).toMatchObject({
      ok: false,
      error: { field: '@timestamp' },
    });
    expect(parseEcsLog({ '@timestamp': '2026-11-20T14:02:11Z', message: 'm' })).toMatchObject({
      ok: false,
      error: { field: 'service.name' },
    });
    expect(parseEcsLog({ '@timestamp': '2026-11-20T14:02:11Z', 'service.name': 'a' })).toMatchObject({
      ok: false,
      error: { field: 'message' },
    });
    expect(
      parseEcsLog({ '@timestamp': '2026-11-20T14:02:11Z', 'service.name': 'a', message: 'm', 'log.level': 'loud' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'log.level' },
    });
    expect(parseEcsLog([1, 2])).toMatchObject({ ok: false });
  });

  it('pads a 64-bit trace id as the trace reader does, so logs still join their spans', () => {
    const r = parseEcsLog({
      '@timestamp': '2026-11-20T14:02:11Z',
      'service.name': 'a',
      message: 'm',
      'trace.id': 'A1B2C3D4E5F60718',
      'span.id': 'B7AD6B7169203331',
    });
    expect(r.ok && [r.value.traceId, r.value.spanId]).toEqual(['0000000000000000a1b2c3d4e5f60718', 'b7ad6b7169203331']);
  });

  it('reads the level names other loggers write, and keeps lines whose level is a number', () => {
    const level = (v: unknown) => {
      const r = parseEcsLog({
        '@timestamp': '2026-11-20T14:02:11Z',
        'service.name': 'a',
        message: 'm',
        'log.level': v,
      });
      return r.ok ? r.value.level : r.error.message;
    };
    // Python, .NET / Serilog, zap, glog, syslog names.
    expect(['WARNING', 'Warning', 'WRN', 'W'].map(level)).toEqual(['warn', 'warn', 'warn', 'warn']);
    expect(['CRITICAL', 'FTL', 'dpanic', 'Information', 'Verbose'].map(level)).toEqual([
      'fatal',
      'fatal',
      'error',
      'info',
      'trace',
    ]);
    // Numbers: pino's 40 is a warning, Python's an error; no level is taken (the words decide later), and the line is kept.
    expect([30, 50, '40', 3].map(level)).toEqual([undefined, undefined, undefined, undefined]);
    expect(level('loud')).toMatch(/is not one of/);
  });

  it('maps a Kubernetes pod name used as service.name to its deployment', () => {
    const r = parseEcsLog({
      '@timestamp': '2026-11-20T14:02:11Z',
      'service.name': 'checkout-7d9f8-abcde',
      message: 'm',
    });
    expect(r.ok && r.value.service).toBe('checkout');
    const keep = parseEcsLog({
      '@timestamp': '2026-11-20T14:02:11Z',
      'service.name': 'user-service-alpha-beta1',
      message: 'm',
    });
    expect(keep.ok && keep.value.service).toBe('user-service-alpha-beta1');
  });
});
