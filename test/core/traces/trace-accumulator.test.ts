import { describe, expect, it } from 'vitest';
import type { SpanKind, SpanRecord } from '../../../src/core/model/span-record.ts';
import { createTraceAccumulator } from '../../../src/core/traces/create-trace-accumulator.ts';
import { span } from '../../support/span.ts';

const MIN = 60_000;

describe('createTraceAccumulator', () => {
  it('does not read a span that ends after the range (unfinished then, or a duration from another clock)', () => {
    const acc = createTraceAccumulator({ from: 0, to: 10 * MIN });
    acc.add(span({ traceId: '1'.repeat(32), service: 'api', start: MIN, end: MIN + 20 }));
    // Started in the range; its end lies four hours later, past the range's end.
    acc.add(span({ traceId: '2'.repeat(32), service: 'api', start: 2 * MIN, end: 2 * MIN + 4 * 60 * MIN }));
    acc.add(span({ traceId: '3'.repeat(32), service: 'api', start: 10 * MIN - 5, end: 10 * MIN + 5 }));
    expect(acc.spanCount).toBe(1);
    acc.analyze();
    expect(acc.series(0, 10 * MIN, 1).get('api')?.latencyP90).toEqual([20]);
  });

  it('series carry the p90 request duration per bucket (nearest rank), null where a service served nothing', () => {
    const acc = createTraceAccumulator({ from: 0, to: 60 * MIN });
    // Bucket 0 (first minute): 20 requests of 1..20 ms → p90 is the 18th, 18 ms. Bucket 2: one of 300 ms.
    for (let i = 1; i <= 20; i++)
      acc.add(span({ traceId: i.toString(16).padStart(32, '0'), service: 'api', start: i * 1000, end: i * 1000 + i }));
    acc.add(span({ traceId: 'f'.repeat(32), service: 'api', start: 2 * MIN + 5, end: 2 * MIN + 305 }));
    acc.analyze();
    const api = acc.series(0, MIN, 3).get('api');
    expect(api?.requests).toEqual([20, 0, 1]);
    expect(api?.latencyP90).toEqual([18, null, 300]);
    // The mean (from the sum) stays what it was: 10.5 ms in bucket 0.
    expect((api?.latencySum[0] ?? 0) / 20).toBeCloseTo(10.5, 10);
  });

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

  it("gives a callee the time calls spend outside its spans when calls into and out of it all slow that way (its network), not its callers'", () => {
    // web → cart and api → cart, cart → pricing. From minute 40 cart's network adds 80 ms
    // each way: its callers' calls wait longer before and after cart's spans, and so do its
    // own calls to pricing; cart's spans themselves take no longer.
    const acc = createTraceAccumulator({ from: 0, to: 60 * MIN });
    let k = 0;
    const request = (at: number, caller: string, delay: number) => {
      const traceId = (++k).toString(16).padStart(32, '0');
      const under = (parent: SpanRecord, service: string, kind: SpanKind, start: number, end: number) =>
        span({ traceId, service, kind, parentSpanId: parent.spanId, start: at + start, end: at + end });
      const root = span({ traceId, service: caller, start: at, end: at + 40 + 2 * delay });
      const call = under(root, caller, 'client', 5, 35 + 2 * delay);
      const cart = under(call, 'cart', 'server', 6 + delay, 34 + delay);
      const out = under(cart, 'cart', 'client', 8 + delay, 20 + delay);
      const pricing = under(out, 'pricing', 'server', 9 + delay, 19 + delay);
      for (const s of [root, call, cart, out, pricing]) acc.add(s);
    };
    for (let m = 0; m < 60; m++) {
      const delay = m >= 40 ? 80 : 0;
      request(m * MIN, 'web', delay);
      request(m * MIN + 1000, 'api', delay);
    }
    acc.analyze();
    const w = acc.windowed({ from: 0, to: 40 * MIN }, { from: 40 * MIN, to: 60 * MIN });
    const self = (svc: string) => w.services.get(svc)?.incident.selfTime.mean ?? 0;
    const was = (svc: string) => w.services.get(svc)?.baseline.selfTime.mean ?? 0;
    // The web and api edges into cart both grew (cart has three growing edges, each caller one).
    expect(self('cart') - was('cart')).toBeGreaterThan(100);
    expect(self('web') - was('web')).toBeLessThan(5);
    expect(self('api') - was('api')).toBeLessThan(5);
    expect(w.services.get('cart')?.incident.selfTimeFromGaps).toBeGreaterThan(0);
  });

  it("keeps the time outside the callee's span the caller's while it does not grow", () => {
    const acc = createTraceAccumulator({ from: 0, to: 60 * MIN });
    for (let m = 0; m < 60; m++) {
      const traceId = (m + 1).toString(16).padStart(32, '0');
      const root = span({ traceId, service: 'web', start: m * MIN, end: m * MIN + 50 });
      const call = span({
        traceId,
        service: 'web',
        kind: 'client',
        parentSpanId: root.spanId,
        start: m * MIN + 5,
        end: m * MIN + 45,
      });
      const cart = span({
        traceId,
        service: 'cart',
        parentSpanId: call.spanId,
        start: m * MIN + 15,
        end: m * MIN + 35,
      });
      for (const s of [root, call, cart]) acc.add(s);
    }
    acc.analyze();
    const w = acc.windowed({ from: 0, to: 40 * MIN }, { from: 40 * MIN, to: 60 * MIN });
    // web: 10 ms of its own + 20 ms around cart's span; cart: its 20 ms.
    expect(w.services.get('web')?.baseline.selfTime.mean).toBeCloseTo(30);
    expect(w.services.get('cart')?.incident.selfTime.mean).toBeCloseTo(20);
  });

  it("a dependency's slower calls are its own, unless its caller's other calls slowed the same way", () => {
    // api calls redis and pg. Either redis alone gets slower (redis's doing), or api stalls
    // while it waits (GC pauses): every call it makes takes longer, and the time is api's.
    const run = (slowPg: boolean) => {
      const acc = createTraceAccumulator({ from: 0, to: 60 * MIN });
      for (let m = 0; m < 60; m++) {
        const extra = m >= 40 ? 120 : 0;
        const traceId = (m + 1).toString(16).padStart(32, '0');
        const at = m * MIN;
        const pgMs = 10 + (slowPg ? extra : 0);
        const api = span({ traceId, service: 'api', start: at, end: at + 30 + extra + pgMs });
        const r = span({
          traceId,
          service: 'api',
          kind: 'client',
          parentSpanId: api.spanId,
          start: at + 5,
          end: at + 15 + extra,
          peer: 'redis',
        });
        const p = span({
          traceId,
          service: 'api',
          kind: 'client',
          parentSpanId: api.spanId,
          start: at + 20 + extra,
          end: at + 20 + extra + pgMs,
          peer: 'pg',
        });
        for (const s of [api, r, p]) acc.add(s);
      }
      acc.analyze();
      const w = acc.windowed({ from: 0, to: 40 * MIN }, { from: 40 * MIN, to: 60 * MIN });
      const rise = (svc: string) =>
        (w.services.get(svc)?.incident.selfTime.mean ?? 0) - (w.services.get(svc)?.baseline.selfTime.mean ?? 0);
      return { api: rise('api'), redis: rise('redis'), pg: rise('pg') };
    };
    const redisSlow = run(false);
    expect(redisSlow.redis).toBeCloseTo(120);
    expect(redisSlow.api).toBeCloseTo(0);
    const apiStalls = run(true);
    expect(apiStalls.api).toBeCloseTo(240);
    expect(apiStalls.redis).toBeCloseTo(0);
    expect(apiStalls.pg).toBeCloseTo(0);
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
