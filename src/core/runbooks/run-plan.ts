import type { ParamValues } from './param-value.ts';
import type { RenderedStep } from './rendered-step.ts';

/** A runbook rendered for one incident: resolved parameters and every step exactly as it would run. */
export type RunPlan = {
  readonly runbookId: string;
  readonly title: string;
  readonly params: ParamValues;
  /** Where each parameter came from (`given`, `default`, `alert.labels.namespace` …). */
  readonly paramSources: Readonly<Record<string, string>>;
  readonly steps: readonly RenderedStep[];
};
