/** Where log documents keep each thing a log line needs (ECS names by default). */
export type LogFields = {
  readonly timestamp: string;
  readonly service: string;
  readonly message: string;
  readonly level: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly errorType: string;
  readonly pod: string;
  /** Orders lines as the bundle had them (written by `causeway seed`); optional. */
  readonly sequence: string;
};

export const ECS_LOG_FIELDS: LogFields = {
  timestamp: '@timestamp',
  service: 'service.name',
  message: 'message',
  level: 'log.level',
  traceId: 'trace.id',
  spanId: 'span.id',
  errorType: 'error.type',
  pod: 'kubernetes.pod.name',
  sequence: 'event.sequence',
};
