import type { Phrase } from './phrase.ts';
import { ph } from './phrase-helpers.ts';

/** A gRPC server method failed: each gRPC stack logs it its own way. */
function grpcError(c: Parameters<Phrase>[0], method: string, e: string): ReturnType<Phrase> {
  switch (c.svc.lang) {
    case 'java':
      return {
        msg: ph.one(c, [
          `Error processing gRPC call ${method}: ${e}`,
          `Exception while executing runnable io.grpc.internal.ServerImpl$JumpToApplicationThreadServerStreamListener$1HalfClosed@${(c.v % 0xffffff).toString(16)}`,
        ]),
      };
    case 'go':
      return {
        msg: ph.one(c, ['finished call', 'grpc handler error']),
        extra: { 'grpc.method': method, 'grpc.code': 'Unknown', error: e },
      };
    case 'node':
      return { msg: `${method} failed: ${e}` };
    case 'python':
      return { msg: `Exception calling application: ${e}` };
    case 'dotnet':
      return { msg: `Error when executing service method '${method}'.` };
  }
}

const requestError: Phrase = (c) => {
  const m = ph.s(c, 'method', 'POST');
  const route = ph.s(c, 'route');
  const path = ph.s(c, 'path') || route;
  const e = ph.errMsg(c);
  if (c.p.method === undefined) return grpcError(c, route, e);
  switch (c.svc.lang) {
    case 'java':
      return {
        msg: ph.one(c, [
          `Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: ${ph.errFull(c)}] with root cause`,
          `Unhandled exception while processing ${m} ${route}`,
          `Failed to handle ${route}: ${e}`,
          `Resolved [${c.err?.type ?? 'java.lang.RuntimeException'}: ${e}]`,
        ]),
      };
    case 'go':
      return ph.one(c, [
        { msg: 'request failed', extra: { error: e, path, status: ph.n(c, 'status') } },
        { msg: `error handling ${route}: ${e}` },
        { msg: 'handler returned error', extra: { err: e, method: m, route } },
      ]);
    case 'node':
      return {
        msg: ph.one(c, [
          `Unhandled error in ${m} ${route}: ${e}`,
          'request errored',
          `[ExceptionsHandler] ${e}`,
          `${c.err?.type ?? 'Error'}: ${e}`,
        ]),
      };
    case 'python':
      return {
        msg: ph.one(c, [
          `Exception on ${path} [${m}]`,
          'Exception in ASGI application',
          `Internal Server Error: ${path}`,
        ]),
      };
    case 'dotnet':
      return {
        msg: ph.one(c, [
          'An unhandled exception has occurred while executing the request.',
          `HTTP ${m} ${path} responded ${ph.n(c, 'status')} in ${ph.n(c, 'durMs')} ms`,
        ]),
      };
  }
};

const consumeError: Phrase = (c) => {
  const topic = ph.s(c, 'topic');
  const e = ph.errMsg(c);
  return ph.one(c, [
    { msg: `Error processing record from ${topic}: ${e}` },
    { msg: 'message handler failed', extra: { topic, error: e } },
    { msg: `Failed to process message from ${topic}, will retry` },
    { msg: `Listener method could not be invoked with the incoming message; ${c.err?.type ?? 'Exception'}: ${e}` },
  ]);
};

const callError: Phrase = (c) => {
  const target = ph.s(c, 'target');
  const op = ph.s(c, 'op');
  const e = ph.errMsg(c);
  switch (c.svc.lang) {
    case 'java':
      return {
        msg: ph.one(c, [
          `Call to ${target} failed: ${e}`,
          `Error calling ${target} ${op}`,
          `${ph.pascal(target)}Client - request failed after ${ph.n(c, 'attempt')} attempt(s): ${e}`,
          `Remote call ${op} on ${target} failed`,
        ]),
      };
    case 'go':
      return ph.one(c, [
        { msg: `failed to call ${target}`, extra: { err: e, method: op } },
        { msg: 'upstream error', extra: { upstream: target, error: e } },
        { msg: `${op}: ${e}` },
      ]);
    case 'node':
      return {
        msg: ph.one(c, [
          `Error calling ${target}: ${e}`,
          `downstream request to ${target} failed`,
          `[${target}] ${op} failed: ${e}`,
        ]),
      };
    case 'python':
      return {
        msg: ph.one(c, [
          `Failed to fetch from ${target}: ${e}`,
          `Request to ${target} failed`,
          `error calling ${target}.${op}`,
        ]),
      };
    case 'dotnet':
      return {
        msg: ph.one(c, [
          `Call to ${target} failed`,
          `Error invoking {Operation} on ${target}`.replace('{Operation}', op),
        ]),
      };
  }
};

