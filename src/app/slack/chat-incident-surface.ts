import type { IncidentSurface } from '../triage/incident-surface.ts';
import { observeTriageInChat } from './observe-triage-in-chat.ts';
import { showResolved } from './show-resolved.ts';
import type { TriageDeps } from './triage-deps.ts';

/**
 * The incident channel (`slack.incidentChannel`) as the surface of incidents opened by webhooks:
 * each triage gets its own incident message there; a resolution edits it (and closes the incident's
 * earned-autonomy records, `afterResolve`).
 */
export function chatIncidentSurface(deps: TriageDeps, channel: string): IncidentSurface {
  return {
    observe: () => observeTriageInChat(deps, { channel }),
    async resolved(incident) {
      await deps.afterResolve?.(incident.id);
      await showResolved(deps.board, incident.id);
    },
  };
}
