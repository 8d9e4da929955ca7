import type { Failure } from '../model/failure-model.ts';
import type { SpanRec } from '../model/records.ts';
import type { Operation, Service } from '../model/topology-model.ts';
import type { Parent, RequestContext } from './request-context.ts';
import { runCall } from './run-call.ts';
import { scopeFor } from './scope-for.ts';
import { spanAttrs } from './span-attrs.ts';
import { GRPC, statusForFailure } from './status-for-failure.ts';
import type { World } from './world.ts';

export type ServeOutcome = {
  readonly end: number;
  readonly status: number;
  readonly grpc: number;
  /** Why the server failed (its own exception, or what it got from downstream). */
  readonly failure: Failure | undefined;
  /** The connection failed: no response at all. */
  readonly lost: 'refused' | 'reset' | undefined;
  readonly contract: string | undefined;
  readonly spanId: string | undefined;
};

const CLIENT_ERRORS = new Set<number>([GRPC.OK, GRPC.INVALID_ARGUMENT, 5, GRPC.FAILED_PRECONDITION]);

/**
 * Simulates one service handling one request (HTTP, gRPC, a queue message or a job run)
 * at time `t`: routing to a pod, overload, fault effects, its calls in order, the response,
 * its metrics, spans and log lines.
 */
export function serve(
  w: World,
  svc: Service,
  op: Operation,
  t: number,
  parent: Parent,
  req: RequestContext,
  kind: 1 | 2 | 5 = 2,
): ServeOutcome {
  const rng = w.rng;
  const route = w.route(svc.name, t, rng);
  if (!route)
    return {
      end: t + rng.float(0.5, 2),
      status: 503,
      grpc: GRPC.UNAVAILABLE,
      failure: undefined,
      lost: 'refused',
      contract: undefined,
      spanId: undefined,
    };
  if (route.dying)
    return {
      end: t + rng.float(0.3, 3),
      status: 502,
      grpc: GRPC.UNAVAILABLE,
      failure: undefined,
      lost: rng.chance(0.6) ? 'reset' : 'refused',
      contract: undefined,
      spanId: undefined,
    };
  const pod = route.pod;
  const traceId = svc.traced ? (parent?.traceId ?? w.ids.hex(32)) : undefined;
  const spanId = traceId ? w.ids.hex(16) : undefined;
  const path = op.route ? spanAttrs.fillPath(op.route, rng) : '';
  const trace = traceId && spanId ? { traceId, spanId } : undefined;
  const ov = w.overload(svc.name, t);
  const spans = w.spans;
  const pushServer = (
    end: number,
    status: number,
    grpc: number,
    error: boolean,
    failure: Failure | undefined,
    own: boolean,
  ): void => {
    if (!traceId || !spanId) return;
    const attrs =
      kind === 5
        ? spanAttrs.consumer(svc, op, w.queueFor(op.topic ?? ''), rng.int(0, 11), rng.int(10_000, 9_000_000))
        : kind === 1
          ? { 'code.function': op.spanName, 'job.name': op.key.slice(4) }
          : spanAttrs.server(svc, op, path, status, grpc, req.userAgent, req.clientIp, rng);
    const rec: SpanRec = {
      traceId,
      spanId,
      parentId: parent?.spanId,
      remoteParent: parent !== undefined,
      service: svc.name,
      pod: pod.pod,
      incarnation: route.inc.id,
      scope: scopeFor(
        svc,
        kind === 1 ? 'job' : op.protocol === 'grpc' ? 'grpc-server' : kind === 5 ? 'messaging' : 'server',
      ),
      name: op.spanName,
      kind: kind === 1 ? 1 : kind,
      start: t,
      end,
      status: error && svc.setsStatus ? 2 : 0,
      statusMessage: undefined,
      attrs,
      exception:
        failure && (own || (svc.lang === 'java' && rng.chance(0.5))) && svc.lang !== 'go'
          ? { failure, at: end - rng.float(0, 0.5) }
          : undefined,
    };
    spans.push(rec);
  };
  if (ov.rejectProb > 0 && rng.chance(ov.rejectProb)) {
    const failure: Failure = { cls: svc.overloadMode === 'reject' ? 'threadpool' : 'overload' };
    const code = statusForFailure(svc, failure, 503);
    const end = t + rng.float(0.3, 4);
    w.metrics.record(svc.name, t, end - t, true);
    w.metrics.recordPod(pod.pod, t, end - t, String(code.status));
    pushServer(end, code.status, code.grpc, true, undefined, false);
    if (rng.chance(svc.log.errorLogRate * 0.5))
      w.log(
        svc,
        pod,
        end,
        'warn',
        'shed',
        { route: op.route ?? op.key, util: Math.round(ov.util * 100) },
        failure,
        trace,
      );
    return { end, status: code.status, grpc: code.grpc, failure, lost: undefined, contract: undefined, spanId };
  }
  const eff = w.effects.server(svc.name, op.key, pod, t, rng);
  const self = rng.lognormal(op.selfMs, op.sigma) * eff.latMul * ov.latMul + eff.addMs;
  const bodyStart = t + ov.waitMs * rng.float(0.6, 1.2);
  const preFrac = rng.float(0.15, 0.5);
  let cursor = bodyStart + self * preFrac;
  const internalId = traceId && op.internalName ? w.ids.hex(16) : undefined;
  const childParent: Parent = traceId ? { traceId, spanId: internalId ?? spanId ?? '' } : undefined;
  const own = eff.error;
  const calls = op.calls;
  const stopAt = own ? rng.int(0, calls.length) : calls.length;
  let failure: Failure | undefined;
  let i = 0;
  while (i < stopAt && !failure) {
    let j = i + 1;
    while (j < stopAt && calls[j]?.parallel) j++;
    const groupStart = cursor;
    let groupEnd = cursor;
    for (let k = i; k < j; k++) {
      const call = calls[k];
      if (!call || !rng.chance(call.prob)) continue;
      const res = runCall(w, svc, pod, call, groupStart, childParent, req);
      groupEnd = Math.max(groupEnd, res.end);
      if (res.failure && call.critical && !failure) failure = res.failure;
    }
    cursor = groupEnd + rng.float(0.02, 0.3);
    i = j;
  }
  const ownFailure = !failure && own ? own.failure : undefined;
  if (ownFailure) failure = ownFailure;
  const end = cursor + self * (1 - preFrac) * (failure ? rng.float(0.1, 0.5) : 1);
  if (route.inc.killed && route.inc.end < end) {
    return {
      end: Math.max(t, route.inc.end),
      status: 502,
      grpc: GRPC.UNAVAILABLE,
      failure: undefined,
      lost: 'reset',
      contract: undefined,
      spanId: undefined,
    };
  }
  let status = op.method === 'POST' && svc.log.variant % 2 === 0 ? 201 : 200;
  let grpc: number = GRPC.OK;
  if (failure) ({ status, grpc } = statusForFailure(svc, failure, ownFailure ? own?.status : undefined));
  else if (eff.contract) {
    status = eff.contract.status;
    grpc = status === 404 ? 5 : GRPC.INVALID_ARGUMENT;
  }
  const isError =
    op.protocol === 'grpc' ? !CLIENT_ERRORS.has(grpc) : kind === 2 ? status >= 500 : failure !== undefined;
  w.metrics.record(svc.name, t, end - t, isError);
  w.metrics.recordPod(pod.pod, t, end - t, String(status));
  if (internalId && traceId && spanId) {
    spans.push({
      traceId,
      spanId: internalId,
      parentId: spanId,
      remoteParent: false,
      service: svc.name,
      pod: pod.pod,
      incarnation: route.inc.id,
      scope: scopeFor(svc, 'internal'),
      name: op.internalName ?? op.key,
      kind: 1,
      start: bodyStart + rng.float(0.05, 0.4),
      end: end - rng.float(0.02, 0.2),
      status: ownFailure && svc.setsStatus ? 2 : 0,
      statusMessage: undefined,
      attrs: {
        'code.function': (op.internalName ?? '').split('.').pop() ?? '',
        'code.namespace': `${svc.codeBase}.${(op.internalName ?? '').split('.')[0]}`,
      },
      exception: ownFailure ? { failure: ownFailure, at: end - 0.3 } : undefined,
    });
  }
  pushServer(end, status, grpc, isError, failure, ownFailure !== undefined);
  const logTrace = trace;
  if (svc.logged) {
    const dur = end - t;
    const routeName = op.route ?? op.rpcMethod ?? op.topic ?? op.key;
    if (failure && rng.chance(svc.log.errorLogRate * (ownFailure ? 1 : 0.5))) {
      w.log(
        svc,
        pod,
        end,
        'error',
        kind === 5 ? 'consume-error' : 'request-error',
        {
          method: op.method,
          route: routeName,
          path,
          status,
          durMs: Math.round(dur),
          topic: op.topic,
          ip: req.clientIp,
        },
        failure,
        logTrace,
      );
    }
    if (rng.chance(svc.log.accessRate)) {
      const level =
        status >= 500 && svc.log.variant % 3 === 0
          ? 'error'
          : status >= 400 && svc.log.variant % 3 === 1
            ? 'warn'
            : 'info';
      w.log(
        svc,
        pod,
        end,
        level,
        kind === 5 ? 'consume-ok' : kind === 1 ? 'job-end' : 'access',
        {
          method: op.method,
          route: routeName,
          path,
          status,
          grpc,
          durMs: Math.round(dur * 100) / 100,
          ua: req.userAgent,
          ip: req.clientIp,
          topic: op.topic,
          user: req.userId,
          failed: failure ? 1 : 0,
        },
        undefined,
        logTrace,
      );
    } else if (!failure && dur > 1500 && rng.chance(0.3)) {
      w.log(
        svc,
        pod,
        end,
        'warn',
        'slow-request',
        { method: op.method, route: routeName, durMs: Math.round(dur) },
        undefined,
        logTrace,
      );
    }
  }
  return { end, status, grpc, failure, lost: undefined, contract: eff.contract?.detail, spanId };
}
