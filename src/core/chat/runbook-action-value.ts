/** What a runbook button carries: the run and, for Approve/Reject, the step and the hash the person saw. */
export type RunbookActionValue = { readonly runId: string; readonly step?: number; readonly stepHash?: string };
