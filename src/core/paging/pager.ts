/** A page: open (or update) an alert for people, keyed so repeats join it, or resolve it. */
export type PageEvent =
  | {
      readonly action: 'trigger';
      /** Repeats with the same key update one alert instead of opening another. */
      readonly dedupKey: string;
      readonly summary: string;
      /** Where it happened (the service). */
      readonly source: string;
      readonly severity: 'critical' | 'error' | 'warning' | 'info';
      /** A link for the responder (the incident's Slack thread). */
      readonly link?: { readonly href: string; readonly text: string };
      readonly details?: Readonly<Record<string, string | number | boolean>>;
    }
  | { readonly action: 'resolve'; readonly dedupKey: string };

/** Why a page was not delivered: refused as invalid (not retried), or unreachable after every attempt. */
export type PageFailure = {
  readonly code: 'PAGER_REJECTED' | 'PAGER_UNAVAILABLE';
  readonly message: string;
  readonly attempts: number;
};

/** Sends pages (PagerDuty Events API v2 in production). Never throws for expected failures. */
export type Pager = {
  send(
    event: PageEvent,
  ): Promise<
    | { readonly ok: true; readonly value: { readonly dedupKey: string; readonly attempts: number } }
    | { readonly ok: false; readonly error: PageFailure }
  >;
};
