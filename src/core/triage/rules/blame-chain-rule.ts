import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { sharePoints } from '../share-points.ts';
import type { ServiceLogSignals } from './log-signals.ts';

/**
 * Logs: follow who blames whom. A service's new error lines that name another service ("request
 * to identity failed", "error from fulfillment-api: …") point at it; a service that is named
 * but itself mostly blames others is a relay, not the end of the chain. The end of the chain —
 * named by new error lines of others, blaming nobody itself — collects the points, more when
 * several services name it. Works with logs alone (no traces).
 */
export function blameChainRule(options: RankOptions, signals: ReadonlyMap<string, ServiceLogSignals>): RuleFinding[] {
  const incoming = new Map<string, Map<string, number>>();
  const blamesOthers = new Map<string, number>();
  const ownErrors = new Map<string, number>();
  for (const [service, sig] of signals) {
    for (const n of sig.novel) {
      if (n.pattern.level !== 'error' && n.pattern.level !== 'fatal' && n.pattern.level !== 'warn') continue;
      if (n.mentions.length === 0 || n.discounted <= 0) {
        ownErrors.set(service, (ownErrors.get(service) ?? 0) + n.excess);
        continue;
      }
      blamesOthers.set(service, (blamesOthers.get(service) ?? 0) + n.excess);
      // "error from A: … B refused": the last name is the deepest.
      const target = n.mentions[n.mentions.length - 1] as string;
      const from = incoming.get(target) ?? new Map<string, number>();
      from.set(service, (from.get(service) ?? 0) + n.excess);
      incoming.set(target, from);
    }
  }
  const amounts = new Map<string, number>();
  for (const [target, from] of incoming) {
    const relayed = blamesOthers.get(target) ?? 0;
    const relayShare = relayed / (relayed + (ownErrors.get(target) ?? 0) + 1);
    let lines = 0;
    for (const v of from.values()) lines += v;
    amounts.set(target, lines * Math.sqrt(from.size) * (1 - relayShare));
  }
  const out: RuleFinding[] = [];
  for (const [service, { points }] of sharePoints(amounts, options.points.blameChain, 10)) {
    const from = incoming.get(service) as Map<string, number>;
    const names = [...from].sort((a, b) => b[1] - a[1]).map(([n]) => n);
    let lines = 0;
    for (const v of from.values()) lines += v;
    const text = `named as the failing party in ${formatNumber(lines)} new error lines of ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''}`;
    out.push({
      rule: 'blame-chain',
      service,
      points,
      text,
      facts: { blamedBy: names.length },
      evidence: [
        {
          id: `logs:blamed-by:${service}`,
          source: 'logs',
          kind: 'blamed-by',
          service,
          summary: `${service}: ${text}`,
          stance: 'supports',
          data: { services: names.join(','), lines: Math.round(lines) },
        },
      ],
    });
  }
  return out;
}
