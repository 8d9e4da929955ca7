import type { Alert } from '../../core/model/alert.ts';
import type { Incident } from '../../core/storage/incident-store.ts';

/**
 * SEAM for the chat surface (issue 5): when the Slack app is running, an incident opened by a
 * webhook is triaged *in chat* (incident message, live progress, result, chart) by the chat
 * feature, which also saves and audits the triage. `serve` passes one when Slack exports a way to
 * do it; without one the triage runs headless (saved and audited, visible in the store).
 * Resolves with whether a triage result was produced.
 */
export type IncidentAnnouncer = {
  readonly name: string;
  triage(
    incident: Incident,
    alerts: readonly Alert[],
  ): Promise<{ readonly triaged: boolean; readonly detail?: string }>;
  resolved?(incident: Incident): Promise<void>;
};
