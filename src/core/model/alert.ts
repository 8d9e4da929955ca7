/** One alert, normalised from whichever source sent it (Alertmanager, Grafana, a Slack post ...). */
export type Alert = {
  readonly fingerprint: string;
  readonly name: string;
  readonly status: 'firing' | 'resolved';
  /** The affected service (a symptom; the root cause is often elsewhere). */
  readonly service: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** Epoch milliseconds. */
  readonly startsAt: number;
  readonly endsAt: number | undefined;
  readonly generatorUrl: string | undefined;
  readonly source: string;
};
