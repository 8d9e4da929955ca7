import type { Alert } from '../model/alert.ts';
import type { Hypothesis } from '../model/hypothesis.ts';
import type { TriageFeatures } from '../telemetry/triage-features.ts';
import type { RankOptions } from './rank-options.ts';

/** Turns features into ranked hypotheses: the engine, or a baseline it is measured against. */
export type Ranker = (f: TriageFeatures, alerts: readonly Alert[], options: RankOptions) => Hypothesis[];
