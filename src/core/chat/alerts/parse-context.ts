/** What alert parsers need besides the message: label names that name the service, and the message time. */
export type ParseContext = {
  readonly serviceLabels: readonly string[];
  /** The message's time (epoch ms), used when the message gives no start time. */
  readonly receivedAt: number;
};
