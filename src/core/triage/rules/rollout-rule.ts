import { compareRollout, type RolloutComparison } from '../../metrics/compare-rollout.ts';
import { SIGNAL_WORDS } from '../../metrics/signal-words.ts';
import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';

/** At this effect (log2 of how much worse: 8×) the new pods count fully. */
const FULL_EFFECT = 3;
/** Below this (2×) the new pods are not called worse. */
const MIN_EFFECT = 1;

/**
 * Canary analysis of the rollouts around the onset: where a change replaced pods, its new pods
 * are compared with its old pods over the same minutes (see compare-rollout). New pods clearly
 * worse than every old one are the change's own anomaly — with several rollouts at once, the one
 * whose new pods differ. New pods that look like the old ones refute the change, with no points.
 */
export function rolloutRule(f: TriageFeatures, options: RankOptions): RuleFinding[] {
  if (!f.metrics || f.metrics.length === 0) return [];
  const { onset, horizon } = f.windows;
  const out: RuleFinding[] = [];
  for (const c of f.changes) {
    if (c.startedAt > horizon || c.startedAt < onset - options.changeLookbackMs) continue;
    const found = compareRollout(c, f.metrics, { from: c.startedAt, to: horizon });
    if (found.length === 0) continue;
    const worse = found.filter((x) => x.effect >= MIN_EFFECT).sort((a, b) => b.effect - a.effect);
    const top = worse[0];
    const version = c.version ? ` (${c.version})` : '';
    if (!top) {
      out.push({
        rule: 'rollout',
        service: c.service,
        points: 0,
        text: `the new pods of ${c.service}${version} look like the old ones (${found.map((x) => SIGNAL_WORDS[x.signal]).join(', ')})`,
        facts: { changeId: c.id },
        evidence: [
          evidence(
            found[0] as RolloutComparison,
            'refutes',
            `the new pods of ${c.service}${version} look like the old ones`,
          ),
        ],
      });
      continue;
    }
    const strength = Math.min(1, top.effect / FULL_EFFECT);
    const text = describe(top);
    out.push({
      rule: 'rollout',
      service: c.service,
      points: options.points.rollout * strength,
      text,
      facts: { changeId: c.id, rolloutEffect: Math.round(top.effect * 10) / 10 },
      evidence: worse.slice(0, 3).map((x) => evidence(x, 'supports', describe(x))),
    });
  }
  return out;
}

/** "new pods of checkout (v2) show errors 0.4/s vs 0.01/s on the old pods over the same 4 minutes". */
function describe(x: RolloutComparison): string {
  const c = x.change;
  const unit = /_total$/.test(x.metric) ? '/s' : x.signal === 'availability' && x.newLevel > 1 ? '%' : '';
  const old = c.previousVersion ? ` (${c.previousVersion})` : '';
  const when = `over the same ${x.minutes === 1 ? 'minute' : `${x.minutes} minutes`}`;
  return (
    `the new pods of ${c.service}${c.version ? ` (${c.version})` : ''} show ${SIGNAL_WORDS[x.signal]} ` +
    `${formatNumber(x.newLevel)}${unit} vs ${formatNumber(x.oldLevel)}${unit} on the old pods${old} ${when} ` +
    `(${x.metric}; ${x.cohorts.newPods.size} new, ${x.cohorts.oldPods.size} old, told apart by ${x.cohorts.by})`
  );
}

function evidence(x: RolloutComparison, stance: 'supports' | 'refutes', summary: string) {
  return {
    id: `metrics:rollout:${x.change.id}:${x.metric}`,
    source: 'metrics' as const,
    kind: 'rollout-canary',
    service: x.change.service,
    summary: `${x.change.service}: ${summary}`,
    stance,
    changeId: x.change.id,
    data: {
      metric: x.metric,
      newLevel: Math.round(x.newLevel * 1e4) / 1e4,
      oldLevel: Math.round(x.oldLevel * 1e4) / 1e4,
      newPods: x.cohorts.newPods.size,
      oldPods: x.cohorts.oldPods.size,
      toldApartBy: x.cohorts.by,
    },
  };
}
