/** A change freeze: no autonomous run between `from` and `to` (epoch ms), for the listed services (empty: all). */
export type FreezeWindow = {
  readonly from: number;
  readonly to: number;
  readonly services: readonly string[];
  readonly reason: string;
};

/** The `autonomy` configuration, as the gates read it (docs/autonomy.md). */
export type AutonomySettings = {
  /** false: the kill switch for everything (autonomous runbooks run supervised). */
  readonly enabled: boolean;
  /** Shadow incidents with an outcome needed before a runbook may run by itself. */
  readonly minIncidents: number;
  /** Share of those (0–1) in which what it would have run agreed with what people did. */
  readonly minAgreement: number;
  /** The calibrated probability the top hypothesis needs (0–1). */
  readonly minProbability: number;
  /** Autonomous runs per service in any hour. */
  readonly maxRunsPerServicePerHour: number;
  readonly freezes: readonly FreezeWindow[];
  /** How long an autonomous step is announced before it runs (the stop window), ms. */
  readonly countdownMs: number;
};

export const DEFAULT_AUTONOMY_SETTINGS: AutonomySettings = {
  enabled: true,
  minIncidents: 10,
  minAgreement: 0.9,
  minProbability: 0.8,
  maxRunsPerServicePerHour: 1,
  freezes: [],
  countdownMs: 60_000,
};
