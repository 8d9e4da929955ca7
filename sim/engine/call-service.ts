import type { Failure } from '../model/failure-model.ts';
import type { Call, CallTarget, Service } from '../model/topology-model.ts';
import type { Instance } from '../model/world-model.ts';
import { isRetryable } from './is-retryable.ts';
import type { Parent, RequestContext } from './request-context.ts';
import type { CallResult } from './run-call.ts';
import { scopeFor } from './scope-for.ts';
import { serve } from './serve.ts';
import { spanAttrs } from './span-attrs.ts';
import { GRPC } from './status-for-failure.ts';
import type { World } from './world.ts';

function errorType(f: Failure | undefined, status: number | undefined): string | undefined {
  if (!f) return undefined;
  if (f.cls === 'timeout') return 'timeout';
  if (f.cls === 'refused' || f.cls === 'reset') return f.cls === 'refused' ? 'connection_refused' : 'connection_reset';
  return status !== undefined ? String(status) : f.cls;
}

/**
 * A call from one service to another: client span, network, the callee's handling, client
 * timeout, retries with backoff, circuit breaker, and the caller's log lines about it.
 */
export function callService(
  w: World,
  caller: Service,
  pod: Instance,
  call: Call,
  target: Extract<CallTarget, { type: 'service' }>,
  t: number,
  parent: Parent,
  req: RequestContext,
): CallResult {
  const rng = w.rng;
  const callee = w.services.get(target.service);
  const op = w.ops.get(`${target.service}|${target.op}`);
  if (!callee || !op) return { end: t, failure: undefined };
  const ce = w.effects.call(caller.name, callee.name, false, pod, t, rng);
  const timeout = ce.timeoutMs ?? call.timeoutMs;
  const grpcCall = op.protocol === 'grpc';
  const path = op.route ? spanAttrs.fillPath(op.route, rng) : '';
  const url = grpcCall ? `${callee.name}:${callee.port}` : `http://${callee.name}:${callee.port}${path}`;
  const maxAttempts = 1 + call.retries;
  let start = t;
  for (let attempt = 1; ; attempt++) {
    if (caller.circuitBreaker && !w.breakers.allow(caller.name, callee.name, start)) {
      const failure: Failure = { cls: 'circuit', target: callee.name };
      if (caller.logged && rng.chance(0.05))
        w.log(caller, pod, start, 'warn', 'circuit-rejected', { target: callee.name }, failure);
      return { end: start + rng.float(0.05, 0.4), failure };
    }
    const clientId = parent ? w.ids.hex(16) : undefined;
    let end: number;
    let failure: Failure | undefined;
    let status: number | undefined;
    let code: number = GRPC.OK;
    const base = {
      target: callee.name,
      address: callee.name,
      port: callee.port,
      url,
      method: op.method ?? op.rpcMethod ?? '',
    };
    if (ce.failure) {
      end = start + Math.min(ce.failMs, timeout);
      failure = { ...base, ...ce.failure };
      code = GRPC.UNAVAILABLE;
    } else {
      const net = rng.float(0.15, 1.2);
      const out = serve(
        w,
        callee,
        op,
        start + net + ce.waitMs,
        parent && clientId ? { traceId: parent.traceId, spanId: clientId } : undefined,
        req,
      );
      if (out.lost) {
        end = Math.min(out.end + net, start + timeout);
        failure = { cls: out.lost, ...base };
        code = GRPC.UNAVAILABLE;
      } else if (out.end + net - start > timeout) {
        end = start + timeout;
        failure = { cls: 'timeout', timeoutMs: timeout, ...base };
        code = GRPC.DEADLINE_EXCEEDED;
      } else {
        end = out.end + net;
        status = grpcCall ? undefined : out.status;
        code = out.grpc;
        const bad = grpcCall ? code !== GRPC.OK : out.status >= 500;
        if (bad)
          failure = {
            cls: grpcCall ? 'grpc' : 'http',
            status: out.status,
            grpcCode: code,
            cause: out.failure,
            causeLang: callee.lang,
            ...base,
          };
        else if (grpcCall ? code !== GRPC.OK : out.status >= 400)
          failure = { cls: 'contract', status: out.status, grpcCode: code, detail: out.contract ?? '', ...base };
      }
    }
    if (parent && clientId) {
      const attrs = grpcCall
        ? spanAttrs.clientGrpc(caller, callee, op, code)
        : spanAttrs.clientHttp(caller, callee, op, path, status, errorType(failure, status));
      w.spans.push({
        traceId: parent.traceId,
        spanId: clientId,
        parentId: parent.spanId,
        remoteParent: false,
        service: caller.name,
        pod: pod.pod,
        incarnation:
          pod.incarnations.find((i) => i.start <= start && i.end > start)?.id ?? pod.incarnations[0]?.id ?? '',
        scope: scopeFor(caller, grpcCall ? 'grpc-client' : 'http-client'),
        name: grpcCall
          ? op.spanName
          : caller.lang === 'go' && caller.log.variant % 2 === 0
            ? `HTTP ${op.method}`
            : (op.method ?? 'GET'),
        kind: 3,
        start,
        end,
        status: failure && caller.setsStatus ? 2 : 0,
        statusMessage: undefined,
        attrs,
        exception: failure && caller.lang !== 'go' && rng.chance(0.5) ? { failure, at: end } : undefined,
      });
    }
    if (caller.circuitBreaker && w.breakers.record(caller.name, callee.name, end, !failure) && caller.logged) {
      w.log(caller, pod, end, 'warn', 'circuit-open', { target: callee.name }, failure);
    }
    const trace = parent && clientId ? { traceId: parent.traceId, spanId: clientId } : undefined;
    if (failure && attempt < maxAttempts && isRetryable(failure)) {
      const backoff = rng.float(50, 400) * 2 ** (attempt - 1);
      if (caller.logged && rng.chance(0.6))
        w.log(
          caller,
          pod,
          end,
          'warn',
          'call-retry',
          { target: callee.name, attempt, max: maxAttempts, backoffMs: Math.round(backoff) },
          failure,
          trace,
        );
      start = end + backoff;
      continue;
    }
    if (failure && caller.logged && rng.chance(caller.log.errorLogRate)) {
      w.log(
        caller,
        pod,
        end,
        call.critical ? 'error' : 'warn',
        call.critical ? 'call-error' : 'fallback',
        { target: callee.name, op: target.op, attempt, max: maxAttempts },
        failure,
        trace,
      );
    }
    return { end, failure };
  }
}
