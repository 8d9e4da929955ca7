import type { FaultKind } from '../../src/core/model/fault-kind.ts';
import type { ChangeFactory } from '../changes/change-factory.ts';
import type { ChangeRecord } from '../changes/change-record.ts';
import type { Rng } from '../core/rng.ts';
import type { LogLevel } from '../model/records.ts';
import type { Service, Topology } from '../model/topology-model.ts';
import type { Effect, Instance, LogSchedule, Strain, TrafficChange } from '../model/world-model.ts';
import type { Load } from '../world/compute-load.ts';
import type { Crash, Rollout } from '../world/rollout.ts';

/** One log line at a fixed time (a config reload, a flag update, an OOM message). */
export type OneShotLog = {
  readonly service: string;
  readonly t: number;
  readonly level: LogLevel;
  readonly event: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly pod?: string;
};

/** An alert that names the root itself, on an infrastructure symptom (crash loops, disk, lag). */
export type RootAlert = {
  readonly alertname: string;
  readonly severity: string;
  readonly summary: string;
  readonly description: string;
  readonly expr: string;
  readonly labels?: Readonly<Record<string, string>>;
};

/** Everything a fault adds to a scenario, plus its ground truth. */
export type FaultPlan = {
  readonly kind: FaultKind;
  readonly manifestation: string;
  readonly title: string;
  /** truth.service: a service name, or a dependency's peer.service / server.address. */
  readonly root: string;
  readonly rootIsDependency: boolean;
  readonly effects: readonly Effect[];
  readonly rollouts: readonly Rollout[];
  readonly crashes: readonly Crash[];
  /** Resource pressure the fault puts on pods (CPU, a memory leak), seen only in container metrics. */
  readonly strains?: readonly Strain[];
  readonly traffic: readonly TrafficChange[];
  readonly schedules: readonly LogSchedule[];
  readonly oneShots: readonly OneShotLog[];
  readonly changes: readonly ChangeRecord[];
  readonly changeId?: string;
  readonly note: string;
  /** Which symptom an alert would most likely fire on. */
  readonly symptom: 'errors' | 'latency' | 'either';
  readonly rootAlert?: RootAlert;
  /** The topology with additions (a new client) and capacity adjustments. */
  readonly topology: Topology;
  /** When the fault starts to show. */
  readonly onset: number;
};

export type FaultContext = {
  readonly topology: Topology;
  readonly pods: ReadonlyMap<string, readonly Instance[]>;
  readonly load: Load;
  readonly entryRps: ReadonlyMap<string, number>;
  /** Planned onset; a plan may move it a little (e.g. to the first new pod). */
  readonly onset: number;
  readonly start: number;
  readonly rng: Rng;
  readonly changes: ChangeFactory;
  readonly service: (name: string) => Service;
  /** Deploy faults: force (true) or forbid (false) concurrent rollouts of other services; absent: sometimes. */
  readonly concurrentRollouts?: boolean;
};
