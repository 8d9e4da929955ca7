import type { Phrase } from './phrase.ts';
import { ph } from './phrase-helpers.ts';

const REASON: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const access: Phrase = (c) => {
  const m = ph.s(c, 'method');
  const path = ph.s(c, 'path') || ph.s(c, 'route');
  const status = ph.n(c, 'status');
  const dur = ph.n(c, 'durMs');
  const grpcMethod = !m ? ph.s(c, 'route') : '';
  const grpcCode = ph.n(c, 'grpc');
  const codeName =
    [
      'OK',
      'Canceled',
      'Unknown',
      'InvalidArgument',
      'DeadlineExceeded',
      'NotFound',
      '',
      '',
      'ResourceExhausted',
      'FailedPrecondition',
      '',
      '',
      '',
      'Internal',
      'Unavailable',
    ][grpcCode] ?? 'Unknown';
  switch (c.svc.lang) {
    case 'java':
      if (grpcMethod)
        return {
          msg: ph.one(c, [
            `gRPC call ${grpcMethod} completed with status ${codeName.toUpperCase()} in ${Math.round(dur)} ms`,
            `Handled ${grpcMethod} -> ${codeName.toUpperCase()} (${dur} ms)`,
          ]),
        };
      return {
        msg: ph.one(c, [
          `${m} ${path} -> ${status} (${Math.round(dur)} ms)`,
          `Request completed: method=${m} uri=${path} status=${status} duration=${Math.round(dur)}ms`,
          `"${m} ${path}" ${status} ${Math.round(dur)}ms`,
          `Completed ${status} ${REASON[status] ?? ''}`.trim(),
        ]),
      };
    case 'go':
      if (grpcMethod)
        return {
          msg: ph.one(c, ['finished call', 'finished unary call with code ' + codeName]),
          extra: { 'grpc.method': grpcMethod, 'grpc.code': codeName, 'grpc.time_ms': dur },
        };
      return {
        msg: ph.one(c, ['request completed', 'handled request', 'http request served', 'access']),
        extra: { method: m, path, status, duration_ms: dur },
      };
    case 'node':
      if (grpcMethod) return { msg: `${grpcMethod} ${codeName} ${dur}ms` };
      return ph.one(c, [
        {
          msg: 'request completed',
          extra: { 'http.request.method': m, 'url.path': path, 'http.response.status_code': status, responseTime: dur },
        },
        { msg: `${m} ${path} ${status} - ${dur} ms` },
        { msg: `${m} ${path} ${status} ${Math.round(dur)}ms` },
      ]);
    case 'python':
      if (grpcMethod) return { msg: `${grpcMethod} ${codeName.toUpperCase()} ${dur}ms` };
      return {
        msg: ph.one(c, [
          `${ph.s(c, 'ip', '10.0.0.1')}:${40000 + (c.v % 20000)} - "${m} ${path} HTTP/1.1" ${status}`,
          `${m} ${path} ${status} ${(dur / 1000).toFixed(3)}s`,
          `request_finished method=${m} path=${path} status=${status}`,
        ]),
      };
    case 'dotnet':
      return {
        msg: grpcMethod
          ? `Request finished HTTP/2 POST http://${c.svc.name}:${c.svc.port}/${grpcMethod} - ${codeName === 'OK' ? 200 : 200} - application/grpc ${dur.toFixed(4)}ms`
          : ph.one(c, [
              `Request finished HTTP/1.1 ${m} http://${c.svc.name}:${c.svc.port}${path} - ${status} ${200 + (c.v % 4000)} application/json;+charset=utf-8 ${dur.toFixed(4)}ms`,
              `HTTP ${m} ${path} responded ${status} in ${dur.toFixed(4)} ms`,
            ]),
      };
  }
};

const consumeOk: Phrase = (c) => {
  const topic = ph.s(c, 'topic');
  const dur = ph.n(c, 'durMs');
  return ph.one(c, [
    { msg: `Processed message from ${topic} in ${Math.round(dur)} ms` },
    { msg: 'message processed', extra: { topic, duration_ms: dur } },
    { msg: `Consumed record ${topic}-${c.v % 12}@${100000 + (c.t % 900000)}` },
    { msg: `handled ${topic} event` },
  ]);
};

const jobStart: Phrase = (c) => ({
  msg: ph.one(c, [`Starting scheduled job ${ph.s(c, 'route')}`, `Running ${ph.s(c, 'route')}`, 'job started']),
});
const jobEnd: Phrase = (c) => ({
  msg: ph.one(c, [
    `Job ${ph.s(c, 'route')} finished in ${Math.round(ph.n(c, 'durMs'))} ms`,
    `${ph.s(c, 'route')} completed, ${100 + (c.t % 20000)} records processed`,
    'job finished',
  ]),
  extra: { duration_ms: Math.round(ph.n(c, 'durMs')) },
});

/** Lines written for work that succeeded: access logs, processed messages, job runs. */
export const ACCESS_PHRASES: Readonly<Record<string, Phrase>> = {
  access,
  'consume-ok': consumeOk,
  'job-start': jobStart,
  'job-end': jobEnd,
};
