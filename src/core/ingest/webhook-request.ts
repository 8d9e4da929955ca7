/** One webhook delivery as it arrived: lower-cased header names, the raw body bytes, the receive time. */
export type WebhookRequest = {
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Uint8Array;
  /** Epoch milliseconds (the injected clock at the edge). */
  readonly receivedAt: number;
};