const depError: Phrase = (c) => {
  const target = ph.s(c, 'target');
  const op = ph.s(c, 'op');
  const e = ph.errMsg(c);
  const t = c.err?.type ?? 'Error';
  const isSql = /SQL|psycopg|pg|Npgsql|Sql|mysql|Knex|sqlalchemy|Hikari|JDBC/i.test(t + e);
  const isRedis = /redis|lettuce|Redis|WRONGPASS|READONLY/i.test(t + e);
  switch (c.svc.lang) {
    case 'java':
      if (isSql)
        return {
          msg: ph.one(c, [
            `SQL Error: 0, SQLState: ${/too many clients/.test(e) ? '53300' : /password/.test(e) ? '28P01' : '08001'}`,
            `Could not open JPA EntityManager for transaction; nested exception is ${t}: ${e}`,
            `Database error on ${op}: ${e}`,
          ]),
        };
      if (isRedis) return { msg: ph.one(c, [`Redis command failed: ${e}`, `Cache lookup failed for ${op}`]) };
      return { msg: ph.one(c, [`${target} request failed: ${e}`, `Error talking to ${target}`]) };
    case 'go':
      return ph.one(c, [
        {
          msg: isSql ? 'query failed' : isRedis ? 'cache error' : `${target} call failed`,
          extra: { err: e, op, peer: target },
        },
        { msg: `${isSql ? 'db' : target}: ${e}` },
      ]);
    case 'node':
      if (isRedis) return { msg: ph.one(c, [`[ioredis] Unhandled error event: ${t}: ${e}`, `Redis error: ${e}`]) };
      return {
        msg: ph.one(c, [`${isSql ? 'Database query failed' : `${target} request failed`}: ${e}`, `${t}: ${e}`]),
      };
    case 'python':
      return {
        msg: ph.one(c, [
          `(${t}) ${e}`,
          `${isSql ? 'database' : target} unavailable: ${e}`,
          `Error while executing ${op}`,
        ]),
      };
    case 'dotnet':
      return {
        msg: ph.one(c, [
          `Failed executing DbCommand (${Math.round(ph.n(c, 'durMs'))}ms) [Parameters=[@p0='?'], CommandType='Text', CommandTimeout='30']`,
          `An exception occurred while iterating over the results of a query for context type '${ph.pascal(c.svc.name)}DbContext'.`,
          `${target} call failed: ${e}`,
        ]),
      };
  }
};

const fallback: Phrase = (c) => {
  const target = ph.s(c, 'target');
  const e = ph.errMsg(c);
  return ph.one(c, [
    { msg: `${target} unavailable, using fallback: ${e}` },
    { msg: `Failed to load data from ${target}, continuing without it` },
    { msg: 'degraded response', extra: { dependency: target, reason: e } },
    { msg: `Ignoring error from ${target}: ${e}` },
  ]);
};

const callRetry: Phrase = (c) => {
  const target = ph.s(c, 'target');
  const a = ph.n(c, 'attempt');
  const max = ph.n(c, 'max');
  const backoff = ph.n(c, 'backoffMs');
  const e = ph.errMsg(c);
  switch (c.svc.lang) {
    case 'java':
      return {
        msg: ph.one(c, [
          `Retrying ${target} call (attempt ${a + 1}/${max}) after ${backoff}ms: ${e}`,
          `Retry '${target}', waiting PT${(backoff / 1000).toFixed(3)}S until attempt '${a}'. Last attempt failed with exception '${c.err?.type ?? 'Exception'}: ${e}'.`,
        ]),
      };
    case 'go':
      return { msg: 'retrying request', extra: { attempt: a, backoff: `${backoff}ms`, target, err: e } };
    case 'node':
      return { msg: `retry ${a}/${max - 1} for ${target} in ${backoff}ms` };
    case 'python':
      return {
        msg: `Retrying (Retry(total=${Math.max(0, max - a - 1)}, connect=None, read=None, redirect=None, status=None)) after connection broken by '${c.err?.type.split('.').pop() ?? 'Error'}(${JSON.stringify(e.slice(0, 80))})': ${ph.s(c, 'op')}`,
      };
    case 'dotnet':
      return { msg: `Delaying for ${backoff}ms, then making retry ${a}.` };
  }
};

