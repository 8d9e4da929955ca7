import { SATURATION_WORDS } from '../../logs/fault-words.ts';
import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { countExcess } from '../count-excess.ts';
import { coveredMs } from '../covered-ms.ts';
import { formatNumber } from '../format-number.ts';
import type { ServiceLogSignals } from './log-signals.ts';

/** 0..1: how much a service shows overload of its own (self time up, own failures up, words of slowness). */
export function saturationOf(
  f: TriageFeatures,
  service: string,
  signals: ReadonlyMap<string, ServiceLogSignals>,
): { saturation: number; signs: string[]; slow: boolean } {
  const s = f.services.get(service);
  const signs: string[] = [];
  let score = 0;
  let slow = false;
  if (s) {
    const b = s.baseline.selfTime;
    const i = s.incident.selfTime;
    if (b.n >= 5 && i.n >= 3 && i.mean >= 1.5 * b.mean && i.mean - b.mean >= 5) {
      score += 0.5;
      slow = true;
      signs.push(`its own time per request ×${formatNumber(i.mean / Math.max(b.mean, 0.1))}`);
    }
    const own = countExcess(
      s.baseline.originErrors,
      coveredMs(f.windows, 'baseline', 'traces'),
      s.incident.originErrors,
      coveredMs(f.windows, 'incident', 'traces'),
    );
    if (own.excess >= 3 && own.z >= 2.5) {
      score += 0.5;
      signs.push(`${formatNumber(own.observed)} failures of its own`);
    }
  }
  let slowLines = 0;
  for (const n of signals.get(service)?.novel ?? []) {
    if (n.echoes.length === 0 && SATURATION_WORDS.test(n.pattern.template)) slowLines += n.excess;
  }
  if (slowLines >= 3) {
    score += Math.min(0.6, slowLines / 20);
    slow = true;
    signs.push(`${formatNumber(slowLines)} new lines saying it is slow or shedding load`);
  }
  return { saturation: Math.min(1, score), signs, slow };
}
