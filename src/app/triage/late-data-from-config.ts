import type { Config } from '../../core/config/config-schema.ts';
import type { LateData, Later } from './late-data.ts';

/** `triage.lateData` in milliseconds, with where the re-triages wait. */
export function lateDataFromConfig(config: Readonly<Config>, later: Later): LateData {
  const l = config.triage.lateData;
  return { minGapMs: l.minGapSeconds * 1000, afterMs: l.retriageAfterSeconds.map((s) => s * 1000), later };
}
