import { openBundle } from '../../src/adapters/files/open-bundle.ts';
import { investigateCase } from '../../src/app/investigate-case.ts';
import { investigateOptionsFromConfig } from '../../src/app/investigate-options-from-config.ts';
import { configSchema } from '../../src/core/config/config-schema.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';

/** Triages a bundle folder with the file sources and the default configuration, as `causeway triage --bundle` does. */
export async function triageBundle(dir: string): Promise<TriageReport> {
  const config = configSchema.parse({});
  const opened = await openBundle(dir, config.triage.serviceLabels, config.sources.maxLineBytes);
  if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`);
  const b = opened.value;
  return investigateCase(b, { options: investigateOptionsFromConfig(config) });
}
