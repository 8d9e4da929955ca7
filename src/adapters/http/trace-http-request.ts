import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';

const KNOWN_METHODS = new Set(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE']);

/**
 * Runs the handling of one request inside an OpenTelemetry SERVER span named and attributed by
 * the HTTP semantic conventions: `http.request.method` (`_OTHER` for an unknown method, with
 * `http.request.method_original`), `url.path` (never the query), `url.scheme`, `http.route` — the
 * bounded template `handle` returns, the one /metrics counts by (none for unknown paths, `other`)
 * — and `http.response.status_code`. A 5xx answer, or a throw, marks the span as an error. The span is
 * active while `handle` runs, so the spans of the work it does are its children.
 */
export function traceHttpRequest(
  tracer: Tracer,
  req: IncomingMessage,
  res: ServerResponse,
  handle: () => Promise<string>,
): Promise<string> {
  const original = req.method ?? 'GET';
  const method = KNOWN_METHODS.has(original) ? original : '_OTHER';
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  return tracer.startActiveSpan(
    method === '_OTHER' ? 'HTTP' : method,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': method,
        ...(method === '_OTHER' ? { 'http.request.method_original': original } : {}),
        'url.path': path,
        'url.scheme': 'http',
        'network.protocol.version': req.httpVersion,
      },
    },
    async (span) => {
      try {
        const route = await handle();
        if (route !== 'other') {
          span.setAttribute('http.route', route);
          span.updateName(`${method === '_OTHER' ? 'HTTP' : method} ${route}`);
        }
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        return route;
      } catch (e) {
        span.setAttribute('error.type', e instanceof Error ? e.name : 'Error');
        span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.message : String(e) });
        throw e;
      } finally {
        span.end();
      }
    },
  );
}
