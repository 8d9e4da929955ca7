import type { Rng } from '../core/rng.ts';
import type { Failure } from '../model/failure-model.ts';
import type { Effect, Instance } from '../model/world-model.ts';
import { intensity } from './intensity.ts';

export type ServerEffect = {
  readonly error: { readonly failure: Failure; readonly status: number } | undefined;
  readonly contract: { readonly status: number; readonly detail: string } | undefined;
  readonly latMul: number;
  readonly addMs: number;
};

export type CallEffect = {
  readonly timeoutMs: number | undefined;
  readonly failure: Failure | undefined;
  readonly failMs: number;
  readonly waitMs: number;
  readonly countMul: number;
};

export type DepEffect = {
  readonly mode: 'fail' | 'hang' | undefined;
  readonly failure: Failure | undefined;
  readonly failMs: number;
  readonly mul: number;
};

export type EffectResolver = {
  readonly server: (service: string, op: string, pod: Instance, t: number, rng: Rng) => ServerEffect;
  readonly call: (service: string, target: string, isDep: boolean, pod: Instance, t: number, rng: Rng) => CallEffect;
  readonly dep: (dep: string, t: number, rng: Rng) => DepEffect;
};

function scoped(e: Effect, op: string | undefined, pod: Instance | undefined): boolean {
  if (e.ops && op !== undefined && !e.ops.includes(op)) return false;
  if (pod && e.versions && !e.versions.includes(pod.version)) return false;
  if (pod && e.pods && !e.pods.includes(pod.pod)) return false;
  return true;
}

/** Answers, for one request at one time, what the active faults and noise do to it. */
export function createEffectResolver(effects: readonly Effect[]): EffectResolver {
  const byService = new Map<string, Effect[]>();
  const byDep = new Map<string, Effect[]>();
  for (const e of effects) {
    const key = e.type === 'dep' ? e.dep : e.service;
    const map = e.type === 'dep' ? byDep : byService;
    map.set(key, [...(map.get(key) ?? []), e]);
  }
  return {
    server: (service, op, pod, t, rng) => {
      let error: ServerEffect['error'];
      let contract: ServerEffect['contract'];
      let latMul = 1;
      let addMs = 0;
      for (const e of byService.get(service) ?? []) {
        if (e.type !== 'svc-error' && e.type !== 'svc-latency' && e.type !== 'contract') continue;
        const i = intensity(e.shape, t);
        if (i <= 0 || !scoped(e, op, pod)) continue;
        if (e.type === 'svc-error' && !error && rng.chance(e.fraction * i))
          error = { failure: e.failure, status: e.status };
        if (e.type === 'contract' && !contract && rng.chance(e.fraction * i))
          contract = { status: e.status, detail: e.detail };
        if (e.type === 'svc-latency' && rng.chance(e.fraction)) {
          latMul *= 1 + (e.mul - 1) * i;
          addMs += e.addMs * i * rng.float(0.5, 1.5);
        }
      }
      return { error, contract, latMul, addMs };
    },
    call: (service, target, isDep, pod, t, rng) => {
      let timeoutMs: number | undefined;
      let failure: Failure | undefined;
      let failMs = 0;
      let waitMs = 0;
      let countMul = 1;
      for (const e of byService.get(service) ?? []) {
        if (e.type !== 'call') continue;
        if (e.target !== target && !(e.target === '*' && isDep)) continue;
        const i = intensity(e.shape, t);
        if (i <= 0 || !scoped(e, undefined, pod)) continue;
        if (e.timeoutMs !== undefined && rng.chance(e.fraction)) timeoutMs = e.timeoutMs;
        if (e.failure && !failure && rng.chance(e.fraction * i)) {
          failure = e.failure;
          failMs = e.failMs * rng.float(0.6, 1.4);
        }
        if (e.waitMs > 0 && rng.chance(e.fraction)) waitMs += e.waitMs * i * rng.float(0.3, 1.3);
        countMul *= 1 + (e.countMul - 1) * i;
      }
      return { timeoutMs, failure, failMs, waitMs, countMul };
    },
    dep: (dep, t, rng) => {
      let mode: DepEffect['mode'];
      let failure: Failure | undefined;
      let failMs = 0;
      let mul = 1;
      for (const e of byDep.get(dep) ?? []) {
        if (e.type !== 'dep') continue;
        const i = intensity(e.shape, t);
        if (i <= 0) continue;
        if (e.mode === 'slow') {
          if (rng.chance(e.fraction)) mul *= 1 + (e.mul - 1) * i;
        } else if (!mode && rng.chance(e.fraction * i)) {
          mode = e.mode;
          failure = e.failure;
          failMs = e.failMs * rng.float(0.6, 1.4);
        }
      }
      return { mode, failure, failMs, mul };
    },
  };
}
