/** What the Prometheus connector needs, from the `prometheus` configuration section. */
export type PrometheusSettings = {
  /** Base URL without credentials and without a trailing slash (what messages and links show). */
  readonly url: string;
  /** `Authorization` header value (Bearer token, or Basic from the URL's user:password), if any. */
  readonly authorization?: string;
  readonly timeoutMs: number;
  readonly seriesBudget: number;
  readonly pointsBudget: number;
  /** Series selectors for /api/v1/series (match[]); by default one per service label. */
  readonly match: readonly string[];
  readonly queries: readonly { readonly name: string; readonly promql: string }[];
  /** Labels that name a series' service, tried first (triage.serviceLabels). */
  readonly serviceLabels: readonly string[];
};
