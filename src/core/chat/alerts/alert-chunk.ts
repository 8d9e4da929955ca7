/** One alert as listed in a notification's text: its section's status, labels, annotations, source link. */
export type AlertChunk = {
  readonly status: 'firing' | 'resolved' | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly source: string | undefined;
};
