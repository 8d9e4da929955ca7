import type { Runbook } from '../runbooks/runbook.ts';
import type { AutonomySettings } from './autonomy-settings.ts';
import { type Pause, pauseFor } from './pause.ts';
import { percent } from './percent.ts';
import type { ShadowTrack } from './shadow-track.ts';

/** One runbook's standing: its track record, whether it may run by itself now, and if not, why. */
export type RunbookStanding = {
  readonly runbookId: string;
  readonly title: string;
  readonly level: Runbook['autonomy'];
  readonly track: ShadowTrack;
  readonly eligible: boolean;
  /** Why not (empty when eligible); the per-incident gates (match, probability, hash, rate, freeze) come on top. */
  readonly whyNot: readonly string[];
};

/**
 * Whether a runbook has earned autonomy, before any incident: it is autonomous in its file and has
 * an autonomous low-risk step, autonomy is enabled and not paused for all, and since its last
 * demotion it agreed with people in ≥ P of ≥ N scored shadow incidents. Pure.
 */
export function runbookStanding(
  runbook: Runbook,
  track: ShadowTrack,
  settings: AutonomySettings,
  pauses: readonly Pause[],
): RunbookStanding {
  const why: string[] = [];
  if (runbook.autonomy !== 'autonomous') why.push(`${runbook.autonomy} in its file`);
  else if (!runbook.steps.some((s) => s.autonomy === 'autonomous' && s.risk === 'low'))
    why.push('no autonomous low-risk step');
  if (!settings.enabled) why.push('autonomy.enabled is false');
  const pause = pauseFor(pauses, undefined);
  if (pause) why.push(`paused for all by ${pause.by}: ${pause.reason}`);
  if (track.scored < settings.minIncidents)
    why.push(
      `${track.scored} of ${settings.minIncidents} scored shadow incidents${track.since !== undefined ? ' since its demotion' : ''}`,
    );
  if (track.scored > 0 && track.agreement < settings.minAgreement)
    why.push(`agreement ${percent(track.agreement)}% below ${percent(settings.minAgreement)}%`);
  return {
    runbookId: runbook.id,
    title: runbook.title,
    level: runbook.autonomy,
    track,
    eligible: why.length === 0,
    whyNot: why,
  };
}
