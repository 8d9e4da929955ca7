import type { ChangeRecord } from '../changes/change-record.ts';
import type { OneShotLog } from '../faults/fault-plan.ts';
import type { Effect, LogSchedule } from '../model/world-model.ts';
import type { Crash, Rollout } from '../world/rollout.ts';

/** Everything unrelated to the root cause that a scenario adds: chronic errors, unrelated changes, blips, jitter. */
export type NoisePlan = {
  readonly effects: readonly Effect[];
  readonly rollouts: readonly Rollout[];
  readonly crashes: readonly Crash[];
  readonly changes: readonly ChangeRecord[];
  readonly schedules: readonly LogSchedule[];
  readonly oneShots: readonly OneShotLog[];
  /** Human-readable list of what was added, for scenario.json. */
  readonly summary: readonly string[];
};
