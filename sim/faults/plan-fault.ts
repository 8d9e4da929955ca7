import type { FaultKind } from '../../src/core/model/fault-kind.ts';
import type { FaultContext, FaultPlan } from './fault-plan.ts';
import { planConfig } from './plan-config.ts';
import { planDependencyDown } from './plan-dependency-down.ts';
import { planDeploy } from './plan-deploy.ts';
import { planErrorCode } from './plan-error-code.ts';
import { planLatency } from './plan-latency.ts';
import { planResourceExhaustion } from './plan-resource-exhaustion.ts';
import { planTrafficSurge } from './plan-traffic-surge.ts';

const PLANNERS: Readonly<Record<FaultKind, (ctx: FaultContext) => FaultPlan>> = {
  deploy: planDeploy,
  config: planConfig,
  dependency_down: planDependencyDown,
  latency: planLatency,
  resource_exhaustion: planResourceExhaustion,
  traffic_surge: planTrafficSurge,
  error_code: planErrorCode,
};

/** Plans a fault of the given kind. */
export function planFault(kind: FaultKind, ctx: FaultContext): FaultPlan {
  return PLANNERS[kind](ctx);
}
