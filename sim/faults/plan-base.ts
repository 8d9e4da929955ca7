import type { FaultKind } from '../../src/core/model/fault-kind.ts';
import type { FaultContext, FaultPlan } from './fault-plan.ts';

/** A fault plan with nothing in it yet, for the planners to fill. */
export function planBase(
  ctx: FaultContext,
  kind: FaultKind,
  manifestation: string,
  root: string,
  rootIsDependency: boolean,
): FaultPlan {
  return {
    kind,
    manifestation,
    title: '',
    root,
    rootIsDependency,
    effects: [],
    rollouts: [],
    crashes: [],
    traffic: [],
    schedules: [],
    oneShots: [],
    changes: [],
    note: '',
    symptom: 'either',
    topology: ctx.topology,
    onset: ctx.onset,
  };
}
