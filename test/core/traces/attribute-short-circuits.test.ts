import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../../src/core/model/span-record.ts';
import { analyzeTrace } from '../../../src/core/traces/analyze-trace.ts';
import { attributeShortCircuits } from '../../../src/core/traces/attribute-short-circuits.ts';
import { span } from '../../support/span.ts';

const baseline = { from: 0, to: 100_000 };
const incident = { from: 100_000, to: 200_000 };
let n = 0;
const tid = () => (++n).toString(16).padStart(32, '0');

/** gateway GET /issues → issues → db (a healthy or failing call chain). */
function chain(t: number, dbFails: boolean): SpanRecord[] {
  const traceId = tid();
  const gw = span({
    traceId,
    service: 'gateway',
    name: 'GET /issues',
    start: t,
    end: t + 50,
    status: dbFails ? 'error' : 'unset',
  });
  const call = span({
    traceId,
    service: 'gateway',
    kind: 'client',
    parentSpanId: gw.spanId,
    start: t + 1,
    end: t + 40,
    status: dbFails ? 'error' : 'unset',
  });
  const iss = span({
    traceId,
    service: 'issues',
    parentSpanId: call.spanId,
    start: t + 2,
    end: t + 39,
    status: dbFails ? 'error' : 'unset',
  });
  const db = span({
    traceId,
    service: 'issues',
    kind: 'client',
    parentSpanId: iss.spanId,
    start: t + 3,
    end: t + 30,
    peer: 'app-db',
    status: dbFails ? 'error' : 'unset',
  });
  return [gw, call, iss, db];
}

/** gateway fails fast without calling issues (a circuit breaker, or an early bug). */
function fastFail(t: number, name = 'GET /issues'): SpanRecord[] {
  return [span({ traceId: tid(), service: 'gateway', name, start: t, end: t + 2, status: 'error' })];
}

describe('attributeShortCircuits', () => {
  const healthyBaseline = Array.from({ length: 10 }, (_, i) => analyzeTrace(chain(i * 1000, false)));

  it('moves most of a fail-fast failure to where the skipped, failing callee’s failures start', () => {
    const failing = Array.from({ length: 5 }, (_, i) => analyzeTrace(chain(100_000 + i * 1000, true)));
    const fast = analyzeTrace(fastFail(150_000));
    expect([...fast.origins]).toEqual([['gateway', 1]]);
    const out = attributeShortCircuits([...healthyBaseline, ...failing, fast], baseline, incident);
    const moved = out[out.length - 1];
    expect(moved?.origins.get('gateway')).toBeCloseTo(0.3);
    // issues' failures start at app-db (0.6) and issues (0.4): the moved 0.7 follows that split.
    expect(moved?.origins.get('app-db')).toBeCloseTo(0.42);
    expect(moved?.origins.get('issues')).toBeCloseTo(0.28);
    // traces that were not short-circuited are untouched
    expect(out.slice(0, 15)).toEqual([...healthyBaseline, ...failing]);
  });

  it('keeps the blame on a service that fails early while its callee is healthy', () => {
    const healthy = Array.from({ length: 5 }, (_, i) => analyzeTrace(chain(100_000 + i * 1000, false)));
    const fast = analyzeTrace(fastFail(150_000));
    const out = attributeShortCircuits([...healthyBaseline, ...healthy, fast], baseline, incident);
    expect([...(out[out.length - 1]?.origins ?? [])]).toEqual([['gateway', 1]]);
  });

  it('follows a failure that names the callee its breaker cut off, even for an operation never seen before', () => {
    const failing = Array.from({ length: 5 }, (_, i) => analyzeTrace(chain(100_000 + i * 1000, true)));
    const breaker = (callee: string) =>
      analyzeTrace([
        span({
          traceId: tid(),
          service: 'gateway',
          name: 'job sync',
          start: 150_000,
          end: 150_002,
          status: 'error',
          errorText: `CallNotPermittedException: CircuitBreaker '${callee}' is OPEN and does not permit further calls`,
        }),
      ]);
    const out = attributeShortCircuits([...healthyBaseline, ...failing, breaker('issues')], baseline, incident);
    const moved = out[out.length - 1];
    expect(moved?.origins.get('gateway')).toBeCloseTo(0.3);
    expect((moved?.origins.get('app-db') ?? 0) + (moved?.origins.get('issues') ?? 0)).toBeCloseTo(0.7);
    // A breaker naming a callee that is healthy keeps the blame where it is.
    const healthy = Array.from({ length: 5 }, (_, i) => analyzeTrace(chain(100_000 + i * 1000, false)));
    const kept = attributeShortCircuits([...healthyBaseline, ...healthy, breaker('issues')], baseline, incident);
    expect([...(kept[kept.length - 1]?.origins ?? [])]).toEqual([['gateway', 1]]);
  });

  it('needs a learned operation: an operation never seen in the baseline keeps its blame', () => {
    const failing = Array.from({ length: 5 }, (_, i) => analyzeTrace(chain(100_000 + i * 1000, true)));
    const fast = analyzeTrace(fastFail(150_000, 'POST /other'));
    const out = attributeShortCircuits([...healthyBaseline, ...failing, fast], baseline, incident);
    expect([...(out[out.length - 1]?.origins ?? [])]).toEqual([['gateway', 1]]);
  });
});
