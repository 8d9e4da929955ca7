import type { Alert } from '../../model/alert.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';

const LATENCY = /latenc|slow|p9\d|duration|response.?time|timeout|apdex/i;
const RESOURCE = /memory|oom|cpu|throttl|disk|saturat|heap|gc|connection.?pool|thread/i;

/** What an alert measures, read from its name, summary and description. */
export function alertSignal(a: Alert): 'latency' | 'resource_exhaustion' | 'error_code' {
  const what = `${a.name} ${a.annotations.summary ?? ''} ${a.annotations.description ?? ''}`;
  return LATENCY.test(what) ? 'latency' : RESOURCE.test(what) ? 'resource_exhaustion' : 'error_code';
}

/**
 * The alerted service: a symptom for sure, sometimes also the cause; a small prior, and the
 * lead when nothing else shows an anomaly. What the alert measures (latency, resources,
 * errors) hints at the kind.
 */
export function alertRule(alerts: readonly Alert[], options: RankOptions): RuleFinding[] {
  const out: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const a of alerts) {
    if (a.status !== 'firing' || !a.service || seen.has(a.service)) continue;
    seen.add(a.service);
    const signal = alertSignal(a);
    const text = `named by the alert ${a.name}`;
    out.push({
      rule: 'alert',
      service: a.service,
      points: options.points.alerted,
      text,
      facts: { alertSignal: signal },
      evidence: [
        {
          id: `alert:${a.fingerprint}`,
          source: 'alert',
          kind: 'alert',
          service: a.service,
          summary: `${a.name} firing on ${a.service}${a.annotations.summary ? `: ${a.annotations.summary}` : ''}`,
          stance: 'supports',
          data: { startsAt: new Date(a.startsAt).toISOString() },
          ...(a.generatorUrl ? { link: a.generatorUrl } : {}),
        },
      ],
    });
  }
  return out;
}
