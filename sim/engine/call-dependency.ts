import type { Failure } from '../model/failure-model.ts';
import type { Call, CallTarget, Service } from '../model/topology-model.ts';
import type { Instance } from '../model/world-model.ts';
import type { Parent } from './request-context.ts';
import type { CallResult } from './run-call.ts';
import { scopeFor } from './scope-for.ts';
import { spanAttrs } from './span-attrs.ts';
import type { World } from './world.ts';

/**
 * A call to an uninstrumented dependency (database, cache, search, third-party API):
 * pool wait, the dependency's state (down, hanging, slow), the client timeout, the client
 * span named after the dependency, and the caller's log lines.
 */
export function callDependency(
  w: World,
  caller: Service,
  pod: Instance,
  call: Call,
  target: Extract<CallTarget, { type: 'dep' }>,
  t: number,
  parent: Parent,
): CallResult {
  const rng = w.rng;
  const dep = w.deps.get(target.dep);
  if (!dep) return { end: t, failure: undefined };
  const op = target.op;
  const ce = w.effects.call(caller.name, dep.key, true, pod, t, rng);
  const de = w.effects.dep(dep.key, t, rng);
  const timeout = ce.timeoutMs ?? call.timeoutMs;
  const who = {
    target: dep.name,
    address: dep.address,
    port: dep.port,
    system: dep.system,
    url: dep.baseUrl,
    method: op.operation,
  };
  const start = t + ce.waitMs;
  let end: number;
  let failure: Failure | undefined;
  let status: number | undefined;
  let spanless = false;
  if (ce.failure) {
    end = start + Math.min(ce.failMs, timeout);
    failure = { ...who, ...ce.failure };
    spanless = ce.failure.cls === 'pool';
  } else if (de.mode === 'fail') {
    const f = de.failure ?? { cls: 'refused' };
    if (de.failMs >= timeout) {
      end = start + timeout;
      failure = { cls: f.cls === 'connect-timeout' ? 'connect-timeout' : 'timeout', timeoutMs: timeout, ...who };
    } else {
      end = start + de.failMs;
      failure = { ...f, ...who };
      status = f.status;
    }
  } else if (de.mode === 'hang') {
    end = start + timeout;
    failure = { cls: 'timeout', timeoutMs: timeout, ...who };
  } else {
    const lat = rng.lognormal(op.medianMs, op.sigma) * de.mul * w.depLoad(dep.key, t);
    if (lat > timeout) {
      end = start + timeout;
      failure = { cls: 'timeout', timeoutMs: timeout, ...who };
    } else {
      end = start + lat;
      if (dep.system === 'http') status = op.operation === 'POST' && rng.chance(0.3) ? 201 : 200;
    }
  }
  const spanId = parent && !spanless ? w.ids.hex(16) : undefined;
  if (parent && spanId) {
    const errType = failure ? (failure.status !== undefined ? String(failure.status) : failure.cls) : undefined;
    w.spans.push({
      traceId: parent.traceId,
      spanId,
      parentId: parent.spanId,
      remoteParent: false,
      service: caller.name,
      pod: pod.pod,
      incarnation: pod.incarnations.find((i) => i.start <= start && i.end > start)?.id ?? pod.incarnations[0]?.id ?? '',
      scope: scopeFor(caller, dep.system === 'http' ? 'http-client' : 'db', dep.system),
      name: op.spanName,
      kind: 3,
      start,
      end,
      status: failure && caller.setsStatus ? 2 : 0,
      statusMessage: undefined,
      attrs: spanAttrs.dependency(caller, dep, op, status, errType, rng),
      exception: failure && caller.lang !== 'go' && rng.chance(0.6) ? { failure, at: end } : undefined,
    });
  }
  const trace = parent ? { traceId: parent.traceId, spanId: spanId ?? parent.spanId } : undefined;
  if (failure && caller.logged && rng.chance(caller.log.errorLogRate)) {
    w.log(
      caller,
      pod,
      end,
      call.critical ? 'error' : 'warn',
      call.critical ? 'dep-error' : 'fallback',
      { target: dep.name, op: op.spanName },
      failure,
      trace,
    );
  } else if (!failure && caller.log.debug && caller.logged && rng.chance(0.04)) {
    w.log(
      caller,
      pod,
      end,
      'debug',
      'debug-query',
      { target: dep.name, op: op.spanName, durMs: Math.round((end - start) * 100) / 100, rows: rng.int(0, 120) },
      undefined,
      trace,
    );
  }
  return { end, failure };
}
