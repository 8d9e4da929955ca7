import type { Incident } from '../../core/storage/incident-store.ts';
import type { TriageObserver } from './triage-observer.ts';

/**
 * Where incidents that arrive without a conversation (webhooks) are shown: the chat's incident
 * channel. `serve` asks it for an observer of each triage it runs and tells it of resolutions;
 * without one (no chat), triages run headless and are seen in the store and the audit trail.
 */
export type IncidentSurface = {
  /** An observer for one triage (a new incident message). */
  observe(): TriageObserver;
  /** The incident resolved (every alert of it): its message says so. */
  resolved(incident: Incident): Promise<void>;
};
