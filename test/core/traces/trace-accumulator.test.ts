import { describe, expect, it } from 'vitest';
import { createTraceAccumulator } from '../../../src/core/traces/create-trace-accumulator.ts';
import { span } from '../../support/span.ts';

const MIN = 60_000;

describe('createTraceAccumulator', () => {
  it('gives each service what failed calls to it and its own failing spans said in the incident window', () => {
    const acc = createTraceAccumulator({ from: 0, to: 60 * MIN });
    const failingTrace = (traceId: string, at: number, own: string, seen: string) => {
      const fe = span({ traceId, service: 'frontend', start: at, end: at + 100, status: 'error' });
      const call = span({
        traceId,
        service: 'frontend',
        kind: 'client',
        parentSpanId: fe.spanId,
        start: at + 5,
        end: at + 95,
        status: 'error',
        errorText: seen,
      });
      const pdf = span({
        traceId,
        service: 'pdf',
        parentSpanId: call.spanId,
        start: at + 6,
        end: at + 94,
        status: 'error',
        errorText: own,
      });
      for (const s of [fe, call, pdf]) acc.add(s);
    };
    failingTrace('a'.repeat(32), 10 * MIN, 'IOException: disk quota in the baseline', 'HTTP 500 (baseline)');
    failingTrace('b'.repeat(32), 50 * MIN, 'java.io.IOException: No space left on device', 'HTTP 500');
    acc.analyze();
    const w = acc.windowed({ from: 0, to: 40 * MIN }, { from: 40 * MIN, to: 60 * MIN });
    const pdf = w.services.get('pdf');
    expect(pdf?.errorTexts).toEqual(
      expect.arrayContaining(['java.io.IOException: No space left on device', 'HTTP 500']),
    );
    // Only the incident window speaks.
    expect(pdf?.errorTexts.join(' ')).not.toMatch(/baseline/);
    expect(pdf?.incident.originErrors).toBe(1);
  });

  it('keeps self time per operation a service is entered by, in both windows', () => {
    const acc = createTraceAccumulator({ from: 0, to: 60 * MIN });
    let k = 0;
    const request = (at: number, operation: string, ms: number) => {
      const traceId = (++k).toString(16).padStart(32, '0');
      acc.add(span({ traceId, service: 'calendar', name: operation, start: at, end: at + ms }));
    };
    for (let m = 0; m < 40; m++) {
      request(m * MIN, 'POST /v1/calendars', 20);
      request(m * MIN + 1000, 'GET /v1/calendars', 10);
    }
    for (let m = 40; m < 60; m++) {
      request(m * MIN, 'POST /v1/calendars', 900);
      request(m * MIN + 1000, 'GET /v1/calendars', 10);
    }
    acc.analyze();
    const w = acc.windowed({ from: 0, to: 40 * MIN }, { from: 40 * MIN, to: 60 * MIN });
    const post = w.operations?.find((o) => o.operation === 'POST /v1/calendars');
    const get = w.operations?.find((o) => o.operation === 'GET /v1/calendars');
    expect(post).toMatchObject({ service: 'calendar', baseline: { n: 40, mean: 20 }, incident: { n: 20, mean: 900 } });
    expect(get?.incident.mean).toBe(10);
  });
});
