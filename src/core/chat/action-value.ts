/** What a button carries (its `value`, at most 2000 characters): the incident, the hypothesis, a runbook. */
export type ActionValue = {
  readonly incidentId: string;
  readonly hypothesisId?: string;
  readonly runbookId?: string;
};
