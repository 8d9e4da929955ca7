import type { RunbookSuggestion } from './runbook-suggestion.ts';

/**
 * Finds runbooks: those that fit an incident (buttons on the incident message) and those matching a
 * search (`/causeway runbooks [search]`). The runbook feature fills this port; until then the
 * composition root passes `NO_RUNBOOKS`.
 */
export type RunbookFinder = {
  /** False while no runbook catalog is configured (the chat then says how to add one). */
  readonly configured: boolean;
  forIncident(q: {
    readonly service: string | undefined;
    readonly kind: string | undefined;
    readonly alertName: string;
  }): Promise<readonly RunbookSuggestion[]>;
  search(text: string): Promise<readonly RunbookSuggestion[]>;
};
