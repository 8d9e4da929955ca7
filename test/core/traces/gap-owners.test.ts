import { describe, expect, it } from 'vitest';
import { gapOwners } from '../../../src/core/traces/gap-owners.ts';
import type { GapFact, TraceFacts } from '../../../src/core/traces/trace-facts.ts';

const BASELINE = { from: 0, to: 600_000 };
const INCIDENT = { from: 600_000, to: 900_000 };

/** A successful trace at `start` whose only facts are its call gaps. */
function trace(start: number, gaps: readonly Omit<GapFact, 'operation' | 'start'>[]): TraceFacts {
  return {
    traceId: `t${start}`,
    start,
    failing: false,
    origins: new Map(),
    originEntries: [],
    originCertainty: 1,
    peerOrigins: [],
    entries: [],
    selfTime: new Map(),
    gaps: gaps.map((g) => ({ ...g, operation: 'op', start })),
    operationSelfTime: new Map(),
    requests: [],
    calls: [],
    services: new Set(),
  };
}

/**
 * A front end calls cart, currency and recommendation; recommendation calls catalog. `slow`
 * names the edges whose gaps take 40 ms more in the incident.
 */
function shop(slow: ReadonlySet<string>): TraceFacts[] {
  const out: TraceFacts[] = [];
  for (let k = 0; k < 40; k++) {
    const incident = k >= 20;
    const start = incident ? 600_000 + k * 1000 : k * 1000;
    const ms = (edge: string) => 1 + (k % 3) * 0.2 + (incident && slow.has(edge) ? 40 : 0);
    out.push(
      trace(start, [
        { from: 'frontend', to: 'cart', ms: ms('frontend>cart') },
        { from: 'frontend', to: 'currency', ms: ms('frontend>currency') },
        { from: 'frontend', to: 'recommendation', ms: ms('frontend>recommendation') },
        { from: 'recommendation', to: 'catalog', ms: ms('recommendation>catalog') },
      ]),
    );
  }
  return out;
}

describe('gap owners', () => {
  it("a delay on one service's network (its calls in and out slow, the caller's other calls steady) is the service's", () => {
    const owners = gapOwners(shop(new Set(['frontend>recommendation', 'recommendation>catalog'])), BASELINE, INCIDENT);
    expect(owners.of('frontend', 'recommendation', false)).toEqual({ callerShare: 0, grew: true });
  });

  it("one slow edge whose caller's other calls kept their pace is the callee's", () => {
    const owners = gapOwners(shop(new Set(['frontend>cart'])), BASELINE, INCIDENT);
    expect(owners.of('frontend', 'cart', false)).toEqual({ callerShare: 0, grew: true });
    expect(owners.of('frontend', 'currency', false)).toEqual({ callerShare: 1, grew: false });
  });

  it("every call out of one service slowing is the caller's", () => {
    const owners = gapOwners(
      shop(new Set(['frontend>cart', 'frontend>currency', 'frontend>recommendation'])),
      BASELINE,
      INCIDENT,
    );
    expect(owners.of('frontend', 'cart', false).callerShare).toBe(1);
  });

  it('one edge between two services with nothing else measured is split', () => {
    const only = shop(new Set(['frontend>cart'])).map((t) => ({ ...t, gaps: t.gaps.slice(0, 1) }));
    expect(gapOwners(only, BASELINE, INCIDENT).of('frontend', 'cart', false)).toEqual({ callerShare: 0.5, grew: true });
  });
});
