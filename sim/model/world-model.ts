import type { Failure } from './failure-model.ts';
import type { LogLevel } from './records.ts';

/** One pod of a service over time. A crash keeps the pod and starts a new process (incarnation). */
export type Instance = {
  readonly service: string;
  readonly pod: string;
  readonly node: string;
  readonly version: string;
  readonly start: number;
  readonly end: number;
  /** Process lifetimes inside the pod: [start, end) with its service.instance.id. */
  readonly incarnations: Incarnation[];
};

export type Incarnation = {
  readonly id: string;
  readonly start: number;
  end: number;
  /** The process was killed (OOM) at `end` rather than stopped. */
  killed: boolean;
};

/** How strongly an effect applies over time: 0 before `from`, ramping to 1 over `rampMs`, 0 after `to`. */
export type Shape = {
  readonly from: number;
  readonly to: number;
  readonly rampMs: number;
};

type Scope = {
  readonly shape: Shape;
  /** Only these operation keys (all when absent). */
  readonly ops?: readonly string[];
  /** Only instances running these versions. */
  readonly versions?: readonly string[];
  /** Only these pods. */
  readonly pods?: readonly string[];
  /** Fraction of requests affected at full intensity. */
  readonly fraction: number;
};

export type Effect =
  | (Scope & {
      readonly type: 'svc-error';
      readonly service: string;
      readonly failure: Failure;
      readonly status: number;
    })
  | (Scope & {
      readonly type: 'svc-latency';
      readonly service: string;
      readonly mul: number;
      readonly addMs: number;
    })
  | (Scope & { readonly type: 'contract'; readonly service: string; readonly status: number; readonly detail: string })
  | (Scope & {
      readonly type: 'dep';
      readonly dep: string;
      /** fail: calls fail with `failure` after `failMs`; hang: calls hang until the client timeout; slow: latency × mul. */
      readonly mode: 'fail' | 'hang' | 'slow';
      readonly failure?: Failure;
      readonly failMs: number;
      readonly mul: number;
    })
  | (Scope & {
      readonly type: 'call';
      /** The calling service. */
      readonly service: string;
      /** Service name or dependency key the call goes to; '*' for any dependency. */
      readonly target: string;
      readonly timeoutMs?: number;
      readonly failure?: Failure;
      readonly failMs: number;
      /** Added wait before the call goes out (pool acquisition). */
      readonly waitMs: number;
      /** Multiplier on repeated calls (N+1 queries). */
      readonly countMul: number;
    });

/** Extra traffic: a multiplier on entry rates, or a new client calling an internal operation. */
export type TrafficChange = {
  readonly shape: Shape;
  /** Entry service name to multiply, or undefined for a new client. */
  readonly entry?: string;
  readonly multiplier: number;
  /** For a new client: the client service (may be absent from the topology) and the operation it calls. */
  readonly client?: { readonly name: string; readonly target: string; readonly op: string; readonly rps: number };
  /** Only this entry operation is multiplied. */
  readonly op?: string;
};

/** Lines a fault or noise source writes on its own schedule (GC warnings, disk usage, pool stats ...). */
export type LogSchedule = {
  readonly service: string;
  readonly from: number;
  readonly to: number;
  /** Mean seconds between lines at full intensity. */
  readonly everySec: number;
  readonly rampMs: number;
  readonly event: string;
  readonly level: LogLevel;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly pods?: readonly string[];
};

/**
 * What a fault does to a pod's resources, for the container metrics: `cpu` drives CPU usage
 * towards `saturate` × the CPU limit; `memory-leak` makes the working set of a process that is
 * OOM-killed climb to the memory limit over the `leakMs` before the kill.
 */
export type Strain =
  | {
      readonly type: 'cpu';
      readonly service: string;
      readonly shape: Shape;
      readonly saturate: number;
      readonly versions?: readonly string[];
      readonly pods?: readonly string[];
    }
  | { readonly type: 'memory-leak'; readonly service: string; readonly limitMb: number; readonly leakMs: number };
