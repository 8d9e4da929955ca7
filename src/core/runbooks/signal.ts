/** The triage signals a `check` step can re-read. */
export const SIGNALS = ['error-rate', 'error-logs', 'latency-mean', 'request-rate'] as const;

export type SignalName = (typeof SIGNALS)[number];
