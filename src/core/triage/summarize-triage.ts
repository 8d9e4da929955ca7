import type { Hypothesis } from '../model/hypothesis.ts';

const KIND_WORDS: Readonly<Record<Hypothesis['kind'], string>> = {
  deploy: 'a deploy',
  config: 'a config change',
  dependency_down: 'a dependency that is down',
  latency: 'a slowdown',
  resource_exhaustion: 'resource exhaustion',
  traffic_surge: 'a traffic surge',
  error_code: 'errors in the service itself',
};

/** One line for a person: the most likely cause, how sure, and its strongest reason. */
export function summarizeTriage(
  hypotheses: readonly Hypothesis[],
  confidence: 'high' | 'medium' | 'low' | 'none',
): string {
  const top = hypotheses[0];
  if (!top) return 'No confident cause: no service shows an anomaly against its baseline.';
  const cause = `${KIND_WORDS[top.kind]} in ${top.service}${top.changeId ? ` (${top.changeId})` : ''}`;
  const why = top.reasons[0]?.text;
  const p =
    top.probability !== undefined ? `, p ≈ ${Math.min(99, Math.max(1, Math.round(top.probability * 100)))}%` : '';
  if (confidence === 'none') {
    return `No confident cause (the evidence is weak${p}); the strongest lead is ${cause}${why ? ` — ${why}` : ''}.`;
  }
  const lead = confidence === 'low' ? 'Weak lead' : confidence === 'medium' ? 'Likely' : 'Most likely';
  return `${lead} (${confidence} confidence${p}): ${cause}${why ? ` — ${why}` : ''}.`;
}
