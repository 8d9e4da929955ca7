import type { AutonomyConfig } from './autonomy-config-schema.ts';
import type { AutonomySettings } from './autonomy-settings.ts';

/** The gates' settings from the validated `autonomy` configuration. */
export function autonomySettingsFromConfig(c: AutonomyConfig): AutonomySettings {
  return {
    enabled: c.enabled,
    minIncidents: c.minIncidents,
    minAgreement: c.minAgreement,
    minProbability: c.minProbability,
    maxRunsPerServicePerHour: c.maxRunsPerServicePerHour,
    countdownMs: c.countdownSeconds * 1000,
    freezes: c.freezes.map((f) => ({
      from: Date.parse(f.from),
      to: Date.parse(f.to),
      services: f.services,
      reason: f.reason,
    })),
  };
}
