import type { Result } from '../../core/result/result.ts';

/** What the incident page routes can serve: the page, its chart, the postmortem draft. */
export type IncidentPageView = 'page' | 'chart.png' | 'report.md' | 'report.html';

/** A rendered answer: its content type and body. */
export type IncidentPageBody = { readonly contentType: string; readonly body: string | Uint8Array };

/** The incident pages of `causeway serve` (docs/postmortems.md). */
export type IncidentPageDeps = {
  /** The HMAC key of the page links (`postmortem.pageKey`); without it signed links are not accepted. */
  readonly pageKey: string | undefined;
  /** A header set by a trusted authenticating proxy (`postmortem.trustedUserHeader`), lower case. */
  readonly trustedUserHeader: string | undefined;
  /** Renders one view; `query` is what the page's own links carry (`?sig=…`, or ''). */
  render(
    incidentId: string,
    view: IncidentPageView,
    query: string,
  ): Promise<Result<IncidentPageBody, { readonly status: 404 | 503; readonly message: string }>>;
};
