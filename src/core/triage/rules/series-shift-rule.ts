import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { sharePoints } from '../share-points.ts';
import type { ServiceLogSignals } from './log-signals.ts';

/** How much of an inherited step stays with the service that shows it. */
const INHERITED = 0.3;

/**
 * Time series: which services' errors or latency stepped up most clearly at the onset (the
 * change-point statistic the onset was found with). Weak evidence — a caller's latency steps up
 * with its callee's — that matters when traces and logs are too sparse to say more.
 */
export function seriesShiftRule(
  f: TriageFeatures,
  options: RankOptions,
  signals?: ReadonlyMap<string, ServiceLogSignals>,
): RuleFinding[] {
  const amounts = new Map<string, number>();
  const what = new Map<string, string[]>();
  let unowned = 0;
  const t = new Map(f.windows.shifts.map((x) => [`${x.service}\u0000${x.metric}`, x.t]));
  const callees = new Map<string, Set<string>>();
  for (const e of f.edges) callees.set(e.from, (callees.get(e.from) ?? new Set()).add(e.to));
  for (const s of f.windows.shifts) {
    if (s.metric === 'volume') continue;
    // A caller's latency or errors step up with its callee's: a shift its callee shows at least
    // half as clearly is mostly inherited.
    // So is an error step whose new error lines mostly name another service ("failed to call fx").
    const fromCallee = [...(callees.get(s.service) ?? [])].some(
      (c) => (t.get(`${c}\u0000${s.metric}`) ?? 0) >= 0.5 * s.t,
    );
    const relayed = s.metric === 'errors' && (signals?.get(s.service)?.mentionShare ?? 0) >= 0.5;
    const inherited = fromCallee || relayed;
    const amount = Math.min(s.t, 20);
    amounts.set(s.service, (amounts.get(s.service) ?? 0) + amount * (inherited ? INHERITED : 1));
    // What a relay's step loses goes to no one here (the service it names may show no step at
    // all); a step inherited from a callee with its own step leaves its share with the rest.
    if (relayed) unowned += amount * (1 - INHERITED);
    what.set(s.service, [...(what.get(s.service) ?? []), `${s.metric} (t = ${formatNumber(s.t)})`]);
  }
  const out: RuleFinding[] = [];
  for (const [service, { points }] of sharePoints(amounts, options.points.seriesShift, undefined, unowned)) {
    const text = `its ${(what.get(service) ?? []).join(' and ')} stepped up at the onset`;
    out.push({
      rule: 'series-shift',
      service,
      points,
      text,
      evidence: [
        {
          id: `series:shift:${service}`,
          source: f.services.get(service)?.traced ? 'traces' : 'logs',
          kind: 'series-shift',
          service,
          summary: `${service}: ${text}`,
          stance: 'supports',
          data: { shifts: (what.get(service) ?? []).join(', ') },
        },
      ],
    });
  }
  return out;
}
