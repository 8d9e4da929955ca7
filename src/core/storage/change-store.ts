import type { ChangeEvent } from '../model/change-event.ts';

/** Deploy and config-change events received by webhook, kept for triage. */
export type ChangeStore = {
  /** Inserts or replaces events by id (idempotent: a re-delivered webhook changes nothing). */
  put(events: readonly ChangeEvent[], at: number): Promise<void>;
  get(id: string): Promise<ChangeEvent | undefined>;
  /** Events whose `startedAt` is in [from, to], oldest first, optionally for one service. */
  list(range: { readonly from: number; readonly to: number }, service?: string): Promise<ChangeEvent[]>;
};
