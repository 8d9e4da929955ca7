import type { Evidence } from '../../model/evidence.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { sharePoints } from '../share-points.ts';
import type { ServiceLogSignals } from './log-signals.ts';

/**
 * Logs: which services started logging something new (a template absent from the baseline) or
 * much more of something (a surging template), weighted by level. Lines that name another
 * service or say they pass a failure on weigh less here (the blame-chain rule follows them).
 */
export function logPatternsRule(options: RankOptions, signals: ReadonlyMap<string, ServiceLogSignals>): RuleFinding[] {
  const amounts = new Map<string, number>();
  // What lines said of other services is theirs (the blame-chain rule credits it): it counts in
  // the whole the points are shared from, so relayed lines cannot make their sender the sole owner.
  let relayed = 0;
  for (const [service, sig] of signals) {
    amounts.set(
      service,
      sig.novel.reduce((s, n) => s + n.weight, 0),
    );
    relayed += sig.novel.reduce((s, n) => s + n.discounted, 0);
  }
  const out: RuleFinding[] = [];
  for (const [service, { points, share }] of sharePoints(amounts, options.points.logPatterns, 10, relayed)) {
    const sig = signals.get(service);
    if (!sig) continue;
    const evidence: Evidence[] = [];
    const parts: string[] = [];
    for (const n of sig.novel.slice(0, 3)) {
      const p = n.pattern;
      const what = n.isNew ? 'new' : `×${formatNumber((p.incident + 1) / (n.expected + 1))}`;
      parts.push(`${what} "${clip(p.template, 90)}" (${formatNumber(p.incident)})`);
      evidence.push({
        id: `logs:pattern:${service}:${p.templateId}`,
        source: 'logs',
        kind: n.isNew ? 'new-pattern' : 'surging-pattern',
        service,
        summary: `${service} logs ${n.isNew ? 'a new' : 'a surging'} ${p.level ?? 'info'} pattern: "${clip(p.template, 160)}" — ${formatNumber(p.incident)} lines in the incident window, ${formatNumber(p.baseline)} in the baseline`,
        stance: 'supports',
        data: { templateId: p.templateId, incident: p.incident, baseline: p.baseline, level: p.level ?? null },
        examples: [clip(p.example, 500)],
        ...(p.exampleTraceId ? { traceIds: [p.exampleTraceId] } : {}),
      });
    }
    out.push({
      rule: 'log-patterns',
      service,
      points,
      text: parts.join('; '),
      facts: {
        patternShare: share,
        resourceWeight: sig.resourceWeight,
        connectionWeight: sig.connectionWeight,
        lifecycleShare: sig.lifecycleShare,
      },
      evidence,
    });
  }
  return out;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
