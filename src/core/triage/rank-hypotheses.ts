import type { Alert } from '../model/alert.ts';
import type { Evidence } from '../model/evidence.ts';
import type { Hypothesis } from '../model/hypothesis.ts';
import type { TriageFeatures } from '../telemetry/triage-features.ts';
import { byRank } from './by-rank.ts';
import { chooseKind } from './choose-kind.ts';
import { neighbourSurges } from './neighbour-surges.ts';
import { DEFAULT_RANK_OPTIONS, type RankOptions } from './rank-options.ts';
import type { RuleFinding } from './rule-finding.ts';
import { alertRule } from './rules/alert-rule.ts';
import { blameChainRule } from './rules/blame-chain-rule.ts';
import { callFanoutRule } from './rules/call-fanout-rule.ts';
import { calleeHealthRule } from './rules/callee-health-rule.ts';
import { changeRule } from './rules/change-rule.ts';
import { clientFaultRule } from './rules/client-fault-rule.ts';
import { errorLogsRule } from './rules/error-logs-rule.ts';
import { logPatternsRule } from './rules/log-patterns-rule.ts';
import { logSignals, type ServiceLogSignals } from './rules/log-signals.ts';
import { metricShiftRule } from './rules/metric-shift-rule.ts';
import { originErrorsRule } from './rules/origin-errors-rule.ts';
import { requestEndRule } from './rules/request-end-rule.ts';
import { rolloutRule } from './rules/rollout-rule.ts';
import { selfLatencyRule } from './rules/self-latency-rule.ts';
import { seriesShiftRule } from './rules/series-shift-rule.ts';
import { serviceDownRule } from './rules/service-down-rule.ts';
import { trafficRule } from './rules/traffic-rule.ts';
import { unreachableRule } from './rules/unreachable-rule.ts';

/**
 * The deterministic ranking: every rule scores every service from the features, a change rule
 * then credits changes on services that show their own anomaly, and each service becomes one
 * hypothesis whose score is the sum of its reasons. Same features, same ranking.
 */
export function rankHypotheses(
  f: TriageFeatures,
  alerts: readonly Alert[],
  options: RankOptions = DEFAULT_RANK_OPTIONS,
): Hypothesis[] {
  const signals = logSignals(f);
  const anomalyFindings: RuleFinding[] = [
    ...originErrorsRule(f, options, signals),
    ...selfLatencyRule(f, options),
    ...errorLogsRule(f, options, signals),
    ...logPatternsRule(options, signals),
    ...trafficRule(f, options, signals),
    ...serviceDownRule(f, options),
    ...calleeHealthRule(f, options),
    ...unreachableRule(f, options, signals),
    ...clientFaultRule(options, signals),
    ...blameChainRule(options, signals),
    ...callFanoutRule(f, options),
    ...seriesShiftRule(f, options, signals),
    ...metricShiftRule(f, options, alerts),
    ...requestEndRule(f, options),
    ...rolloutRule(f, options),
  ];
  // What makes a change fit: the service's own failures, slowness, new errors, or callers
  // failing against it — not load arriving, not a silence a restart can explain, and not the
  // start-up and shutdown lines of the rollout itself.
  const anomaly = new Map<string, number>();
  for (const x of anomalyFindings) {
    if (x.rule === 'traffic' || (x.rule === 'service-down' && !x.facts?.callersFail)) continue;
    // Lines saying the process started or stopped are what any rollout logs: not a fault it shows.
    const own = x.rule === 'log-patterns' ? 1 - Number(x.facts?.lifecycleShare ?? 0) : 1;
    anomaly.set(x.service, (anomaly.get(x.service) ?? 0) + x.points * own);
  }
  // The alert is itself an anomaly of the service it names (an SLO burning there), worth
  // half of what makes a change fit fully when nothing else shows one.
  const alertFindings = alertRule(alerts, options);
  for (const x of alertFindings)
    anomaly.set(x.service, (anomaly.get(x.service) ?? 0) + options.anomalyForFullChange / 2);
  const findings = [...anomalyFindings, ...changeRule(f, options, anomaly), ...alertFindings];

  const byService = new Map<string, RuleFinding[]>();
  for (const x of findings) {
    const list = byService.get(x.service) ?? [];
    list.push(x);
    byService.set(x.service, list);
  }
  const surges = neighbourSurges(f, findings);
  const scored: Omit<Hypothesis, 'id'>[] = [];
  for (const [service, list] of byService) {
    const score = list.reduce((s, x) => s + x.points, 0);
    // A service is a hypothesis when some rule found something there, for or against it, or
    // the alert names it: refuted suspects are listed, low, with why.
    const found = list.some((x) => x.points > 0 || x.evidence.some((e) => e.stance === 'refutes'));
    if (!found) continue;
    // Named only in logs or changes: a service if a change or a metric of its own names it, else a dependency.
    const role =
      f.services.get(service)?.role ??
      (f.changes.some((c) => c.service === service) || f.metrics?.some((m) => m.service === service)
        ? 'service'
        : 'dependency');
    const kind = chooseKind(role, list, faultTexts(f, signals, service), surges.get(service));
    const reasons = list
      .filter((x) => x.points > 0 || x.evidence.some((e) => e.stance === 'refutes'))
      .sort((a, b) => b.points - a.points)
      .map((x) => ({ rule: x.rule, points: round(x.points), text: x.text }));
    reasons.push({ rule: 'kind', points: 0, text: `kind ${kind.kind}: ${kind.why}` });
    const evidence: Evidence[] = list
      .slice()
      .sort((a, b) => b.points - a.points)
      .flatMap((x) => x.evidence);
    scored.push({
      service,
      kind: kind.kind,
      ...(kind.changeId ? { changeId: kind.changeId } : {}),
      score: round(score),
      evidence,
      reasons,
    });
  }
  scored.sort(byRank);
  return scored.slice(0, options.maxHypotheses).map((h, i) => ({ id: `h${i + 1}`, ...h }));
}

/** What failing calls to a service say, and the new error lines of others that name it last. */
function faultTexts(f: TriageFeatures, signals: ReadonlyMap<string, ServiceLogSignals>, service: string): string[] {
  const out = [...(f.services.get(service)?.errorTexts ?? [])];
  for (const sig of signals.values()) {
    for (const n of sig.novel) {
      if (n.mentions[n.mentions.length - 1] === service && n.weight < n.excess) out.push(n.pattern.example);
    }
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
