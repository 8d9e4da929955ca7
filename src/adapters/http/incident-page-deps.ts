import type { IncidentPageView } from '../../core/postmortem/incident-page-view.ts';
import type { IncidentViewAnswer } from '../../core/postmortem/incident-view-answer.ts';

/** The incident pages of `causeway serve` (docs/postmortems.md). */
export type IncidentPageDeps = {
  /** The HMAC key of the page links (`postmortem.pageKey`); without it signed links are not accepted. */
  readonly pageKey: string | undefined;
  /** A header set by a trusted authenticating proxy (`postmortem.trustedUserHeader`), lower case. */
  readonly trustedUserHeader: string | undefined;
  /** Renders one view; `query` is what the page's own links carry (`?sig=…`, or ''). */
  render(incidentId: string, view: IncidentPageView, query: string): Promise<IncidentViewAnswer>;
};
