/** The simulated system: services, their operations and calls, and uninstrumented dependencies. */

export type Lang = 'java' | 'go' | 'node' | 'python' | 'dotnet';
export type Role = 'edge' | 'api' | 'worker' | 'batch';
export type Protocol = 'http' | 'grpc';
export type DepKind = 'sql' | 'cache' | 'queue' | 'external' | 'search' | 'nosql' | 'storage';

export type LogStyleId =
  | 'logback-ecs'
  | 'log4j2-ecs'
  | 'zap-ecs'
  | 'slog-json'
  | 'pino-ecs'
  | 'winston-ecs'
  | 'python-ecs'
  | 'structlog'
  | 'serilog-ecs'
  | 'nginx-access';

export type LogProfile = {
  readonly style: LogStyleId;
  /** Fraction of served requests that write an access/"request completed" line. */
  readonly accessRate: number;
  /** Probability that a failed request writes an error line. */
  readonly errorLogRate: number;
  readonly debug: boolean;
  /** Fraction of lines carrying trace.id/span.id (when a trace exists). */
  readonly traceCorrelation: number;
  /** Nested objects (`{"service":{"name":..}}`) instead of flat dotted keys. */
  readonly nested: boolean;
  /** Local timestamp offset in minutes (0 = UTC). */
  readonly tzOffsetMin: number;
  readonly timeDigits: 0 | 3 | 6 | 9;
  /** Multiplier on background (non-request) log lines. */
  readonly chattiness: number;
  /** host.name is the pod name (container hostname) rather than the node. */
  readonly hostIsPod: boolean;
  /** Wording variant for this service's messages. */
  readonly variant: number;
};

export type DepOp = {
  readonly spanName: string;
  readonly operation: string;
  readonly collection: string | undefined;
  readonly statement: string | undefined;
  readonly medianMs: number;
  readonly sigma: number;
  readonly write: boolean;
};

export type Dependency = {
  readonly key: string;
  /** The name telemetry knows it by: peer.service when callers set it, else server.address. */
  readonly name: string;
  readonly peerService: string | undefined;
  readonly address: string;
  readonly port: number;
  readonly kind: DepKind;
  /** db.system / messaging.system value, or 'http' for third-party APIs. */
  readonly system: string;
  readonly dbNamespace: string | undefined;
  /** Base URL for HTTP dependencies. */
  readonly baseUrl: string | undefined;
};

export type CallTarget =
  | { readonly type: 'service'; readonly service: string; readonly op: string }
  | { readonly type: 'dep'; readonly dep: string; readonly op: DepOp }
  | { readonly type: 'publish'; readonly dep: string; readonly topic: string };

export type Call = {
  readonly target: CallTarget;
  readonly prob: number;
  readonly min: number;
  readonly max: number;
  readonly critical: boolean;
  /** Runs concurrently with the previous call. */
  readonly parallel: boolean;
  readonly timeoutMs: number;
  readonly retries: number;
};

export type OpProtocol = 'http' | 'grpc' | 'consumer' | 'job';

export type Operation = {
  readonly key: string;
  readonly spanName: string;
  readonly protocol: OpProtocol;
  readonly method: string | undefined;
  readonly route: string | undefined;
  readonly rpcService: string | undefined;
  readonly rpcMethod: string | undefined;
  readonly topic: string | undefined;
  /** Share of this service's entry traffic (edge services) . */
  readonly weight: number;
  readonly selfMs: number;
  readonly sigma: number;
  readonly calls: readonly Call[];
  /** Name of an INTERNAL span wrapping the handler body, if the framework makes one. */
  readonly internalName: string | undefined;
  readonly write: boolean;
};

export type Service = {
  readonly key: string;
  readonly name: string;
  readonly role: Role;
  readonly lang: Lang;
  readonly framework: string;
  readonly protocol: Protocol;
  readonly port: number;
  readonly ops: readonly Operation[];
  readonly traced: boolean;
  readonly logged: boolean;
  readonly replicas: number;
  readonly version: string;
  readonly namespace: string;
  readonly depth: number;
  readonly clockSkewMs: number;
  /** Code package / module path, used in loggers and stack traces. */
  readonly codeBase: string;
  readonly log: LogProfile;
  /** The instrumentation sets span status on failures (some manual instrumentation does not). */
  readonly setsStatus: boolean;
  /** Client spans carry peer.service for uninstrumented dependencies. */
  readonly setsPeerService: boolean;
  readonly circuitBreaker: boolean;
  /** Capacity as a multiple of the expected baseline load. */
  readonly headroom: number;
  /** What happens beyond capacity: shed with 503, queue (latency), or reject from a thread pool. */
  readonly overloadMode: 'shed' | 'queue' | 'reject';
  /** Old-style semantic conventions on DB spans (db.statement / db.name). */
  readonly legacyDbAttrs: boolean;
  /** Topics this service consumes (queue workers). */
  readonly consumes: readonly string[];
  readonly jobEveryMin: number | undefined;
};

export type Topology = {
  readonly family: string;
  readonly title: string;
  readonly org: string;
  readonly env: string;
  readonly cluster: string;
  readonly services: readonly Service[];
  readonly deps: readonly Dependency[];
  /** Entry services and their share of user traffic. */
  readonly entries: readonly { readonly service: string; readonly share: number }[];
  readonly maxDepth: number;
};
