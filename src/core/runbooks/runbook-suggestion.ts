/** A runbook that fits an incident, offered as a button (the approval flow starts from it). */
export type RunbookSuggestion = {
  readonly id: string;
  readonly title: string;
  /** Why it fits, in a few words (e.g. "service checkout, kind deploy"). */
  readonly why?: string;
};
