import type { Lang } from '../../model/topology-model.ts';
import type { ErrText, FailureCtx } from '../err-text.ts';

const REASON: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const GRPC_NAME: Readonly<Record<number, [string, string]>> = {
  1: ['CANCELLED', 'Canceled'],
  2: ['UNKNOWN', 'Unknown'],
  3: ['INVALID_ARGUMENT', 'InvalidArgument'],
  4: ['DEADLINE_EXCEEDED', 'DeadlineExceeded'],
  5: ['NOT_FOUND', 'NotFound'],
  8: ['RESOURCE_EXHAUSTED', 'ResourceExhausted'],
  9: ['FAILED_PRECONDITION', 'FailedPrecondition'],
  13: ['INTERNAL', 'Internal'],
  14: ['UNAVAILABLE', 'Unavailable'],
};

const springClass = (status: number): string => {
  const reason = (REASON[status] ?? 'Error').replace(/ /g, '');
  return status >= 500
    ? `org.springframework.web.client.HttpServerErrorException$${reason}`
    : `org.springframework.web.client.HttpClientErrorException$${reason}`;
};

function http(lang: Lang, c: FailureCtx, status: number, remote: string): ErrText {
  const reason = REASON[status] ?? 'Error';
  const body = remote ? `{"error":${JSON.stringify(remote.split('\n')[0]?.slice(0, 160) ?? '')}}` : '';
  switch (lang) {
    case 'java':
      return c.v % 3 === 2
        ? {
            type: `feign.FeignException$${reason.replace(/ /g, '')}`,
            message: `[${status} ${reason}] during [${c.method}] to [${c.url}] [${c.target}Client#call()]: [${body}]`,
          }
        : { type: springClass(status), message: `${status} ${reason}: "${body}"` };
    case 'go':
      return c.v % 2 === 0
        ? { type: '*errors.errorString', message: `unexpected status code ${status} from ${c.target}: ${body}` }
        : { type: '*fmt.wrapError', message: `${c.target}: ${c.method} ${c.path}: ${status} ${reason}` };
    case 'node':
      return c.v % 2 === 0
        ? { type: 'AxiosError', message: `Request failed with status code ${status}` }
        : { type: 'HTTPError', message: `Response code ${status} (${reason})` };
    case 'python':
      return {
        type: 'requests.exceptions.HTTPError',
        message: `${status} ${status >= 500 ? 'Server' : 'Client'} Error: ${reason} for url: ${c.url}`,
      };
    case 'dotnet':
      return {
        type: 'System.Net.Http.HttpRequestException',
        message: `Response status code does not indicate success: ${status} (${reason}).`,
      };
  }
}

function grpc(lang: Lang, code: number, remote: string): ErrText {
  const [upper, camel] = GRPC_NAME[code] ?? ['UNKNOWN', 'Unknown'];
  const desc = remote.split('\n')[0]?.slice(0, 200) ?? '';
  switch (lang) {
    case 'java':
      return { type: 'io.grpc.StatusRuntimeException', message: `${upper}: ${desc}` };
    case 'go':
      return { type: '*status.Error', message: `rpc error: code = ${camel} desc = ${desc}` };
    case 'node':
      return { type: 'Error', message: `${code} ${upper}: ${desc}` };
    case 'python':
      return {
        type: 'grpc._channel._InactiveRpcError',
        message: `<_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.${upper}\n\tdetails = "${desc}"\n>`,
      };
    case 'dotnet':
      return { type: 'Grpc.Core.RpcException', message: `Status(StatusCode="${camel}", Detail="${desc}")` };
  }
}

const CIRCUIT: Readonly<Record<Lang, (t: string) => ErrText>> = {
  java: (t) => ({
    type: 'io.github.resilience4j.circuitbreaker.CallNotPermittedException',
    message: `CircuitBreaker '${t}' is OPEN and does not permit further calls`,
  }),
  go: () => ({ type: '*errors.errorString', message: 'circuit breaker is open' }),
  node: () => ({ type: 'OpenCircuitError', message: 'Breaker is open' }),
  python: () => ({
    type: 'pybreaker.CircuitBreakerError',
    message: 'Timeout not elapsed yet, circuit breaker still open',
  }),
  dotnet: () => ({
    type: 'Polly.CircuitBreaker.BrokenCircuitException',
    message: 'The circuit is now open and is not allowing calls.',
  }),
};

/** Errors reported by the other side: HTTP 5xx/4xx responses, gRPC statuses, open circuit breakers. */
export function remoteText(
  cls: string,
  lang: Lang,
  c: FailureCtx,
  status: number | undefined,
  grpcCode: number | undefined,
  remote: string,
): ErrText | undefined {
  if (cls === 'circuit') return CIRCUIT[lang](c.target);
  if (cls === 'grpc' || (cls === 'contract' && c.cat === 'grpc'))
    return grpc(lang, grpcCode ?? 2, remote || (REASON[status ?? 500] ?? ''));
  if (cls === 'http' || cls === 'contract') return http(lang, c, status ?? 500, remote);
  return undefined;
}
