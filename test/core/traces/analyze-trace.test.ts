import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../../src/core/traces/analyze-trace.ts';
import { serviceMark, spanMark } from '../../../src/core/traces/error-marks.ts';
import { span } from '../../support/span.ts';

describe('analyzeTrace', () => {
  it('puts the origin of a propagated failure at the deepest failing service', () => {
    const fe = span({ service: 'frontend', start: 0, end: 100, status: 'error' });
    const feCall = span({
      service: 'frontend',
      kind: 'client',
      parentSpanId: fe.spanId,
      start: 5,
      end: 95,
      status: 'error',
    });
    const co = span({ service: 'checkout', parentSpanId: feCall.spanId, start: 6, end: 94, status: 'error' });
    const coCall = span({
      service: 'checkout',
      kind: 'client',
      parentSpanId: co.spanId,
      start: 10,
      end: 90,
      status: 'error',
    });
    const pay = span({ service: 'payment', parentSpanId: coCall.spanId, start: 11, end: 89, status: 'error' });
    const f = analyzeTrace([fe, feCall, co, coCall, pay]);
    expect(f.failing).toBe(true);
    expect([...f.origins]).toEqual([['payment', 1]]);
    expect(f.calls.map((c) => `${c.from}>${c.to}`).sort()).toEqual(['checkout>payment', 'frontend>checkout']);
  });

  it('keeps what a failing origin span said, with its entry', () => {
    const fe = span({ service: 'frontend', start: 0, end: 100, status: 'error' });
    const call = span({
      service: 'frontend',
      kind: 'client',
      parentSpanId: fe.spanId,
      start: 5,
      end: 95,
      status: 'error',
    });
    const pdf = span({
      service: 'pdf',
      name: 'POST /render',
      parentSpanId: call.spanId,
      start: 6,
      end: 94,
      status: 'error',
      errorText: 'java.io.IOException: No space left on device',
    });
    const f = analyzeTrace([fe, call, pdf]);
    expect(f.originEntries).toEqual([
      expect.objectContaining({
        service: 'pdf',
        operation: 'POST /render',
        errorText: 'java.io.IOException: No space left on device',
      }),
    ]);
  });

  it('blames an uninstrumented dependency (peer.service) behind a failing leaf client span, mostly', () => {
    const co = span({ service: 'checkout', start: 0, end: 50, status: 'error' });
    const db = span({
      service: 'checkout',
      kind: 'client',
      parentSpanId: co.spanId,
      start: 1,
      end: 40,
      status: 'error',
      peer: 'postgres',
    });
    const f = analyzeTrace([co, db]);
    expect(f.origins.get('postgres')).toBeCloseTo(0.6);
    expect(f.origins.get('checkout')).toBeCloseTo(0.4);
    expect(f.services.has('postgres')).toBe(true);
    expect(f.requests.find((r) => r.service === 'postgres')?.error).toBe(true);
  });

  it('blames a slow callee when the caller timed out but the callee did not fail', () => {
    const co = span({ service: 'checkout', start: 0, end: 1010, status: 'error' });
    const call = span({
      service: 'checkout',
      kind: 'client',
      parentSpanId: co.spanId,
      start: 5,
      end: 1005,
      status: 'error',
    });
    const inv = span({ service: 'inventory', parentSpanId: call.spanId, start: 6, end: 1800, status: 'ok' });
    const f = analyzeTrace([co, call, inv]);
    expect(f.origins.get('inventory')).toBeCloseTo(0.8);
    expect(f.origins.get('checkout')).toBeCloseTo(0.2);
  });

  it('keeps the blame on the caller when the callee answered fast and fine', () => {
    const co = span({ service: 'checkout', start: 0, end: 100, status: 'error' });
    const call = span({
      service: 'checkout',
      kind: 'client',
      parentSpanId: co.spanId,
      start: 5,
      end: 95,
      status: 'error',
    });
    const inv = span({ service: 'inventory', parentSpanId: call.spanId, start: 6, end: 12, status: 'ok' });
    expect([...analyzeTrace([co, call, inv]).origins]).toEqual([['checkout', 1]]);
  });

  it('computes self time: children are subtracted, a leaf dependency call is a gap to the dependency', () => {
    const api = span({ service: 'api', start: 0, end: 100 });
    const c1 = span({ service: 'api', kind: 'client', parentSpanId: api.spanId, start: 10, end: 50, peer: 'redis' });
    const c2 = span({ service: 'api', kind: 'client', parentSpanId: api.spanId, start: 40, end: 70, peer: 'redis' });
    const f = analyzeTrace([api, c1, c2]);
    // union of [10,50] and [40,70] covers 60 ms of the 100
    expect(f.selfTime.get('api')).toBeCloseTo(40);
    // The calls to redis (whose, the accumulator decides: redis's unless api's other calls slowed too).
    expect(f.gaps.map((g) => [g.to, g.leaf, g.ms]).sort((a, b) => Number(b[2]) - Number(a[2]))).toEqual([
      ['redis', true, 40],
      ['redis', true, 30],
    ]);
  });

  it("moves a callee's spans inside its caller's call when their hosts' clocks disagree", () => {
    // alerting's clock runs 520 ms ahead: its 200 ms answer seems to start after fleet-api's call ended.
    const api = span({ service: 'fleet-api', start: 0, end: 210 });
    const call = span({ service: 'fleet-api', kind: 'client', parentSpanId: api.spanId, start: 5, end: 206 });
    const srv = span({ service: 'alerting', kind: 'server', parentSpanId: call.spanId, start: 526, end: 726 });
    const db = span({
      service: 'alerting',
      kind: 'client',
      parentSpanId: srv.spanId,
      start: 530,
      end: 533,
      peer: 'db',
    });
    const f = analyzeTrace([api, call, srv, db]);
    // 9 ms its own, 1 ms around alerting's answer (a gap, whose owner the accumulator decides).
    expect(f.selfTime.get('fleet-api')).toBeCloseTo(9);
    expect(f.gaps.filter((g) => !g.leaf)).toEqual([
      { from: 'fleet-api', to: 'alerting', operation: 'op', start: 5, ms: 1 },
    ]);
    expect(f.selfTime.get('alerting')).toBeCloseTo(197);
    // A consumer running after its producer ended is not moved: the producer's time stays its own.
    const pub = span({ service: 'orders', kind: 'producer', start: 0, end: 4 });
    const sub = span({ service: 'mailer', kind: 'consumer', parentSpanId: pub.spanId, start: 50, end: 90 });
    expect(analyzeTrace([pub, sub]).selfTime.get('orders')).toBeCloseTo(4);
  });

  it('reads what the error log that marks a span without status says, as the span would', () => {
    // No span status: the catalog's error log (same trace and span id) says whose fault it is.
    const origins = (text: string) => {
      const api = span({ service: 'catalog', start: 0, end: 100 });
      const call = span({ service: 'catalog', kind: 'client', parentSpanId: api.spanId, start: 5, end: 9, peer: 'pg' });
      const f = analyzeTrace([api, call], new Map([[spanMark(call.traceId, call.spanId), text]]));
      return { pg: f.origins.get('pg') ?? 0, text: f.peerOrigins[0]?.errorText };
    };
    // Rejected credentials: the caller's doing (said in words, or as a bare OTel error.type or gRPC code).
    expect(origins('FATAL: password authentication failed for user "catalog"').pg).toBeCloseTo(0.15);
    expect(origins('auth').pg).toBeCloseTo(0.15);
    expect(origins('UNAUTHENTICATED').pg).toBeCloseTo(0.15);
    expect(origins('authz-service unavailable').pg).toBeCloseTo(0.85);
    // Refused: the database's.
    expect(origins('dial tcp 10.0.0.7:5432: connect: connection refused')).toEqual({
      pg: expect.closeTo(0.85),
      text: 'dial tcp 10.0.0.7:5432: connect: connection refused',
    });
  });

  it('works without span kinds: cross-service parent/child makes the call, and without status codes via log marks', () => {
    const a = span({ service: 'frontend', kind: 'unspecified', start: 0, end: 100 });
    const b = span({ service: 'cart', kind: 'unspecified', parentSpanId: a.spanId, start: 10, end: 90 });
    const c = span({ service: 'redis-client', kind: 'unspecified', parentSpanId: b.spanId, start: 20, end: 80 });
    const marks = new Map([
      [serviceMark(a.traceId, 'frontend'), 'request failed'],
      [spanMark(b.traceId, b.spanId), 'redis: connection refused'],
    ]);
    const f = analyzeTrace([a, b, c], marks);
    expect(f.failing).toBe(true);
    expect([...f.origins]).toEqual([['cart', 1]]);
    expect(f.calls.map((x) => `${x.from}>${x.to}`).sort()).toEqual(['cart>redis-client', 'frontend>cart']);
    expect(f.requests.map((r) => r.service).sort()).toEqual(['cart', 'frontend', 'redis-client']);
  });

  it('reads HTTP 5xx as an error when the status is unset', () => {
    const a = span({ service: 'gw', start: 0, end: 10, httpStatus: 503 });
    expect(analyzeTrace([a]).failing).toBe(true);
    const b = span({ service: 'gw', start: 0, end: 10, httpStatus: 404 });
    expect(analyzeTrace([b]).failing).toBe(false);
  });

  it('survives a parent cycle and missing parents in malformed data', () => {
    const a = span({ service: 'x', start: 0, end: 10 });
    const b = span({ service: 'y', start: 1, end: 9, parentSpanId: a.spanId, status: 'error' });
    const cyc1 = span({ service: 'z', start: 0, end: 5, spanId: 'c1c1c1c1c1c1c1c1', parentSpanId: 'c2c2c2c2c2c2c2c2' });
    const cyc2 = span({ service: 'z', start: 0, end: 5, spanId: 'c2c2c2c2c2c2c2c2', parentSpanId: 'c1c1c1c1c1c1c1c1' });
    const orphan = span({ service: 'w', start: 0, end: 5, parentSpanId: 'ffffffffffffffff' });
    const f = analyzeTrace([a, b, cyc1, cyc2, orphan]);
    expect(f.origins.get('y')).toBe(1);
    expect(f.services.size).toBe(4);
  });

  it('finishes on a failing same-service parent cycle (entry lookups are bounded)', () => {
    const c1 = span({
      service: 'z',
      name: 'a',
      spanId: 'd1d1d1d1d1d1d1d1',
      parentSpanId: 'd2d2d2d2d2d2d2d2',
      status: 'error',
    });
    const c2 = span({
      service: 'z',
      name: 'b',
      spanId: 'd2d2d2d2d2d2d2d2',
      parentSpanId: 'd1d1d1d1d1d1d1d1',
      status: 'error',
    });
    const f = analyzeTrace([c1, c2]);
    expect(f.services).toEqual(new Set(['z']));
    expect(f.operationSelfTime.size).toBeGreaterThan(0);
  });
});
