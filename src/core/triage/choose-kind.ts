import { RESOURCE_WORDS } from '../logs/fault-words.ts';
import type { ChangeType } from '../model/change-type.ts';
import type { FaultKind } from '../model/fault-kind.ts';
import type { RuleFinding } from './rule-finding.ts';
import { saysUnreachable } from './says-unreachable.ts';

export type KindChoice = { readonly kind: FaultKind; readonly changeId?: string; readonly why: string };

const CHANGE_KIND: Readonly<Record<ChangeType, FaultKind>> = {
  deploy: 'deploy',
  rollback: 'deploy',
  config: 'config',
  feature_flag: 'config',
  infra: 'config',
  scale: 'config',
};

/**
 * Names the kind of fault for one service from what the rules found there (and `texts`: what
 * failing calls to it and other services' lines about it say), in a fixed order of precedence: a
 * fitting change, words of resource exhaustion, a dependency or service that is down, a surge of
 * load, resource words in its own lines, then latency vs errors.
 */
export function chooseKind(
  role: 'service' | 'dependency',
  findings: readonly RuleFinding[],
  texts: readonly string[] = [],
  /** A neighbour (caller or callee) whose load rose without overloading it. */
  neighbourSurge?: { readonly service: string; readonly ratio: number },
): KindChoice {
  const pts = (rule: string) => findings.filter((f) => f.rule === rule).reduce((s, f) => s + f.points, 0);
  const fact = (name: string) => {
    for (const f of findings) {
      const v = f.facts?.[name];
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const change = findings.find(
    (f) => f.rule === 'change' && (f.facts?.changeFit as number) >= 0.5 && (f.facts?.changeProximity as number) >= 0.25,
  );
  if (change) {
    const type = change.facts?.changeType as ChangeType;
    return {
      kind: CHANGE_KIND[type],
      changeId: change.facts?.changeId as string,
      why: `${type} ${change.facts?.changeId} fits the onset`,
    };
  }
  // A metric of its own moving adds to what it says: CPU and latency to slowness, errors and
  // availability to failures; memory, saturation and restarts say a resource ran out.
  const metric = findings.find((f) => f.rule === 'metric-shift');
  const metricSignal = metric?.facts?.metricSignal;
  const metricPts = metric?.points ?? 0;
  const slowSignal = metricSignal === 'cpu' || metricSignal === 'latency' || metricSignal === 'caller-latency';
  const failSignal = metricSignal === 'errors' || metricSignal === 'availability';
  const latency = pts('self-latency') + (slowSignal ? metricPts : 0);
  const errors = pts('origin-errors') + pts('error-logs') + pts('request-end') + (failSignal ? metricPts : 0);
  // A client of its own brought the load (new, or calling far more than its other callers): what
  // ran out under it ("max threads", "pool exhausted") is the effect, the surge the cause.
  const client = findings.find((f) => f.rule === 'traffic' && f.facts?.newClient !== undefined);
  if (client && pts('traffic') >= 5)
    return { kind: 'traffic_surge', why: `${client.facts?.newClient} brought new load to it` };
  // What failing calls to it and lines about it say: "too many clients", "pool exhausted" …
  const resourceTexts = texts.filter((t) => RESOURCE_WORDS.test(t)).length;
  const connectionTexts = texts.filter(saysUnreachable).length;
  if (resourceTexts > 0 && resourceTexts >= connectionTexts) {
    return { kind: 'resource_exhaustion', why: 'failures at it say a resource ran out' };
  }
  if (role === 'dependency') {
    return latency > 2 * errors
      ? { kind: 'latency', why: 'calls to this dependency got slower but mostly succeed' }
      : { kind: 'dependency_down', why: 'calls to this dependency fail' };
  }
  // A service its callers' requests now end at still answers: what fell is what they no longer ask.
  if (pts('service-down') > 5 && pts('request-end') === 0)
    return { kind: 'dependency_down', why: 'it stopped serving while its callers fail' };
  if (pts('unreachable') > errors + latency) return { kind: 'dependency_down', why: 'its callers cannot reach it' };
  if (pts('traffic') >= 5)
    return { kind: 'traffic_surge', why: `load arriving here rose ×${Number(fact('surgeRatio')).toFixed(1)}` };
  if (
    (metricSignal === 'memory' || metricSignal === 'saturation' || metricSignal === 'restarts') &&
    metricPts > latency + errors
  ) {
    return { kind: 'resource_exhaustion', why: `its ${String(metricSignal)} rose` };
  }
  const resource = Number(fact('resourceWeight') ?? 0);
  const connection = Number(fact('connectionWeight') ?? 0);
  if (resource > 0 && resource >= 0.25 * (resource + connection + 1)) {
    return { kind: 'resource_exhaustion', why: 'its new error lines say a resource ran out' };
  }
  if (latency + pts('call-fanout') > errors) {
    // Slow, while the load rose next door (and passed through to here): it buckles under load.
    if (neighbourSurge && neighbourSurge.ratio >= 2.5 && latency > errors)
      return {
        kind: 'traffic_surge',
        why: `its own latency rose while load rose ×${neighbourSurge.ratio.toFixed(1)} at ${neighbourSurge.service}, next to it`,
      };
    return { kind: 'latency', why: 'its own latency rose more than its own errors' };
  }
  const alertSignal = fact('alertSignal');
  if (errors === 0 && latency === 0 && (alertSignal === 'latency' || alertSignal === 'resource_exhaustion')) {
    return {
      kind: alertSignal,
      why: `the alert measures ${alertSignal === 'latency' ? 'latency' : 'resource use'} and nothing else points elsewhere`,
    };
  }
  return errors > 0
    ? { kind: 'error_code', why: 'its own errors rose with no change to blame' }
    : { kind: 'error_code', why: 'nothing of its own says what kind of fault it would be (errors, by default)' };
}
