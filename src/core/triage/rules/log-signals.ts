import type { LogPatternStats } from '../../telemetry/log-pattern-stats.ts';
import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { countExcess } from '../count-excess.ts';
import { CONNECTION_WORDS, RESOURCE_WORDS } from '../fault-words.ts';
import { levelWeight } from '../level-weight.ts';
import { createNameMatcher } from '../name-matcher.ts';
import { windowMs } from '../window-ms.ts';

/** A log template that is new or surging in the incident window. */
export type NovelPattern = {
  readonly pattern: LogPatternStats;
  readonly expected: number;
  readonly excess: number;
  readonly isNew: boolean;
  /** Excess × level weight × (a discount when it names another service). */
  readonly weight: number;
  /** What the discount took away (credited to the services named). */
  readonly discounted: number;
  readonly mentions: readonly string[];
};

export type ServiceLogSignals = {
  readonly novel: readonly NovelPattern[];
  /** Share of the service's novel error volume that names another known service. */
  readonly mentionShare: number;
  readonly resourceWeight: number;
  readonly connectionWeight: number;
};

const MENTION_DISCOUNT = 0.3;

/** Per service: the new and surging log templates, what they mention, and fault words in them. */
export function logSignals(f: TriageFeatures): Map<string, ServiceLogSignals> {
  const bMs = windowMs(f.windows.baseline);
  const iMs = windowMs(f.windows.incident);
  const matcher = createNameMatcher([...f.services.keys(), ...new Set(f.changes.map((c) => c.service))]);
  const byService = new Map<string, NovelPattern[]>();
  for (const p of f.patterns) {
    const e = countExcess(p.baseline, bMs, p.incident, iMs);
    const isNew = p.baseline === 0 && p.incident >= 3;
    const surging = e.ratio >= 4 && e.z >= 3 && p.incident >= 5;
    if (!isNew && !surging) continue;
    const mentions = matcher.mentions(`${p.template} ${p.example}`, p.service);
    const full = e.excess * levelWeight(p.level);
    const weight = full * (mentions.length > 0 ? MENTION_DISCOUNT : 1);
    const list = byService.get(p.service) ?? [];
    list.push({
      pattern: p,
      expected: e.expected,
      excess: e.excess,
      isNew,
      weight,
      discounted: full - weight,
      mentions,
    });
    byService.set(p.service, list);
  }
  const out = new Map<string, ServiceLogSignals>();
  for (const [service, novel] of byService) {
    novel.sort((a, b) => b.weight - a.weight || a.pattern.templateId - b.pattern.templateId);
    let errVol = 0;
    let mentionVol = 0;
    let resource = 0;
    let connection = 0;
    for (const n of novel) {
      const lw = levelWeight(n.pattern.level);
      const text = `${n.pattern.template} ${n.pattern.errorType ?? ''}`;
      if (lw >= 0.6) {
        errVol += n.excess;
        if (n.mentions.length > 0) mentionVol += n.excess;
        if (RESOURCE_WORDS.test(text)) resource += n.excess * lw;
        if (CONNECTION_WORDS.test(text)) connection += n.excess * lw;
      }
    }
    out.set(service, {
      novel,
      mentionShare: errVol > 0 ? mentionVol / errVol : 0,
      resourceWeight: resource,
      connectionWeight: connection,
    });
  }
  return out;
}
