import type { Runbook } from './runbook.ts';

/** The validated runbooks by id (loaded once at start; a runbook that does not validate stops the start). */
export type RunbookCatalog = ReadonlyMap<string, Runbook>;