const publishError: Phrase = (c) => ({
  msg: ph.one(c, [
    `Failed to send record to ${ph.s(c, 'topic')}: ${ph.errMsg(c)}`,
    '[Producer] Failed to send messages',
    `Message delivery failed: ${ph.errMsg(c)}`,
    `error publishing event to ${ph.s(c, 'topic')}`,
  ]),
});
const dlq: Phrase = (c) => ({
  msg: ph.one(c, [
    `Sending message to DLQ ${ph.s(c, 'topic')}.DLQ after ${ph.n(c, 'attempt')} attempts`,
    `giving up on message from ${ph.s(c, 'topic')}`,
    `Message moved to dead letter queue: ${ph.errMsg(c)}`,
  ]),
});
const circuitOpen: Phrase = (c) => {
  const t = ph.s(c, 'target');
  return {
    msg: {
      java: `CircuitBreaker '${t}' changed state from CLOSED to OPEN`,
      go: `circuit breaker ${t}: state changed from closed to open`,
      node: `Circuit breaker for ${t} opened`,
      python: `Circuit breaker opened for ${t}`,
      dotnet: `Circuit breaker opened for ${t}; breaking for 30s`,
    }[c.svc.lang],
  };
};
const circuitRejected: Phrase = (c) => ({
  msg: ph.one(c, [
    `Call to ${ph.s(c, 'target')} short-circuited`,
    `CircuitBreaker '${ph.s(c, 'target')}' is OPEN and does not permit further calls`,
  ]),
});
const shed: Phrase = (c) => {
  switch (c.svc.lang) {
    case 'java':
      return {
        msg: ph.one(c, [
          'Maximum number of threads (200) created for connector with address [/0.0.0.0] and port [8080]',
          `Rejecting request, executor saturated (utilisation ${ph.n(c, 'util')}%)`,
        ]),
      };
    case 'go':
      return { msg: 'too many in-flight requests, shedding load', extra: { route: ph.s(c, 'route') } };
    case 'node':
      return { msg: `Server under pressure: event loop delay ${200 + (c.v % 1800)}ms, rejecting request` };
    case 'python':
      return { msg: `WORKER TIMEOUT (pid:${7 + (c.t % 40)})` };
    case 'dotnet':
      return { msg: 'Request rejected: concurrency limit reached' };
  }
};
const slow: Phrase = (c) => ({
  msg: ph.one(c, [
    `Slow request detected: ${ph.s(c, 'method')} ${ph.s(c, 'route')} took ${ph.n(c, 'durMs')}ms`,
    'slow request',
    `Request took too long: ${(ph.n(c, 'durMs') / 1000).toFixed(2)}s`,
  ]),
  extra: { duration_ms: ph.n(c, 'durMs') },
});
const debugQuery: Phrase = (c) => ({
  msg: ph.one(c, [
    `Executed ${ph.s(c, 'op')} in ${ph.n(c, 'durMs')} ms (${ph.n(c, 'rows')} rows)`,
    'query executed',
    `${ph.s(c, 'op')} returned ${ph.n(c, 'rows')} rows`,
  ]),
  extra: { rows: ph.n(c, 'rows') },
});

/** Lines about failures and degradations, in each language's habits. */
export const ERROR_PHRASES: Readonly<Record<string, Phrase>> = {
  'request-error': requestError,
  'consume-error': consumeError,
  'call-error': callError,
  'dep-error': depError,
  fallback,
  'call-retry': callRetry,
  'publish-error': publishError,
  dlq,
  'circuit-open': circuitOpen,
  'circuit-rejected': circuitRejected,
  shed,
  'slow-request': slow,
  'debug-query': debugQuery,
};
