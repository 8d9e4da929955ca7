/** A catalog runbook the follow-up may point to (by id only; proposing and approving it is a separate, human flow). */
export type RunbookRef = { readonly id: string; readonly title: string; readonly description?: string };
