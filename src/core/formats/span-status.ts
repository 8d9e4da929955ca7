import type { SpanKind } from '../model/span-record.ts';

/** gRPC status codes that make a server span an error (OTel semantic conventions); for clients, any but OK. */
const GRPC_SERVER_ERRORS = new Set([2, 4, 12, 13, 14, 15]);

/**
 * A span's status: its OTLP status code (numeric or enum name), and when that is unset what its
 * attributes say, as spans converted from other tracers carry it: `otel.status_code` (what Jaeger
 * and Zipkin exports keep of an OTel status), the `error` tag (OpenTracing's boolean, Zipkin's
 * message), and the gRPC status code (OpenCensus's `status.code`).
 */
export function spanStatus(code: unknown, attr: (key: string) => unknown, kind: SpanKind): 'error' | 'ok' | 'unset' {
  if (code === 2 || code === 'STATUS_CODE_ERROR') return 'error';
  if (code === 1 || code === 'STATUS_CODE_OK') return 'ok';
  const otel = attr('otel.status_code');
  const named = typeof otel === 'string' ? otel.toUpperCase() : '';
  if (named === 'ERROR') return 'error';
  if (named === 'OK') return 'ok';
  // OpenTracing's boolean error tag; Zipkin's error tag holds the message itself.
  const tag = attr('error');
  // (Zipkin shows a span with an empty error tag as failed too.)
  if (tag === true || (typeof tag === 'string' && tag.toLowerCase() !== 'false')) return 'error';
  // The gRPC status code, or OpenCensus's `status.code` (a gRPC canonical code, 0-16: anything
  // else under that generic key, an HTTP 200 say, is not one).
  const raw = attr('rpc.grpc.status_code') ?? attr('status.code');
  const grpc = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof grpc !== 'number' || !Number.isInteger(grpc) || grpc <= 0 || grpc > 16) return 'unset';
  if (kind === 'server' || kind === 'consumer') return GRPC_SERVER_ERRORS.has(grpc) ? 'error' : 'unset';
  return 'error';
}
