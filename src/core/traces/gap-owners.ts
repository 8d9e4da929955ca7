import type { TimeWindow } from '../model/time-window.ts';
import { exceedancePValue } from '../stats/exceedance-p-value.ts';
import { summarize } from '../stats/summarize.ts';
import type { TraceFacts } from './trace-facts.ts';

/** Whose a call edge's gap time is: the caller's share, and whether the edge's gaps grew. */
export type GapOwners = {
  /**
   * `callerShare` is 1 for a call to a service unless the edge's gaps grew, 0 for a call to an
   * uninstrumented dependency unless its calls grew with the caller's others.
   */
  of(from: string, to: string, leaf: boolean): { readonly callerShare: number; readonly grew: boolean };
};

const MIN_BASELINE = 5;
const MIN_INCIDENT = 2;
const MIN_RISE_MS = 10;
const MAX_P_VALUE = 0.05;

/**
 * Whose is the time a call spends outside its callee's span? Normally the caller's (its client
 * library, its connection pool, its side of the network), and all of a call to an
 * uninstrumented dependency the dependency's. When it grows, the services that share the calls
 * that grew tell: calls into one service from several callers slowing before its spans start
 * (its network, its accept queues) point at it, and so do its own outgoing calls slowing the
 * same way (its network is slow both ways, or it stalls while it waits); calls out of one
 * service to several callees point at the caller. One edge alone between two services is split.
 */
export function gapOwners(facts: readonly TraceFacts[], baseline: TimeWindow, incident: TimeWindow): GapOwners {
  const edges = new Map<string, { from: string; to: string; b: number[]; i: number[] }>();
  for (const f of facts) {
    // By the trace's start, as the self times are windowed; failing traces left out (retries and
    // backoff inside a failing call are no slower network).
    const w =
      f.start >= incident.from && f.start < incident.to
        ? 'i'
        : f.start >= baseline.from && f.start < baseline.to
          ? 'b'
          : undefined;
    if (!w || f.failing) continue;
    for (const g of f.gaps) {
      const key = `${g.from}\u0000${g.to}`;
      let e = edges.get(key);
      if (!e) {
        e = { from: g.from, to: g.to, b: [], i: [] };
        edges.set(key, e);
      }
      e[w].push(g.ms);
    }
  }
  const rising = new Set<string>();
  const degree = new Map<string, number>();
  // Edges with enough calls in both windows whose gaps held steady: a service whose other calls
  // kept their pace is not where the time went (its network and its waiting are fine).
  const steady = new Map<string, number>();
  for (const [key, e] of edges) {
    if (!grew(e.b, e.i)) {
      if (e.b.length >= MIN_BASELINE && e.i.length >= MIN_BASELINE) {
        steady.set(e.from, (steady.get(e.from) ?? 0) + 1);
        steady.set(e.to, (steady.get(e.to) ?? 0) + 1);
      }
      continue;
    }
    rising.add(key);
    degree.set(e.from, (degree.get(e.from) ?? 0) + 1);
    degree.set(e.to, (degree.get(e.to) ?? 0) + 1);
  }
  /** The share of a service's measured call edges whose gaps grew. */
  const risingShare = (svc: string) => {
    const r = degree.get(svc) ?? 0;
    return r / (r + (steady.get(svc) ?? 0));
  };
  return {
    of(from, to, leaf) {
      if (!rising.has(`${from}\u0000${to}`)) return { callerShare: leaf ? 0 : 1, grew: false };
      const a = degree.get(from) ?? 0;
      const b = degree.get(to) ?? 0;
      if (leaf) return { callerShare: a > b ? 1 : 0, grew: true };
      // The side more of whose calls slowed owns it: a caller whose other calls kept their pace
      // waits on the callee's network (a delay on one service's interface slows all its calls,
      // and only them); with nothing to tell them apart, one edge alone is split.
      const ra = risingShare(from);
      const rb = risingShare(to);
      const callerShare = a > b ? 1 : a < b ? 0 : ra > rb ? 1 : ra < rb ? 0 : 0.5;
      return { callerShare, grew: true };
    },
  };
}

/** The incident's gaps are clearly longer: a mean at least doubled and 10 ms more, too many above the baseline's p90 or p99 to be chance. */
function grew(b: readonly number[], i: readonly number[]): boolean {
  if (b.length < MIN_BASELINE || i.length < MIN_INCIDENT) return false;
  const bs = summarize(b);
  const is = summarize(i);
  if (is.mean - bs.mean < MIN_RISE_MS || is.mean < 2 * bs.mean) return false;
  const over90 = i.filter((v) => v > bs.p90).length;
  const over99 = i.filter((v) => v > bs.p99).length;
  return exceedancePValue(over90, over99, i.length, b.length) <= MAX_P_VALUE;
}
