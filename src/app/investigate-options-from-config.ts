import type { Config } from '../core/config/config-schema.ts';
import { DEFAULT_INVESTIGATE_OPTIONS, type InvestigateOptions } from './investigate-options.ts';

/** The triage knobs that the configuration sets. */
export function investigateOptionsFromConfig(config: Config): InvestigateOptions {
  const t = config.triage;
  return {
    ...DEFAULT_INVESTIGATE_OPTIONS,
    graceMs: t.graceSeconds * 1000,
    lookbackMs: t.lookbackMinutes * 60_000,
    bucketMs: t.bucketSeconds * 1000,
    sourceTimeoutMs: t.sourceTimeoutSeconds * 1000,
    rank: { ...DEFAULT_INVESTIGATE_OPTIONS.rank, changeLookbackMs: t.changeLookbackMinutes * 60_000 },
  };
}
