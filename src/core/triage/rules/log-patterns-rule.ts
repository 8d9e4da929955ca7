import type { Evidence } from '../../model/evidence.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { sharePoints } from '../share-points.ts';
import type { ServiceLogSignals } from './log-signals.ts';

/** Of a pattern's volume discounted for naming another service, this much is credited to the service named. */
const MENTION_CREDIT = 0.5;

/**
 * Logs: which services started logging something new (a template absent from the baseline) or
 * much more of something (a surging template), weighted by level. A line that names another
 * known service credits part of its weight to that service.
 */
export function logPatternsRule(options: RankOptions, signals: ReadonlyMap<string, ServiceLogSignals>): RuleFinding[] {
  const amounts = new Map<string, number>();
  const credited = new Map<string, { from: string; weight: number }[]>();
  for (const [service, sig] of signals) {
    let own = 0;
    for (const n of sig.novel) {
      own += n.weight;
      if (n.mentions.length === 0) continue;
      const per = (n.discounted * MENTION_CREDIT) / n.mentions.length;
      for (const m of n.mentions) {
        amounts.set(m, (amounts.get(m) ?? 0) + per);
        const list = credited.get(m) ?? [];
        list.push({ from: service, weight: per });
        credited.set(m, list);
      }
    }
    amounts.set(service, (amounts.get(service) ?? 0) + own);
  }
  const out: RuleFinding[] = [];
  for (const [service, { points, share }] of sharePoints(amounts, options.points.logPatterns, 10)) {
    const sig = signals.get(service);
    const evidence: Evidence[] = [];
    const parts: string[] = [];
    for (const n of (sig?.novel ?? []).slice(0, 3)) {
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
    const from = credited.get(service);
    if (from && from.length > 0) {
      const names = [...new Set(from.sort((a, b) => b.weight - a.weight).map((c) => c.from))].slice(0, 3);
      parts.push(`named in new error lines of ${names.join(', ')}`);
      evidence.push({
        id: `logs:mentioned-by:${service}`,
        source: 'logs',
        kind: 'mentioned',
        service,
        summary: `${service} is named in new error lines of ${names.join(', ')}`,
        stance: 'supports',
        data: { services: names.join(',') },
      });
    }
    if (parts.length === 0) continue;
    out.push({
      rule: 'log-patterns',
      service,
      points,
      text: parts.join('; '),
      facts: {
        patternShare: share,
        resourceWeight: sig?.resourceWeight ?? 0,
        connectionWeight: sig?.connectionWeight ?? 0,
      },
      evidence,
    });
  }
  return out;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
