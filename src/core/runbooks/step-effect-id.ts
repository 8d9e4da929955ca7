/**
 * The effect journal id (and audit subject) of a run's step: `run:<runId>/step:<index>`. One id per
 * step for the life of the run, so the journal's "begin once" makes the step run at most once.
 */
export function stepEffectId(runId: string, index: number): string {
  return `run:${runId}/step:${index}`;
}
