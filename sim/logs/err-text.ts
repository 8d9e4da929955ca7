/** An error as one language's libraries present it: exception class (or Go error type) and message. */
export type ErrText = { readonly type: string; readonly message: string };

/** What the failure texts need to know about the failure's other side. */
export type FailureCtx = {
  readonly host: string;
  readonly ip: string;
  readonly port: number;
  readonly url: string;
  readonly path: string;
  readonly method: string;
  readonly target: string;
  readonly system: string;
  /** 'http' | 'grpc' | 'sql' | 'redis' | 'nosql' | 'search' | 'queue' */
  readonly cat: string;
  readonly timeoutMs: number;
  /** Client-library variant of the service that reports the failure. */
  readonly v: number;
};
