import type { EvalCase } from '../core/eval/eval-case.ts';
import { rankOf } from '../core/eval/rank-of.ts';
import type { IncidentCase } from '../core/incident-case.ts';
import type { Truth } from '../core/model/truth.ts';
import type { Ranker } from '../core/triage/ranker.ts';
import { investigateCase } from './investigate-case.ts';
import type { InvestigateOptions } from './investigate-options.ts';

export type EvaluateDeps = {
  readonly options: InvestigateOptions;
  readonly rank?: Ranker;
  /** Monotonic milliseconds (the clock is an input). */
  readonly now: () => number;
};

/** Triages one opened bundle and scores it against its truth. */
export async function evaluateBundle(
  deps: EvaluateDeps,
  bundle: IncidentCase,
  truth: Truth,
  openedAt: number,
): Promise<EvalCase> {
  const report = await investigateCase(bundle, {
    options: deps.options,
    ...(deps.rank ? { rank: deps.rank } : {}),
  });
  const ms = deps.now() - openedAt;
  const invalid = Object.values(report.sources).find((s) => s.state === 'failed' && s.code === 'INPUT_INVALID');
  // Any other failed source is scored (the triage went on without it) but reported, so an
  // engine error cannot hide behind a lower score.
  const gap = Object.entries(report.sources).find(([, s]) => s.state === 'failed');
  const top = report.hypotheses.slice(0, 5).map((h) => ({
    service: h.service,
    kind: h.kind,
    ...(h.changeId ? { changeId: h.changeId } : {}),
    score: h.score,
    ...(h.probability !== undefined ? { probability: h.probability } : {}),
    rules: pointsByRule(h.reasons),
  }));
  return {
    id: bundle.id,
    truth,
    rank: invalid
      ? null
      : rankOf(
          report.hypotheses.map((h) => h.service),
          truth.service,
        ),
    top: invalid ? [] : top,
    ms: Math.round(ms * 10) / 10,
    ...(gap && gap[1].state === 'failed' ? { error: `${gap[0]} ${gap[1].code}: ${gap[1].detail}` } : {}),
  };
}

function pointsByRule(reasons: readonly { readonly rule: string; readonly points: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of reasons) if (r.points !== 0) out[r.rule] = Math.round(((out[r.rule] ?? 0) + r.points) * 100) / 100;
  return out;
}
