import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../../src/core/traces/analyze-trace.ts';
import { attributeNewEndpoints } from '../../../src/core/traces/attribute-new-endpoints.ts';
import { span } from '../../support/span.ts';

let n = 0;
function call(t: number, address: string, fails: boolean) {
  const traceId = (++n).toString(16).padStart(32, '0');
  const svc = span({ traceId, service: 'identity', start: t, end: t + 20, status: fails ? 'error' : 'unset' });
  const c = span({
    traceId,
    service: 'identity',
    kind: 'client',
    parentSpanId: svc.spanId,
    start: t + 1,
    end: t + 10,
    peer: 'fx',
    address,
    status: fails ? 'error' : 'unset',
  });
  return analyzeTrace([svc, c]);
}

describe('attributeNewEndpoints', () => {
  const baseline = { from: 0, to: 100 };
  const incident = { from: 100, to: 200 };
  const before = [
    call(1, 'fx.prod.internal', false),
    call(2, 'fx.prod.internal', false),
    call(3, 'fx.prod.internal', false),
  ];

  it('blames the caller for failures at an address it never used before', () => {
    const failing = call(150, 'fx.prdo.internal', true);
    expect(failing.origins.get('fx')).toBeCloseTo(0.6);
    const out = attributeNewEndpoints([...before, failing], baseline, incident);
    expect([...(out[3]?.origins ?? [])]).toEqual([['identity', 1]]);
  });

  it('leaves failures at the usual address with the dependency', () => {
    const failing = call(150, 'fx.prod.internal', true);
    const out = attributeNewEndpoints([...before, failing], baseline, incident);
    expect(out[3]).toBe(failing);
  });
});

describe('attributeNewEndpoints: a client timeout set too low', () => {
  const baseline = { from: 0, to: 100 };
  const incident = { from: 100, to: 200 };
  let k = 1000;
  function dbCall(t: number, dur: number, fails: boolean) {
    const traceId = (++k).toString(16).padStart(32, '0');
    const svc = span({ traceId, service: 'returns', start: t, end: t + 50, status: fails ? 'error' : 'unset' });
    const c = span({
      traceId,
      service: 'returns',
      kind: 'client',
      parentSpanId: svc.spanId,
      start: t + 1,
      end: t + 1 + dur,
      peer: 'returnsdb',
      status: fails ? 'error' : 'unset',
      errorText: fails ? 'timeout SqlException: Execution Timeout Expired' : undefined,
    });
    return analyzeTrace([svc, c]);
  }
  const before = [dbCall(1, 8, false), dbCall(2, 9, false), dbCall(3, 7, false), dbCall(4, 10, false)];

  it('blames the caller that gives up sooner than the dependency usually answers', () => {
    const failing = dbCall(150, 2, true);
    const out = attributeNewEndpoints([...before, failing], baseline, incident);
    expect([...(out[4]?.origins ?? [])]).toEqual([['returns', 1]]);
  });

  it('leaves a timeout behind a dependency that hangs with the dependency', () => {
    const failing = dbCall(150, 3000, true);
    const out = attributeNewEndpoints([...before, failing], baseline, incident);
    expect(out[4]?.origins.get('returnsdb')).toBeCloseTo(0.85);
  });
});
