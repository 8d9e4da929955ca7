import type { RunbookFinder } from '../runbooks/runbook-finder.ts';

/** The runbook finder while no runbook catalog exists: finds nothing, says it is not configured. */
export const NO_RUNBOOKS: RunbookFinder = {
  configured: false,
  forIncident: async () => [],
  search: async () => [],
};
