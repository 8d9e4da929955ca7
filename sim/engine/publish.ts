import type { Failure } from '../model/failure-model.ts';
import type { Call, CallTarget, Operation, Service } from '../model/topology-model.ts';
import type { Instance } from '../model/world-model.ts';
import type { Parent, RequestContext } from './request-context.ts';
import type { CallResult } from './run-call.ts';
import { scopeFor } from './scope-for.ts';
import { serve } from './serve.ts';
import { spanAttrs } from './span-attrs.ts';
import type { World } from './world.ts';

function deliver(
  w: World,
  svc: Service,
  op: Operation,
  at: number,
  parent: Parent,
  req: RequestContext,
  attempt: number,
): void {
  const out = serve(w, svc, op, at, parent, req, 5);
  if (!out.failure && !out.lost) return;
  const route = w.route(svc.name, at, w.rng);
  if (attempt < 3) {
    deliver(w, svc, op, out.end + w.rng.float(500, 2000) * 3 ** attempt, parent, req, attempt + 1);
  } else if (svc.logged && route && w.rng.chance(svc.log.errorLogRate)) {
    w.log(svc, route.pod, out.end + 5, 'error', 'dlq', { topic: op.topic, attempt }, out.failure);
  }
}

/**
 * Publishes a message: a PRODUCER span, then each consumer of the topic processes it later
 * (a CONSUMER span in the same trace), with redelivery on failure and a dead-letter at the end.
 */
export function publish(
  w: World,
  caller: Service,
  pod: Instance,
  call: Call,
  target: Extract<CallTarget, { type: 'publish' }>,
  t: number,
  parent: Parent,
  req: RequestContext,
): CallResult {
  const rng = w.rng;
  const dep = w.deps.get(target.dep);
  if (!dep) return { end: t, failure: undefined };
  const de = w.effects.dep(dep.key, t, rng);
  let end = t + rng.lognormal(1.8, 0.6) * de.mul;
  let failure: Failure | undefined;
  if (de.mode) {
    end = t + Math.min(de.failMs || call.timeoutMs, call.timeoutMs);
    failure = {
      cls: 'broker',
      target: dep.name,
      address: dep.address,
      port: dep.port,
      system: dep.system,
      timeoutMs: call.timeoutMs,
      detail: target.topic,
    };
  }
  const spanId = parent ? w.ids.hex(16) : undefined;
  if (parent && spanId) {
    const legacy = caller.legacyDbAttrs;
    w.spans.push({
      traceId: parent.traceId,
      spanId,
      parentId: parent.spanId,
      remoteParent: false,
      service: caller.name,
      pod: pod.pod,
      incarnation: pod.incarnations.find((i) => i.start <= t && i.end > t)?.id ?? pod.incarnations[0]?.id ?? '',
      scope: scopeFor(caller, 'messaging'),
      name: legacy
        ? `${target.topic} send`
        : caller.log.variant % 2 === 0
          ? `publish ${target.topic}`
          : `${target.topic} publish`,
      kind: 4,
      start: t,
      end,
      status: failure && caller.setsStatus ? 2 : 0,
      statusMessage: undefined,
      attrs: spanAttrs.producer(caller, dep, target.topic, rng),
      exception: undefined,
    });
  }
  if (failure) {
    if (caller.logged && rng.chance(caller.log.errorLogRate))
      w.log(
        caller,
        pod,
        end,
        call.critical ? 'error' : 'warn',
        'publish-error',
        { topic: target.topic },
        failure,
        parent && spanId ? { traceId: parent.traceId, spanId } : undefined,
      );
    return { end, failure };
  }
  if (req.depth < 8) {
    for (const c of w.consumers.get(target.topic) ?? []) {
      const svc = w.services.get(c.service);
      const op = w.ops.get(`${c.service}|${c.op}`);
      if (!svc || !op) continue;
      const lag = rng.lognormal(25, 1) + w.overload(svc.name, end).waitMs;
      deliver(
        w,
        svc,
        op,
        end + lag,
        parent && spanId ? { traceId: parent.traceId, spanId } : undefined,
        { ...req, depth: req.depth + 1 },
        1,
      );
    }
  }
  return { end, failure };
}
