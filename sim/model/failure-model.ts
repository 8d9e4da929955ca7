/** A failure as the code that hits it sees it; rendered into words per language by sim/logs. */
export type FailureClass =
  | 'exception'
  | 'timeout'
  | 'connect-timeout'
  | 'refused'
  | 'reset'
  | 'http'
  | 'grpc'
  | 'pool'
  | 'auth'
  | 'dns'
  | 'tls'
  | 'overload'
  | 'ratelimit'
  | 'disk'
  | 'oom'
  | 'fd'
  | 'readonly'
  | 'too-many-clients'
  | 'contract'
  | 'circuit'
  | 'threadpool'
  | 'broker';

export type Failure = {
  readonly cls: FailureClass;
  /** Name of the other side (service name or dependency name), if any. */
  readonly target?: string | undefined;
  /** Host of the other side. */
  readonly address?: string | undefined;
  readonly port?: number | undefined;
  readonly url?: string | undefined;
  /** Dependency system (postgresql, redis, kafka, http ...). */
  readonly system?: string | undefined;
  /** HTTP status seen or returned. */
  readonly status?: number | undefined;
  /** gRPC status code seen. */
  readonly grpcCode?: number | undefined;
  readonly timeoutMs?: number | undefined;
  /** For exceptions: per-language type and message. */
  readonly exType?: string | undefined;
  readonly detail?: string | undefined;
  /** Code location hint for stack traces (class or module and method). */
  readonly where?: string | undefined;
  /** What the other side failed with, when it reported an error back (rendered in its own words). */
  readonly cause?: Failure | undefined;
  /** Language of the service that produced `cause`. */
  readonly causeLang?: string | undefined;
  readonly method?: string | undefined;
};
