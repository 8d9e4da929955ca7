import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqualText } from '../../core/ingest/timing-safe-equal-text.ts';
import { createBodyGate } from './body-gate.ts';
import { handleIncidentPage, INCIDENT_PAGE_ROUTE } from './handle-incident-page.ts';
import { handleWebhook } from './handle-webhook.ts';
import type { HttpServerDeps } from './http-server-deps.ts';
import { sendJson } from './send-json.ts';
import { traceHttpRequest } from './trace-http-request.ts';

export type HttpServer = {
  readonly server: Server;
  /** Requests being handled now. */
  readonly inFlight: number;
  /**
   * Graceful stop: new connections refused, new webhooks answered 503 (senders retry elsewhere),
   * /readyz 503; waits for requests in flight until `deadline` (epoch of `monotonic`), then closes
   * every connection.
   */
  drain(deadline: number): Promise<void>;
};

const WEBHOOK = /^\/webhooks\/(alerts|changes)\/([a-z0-9-]+)\/?$/;

/**
 * The HTTP surface of `causeway serve`, on Node's own `http` (no framework: the raw body must reach
 * the signature check untouched, and the server needs only five routes): `GET /healthz`,
 * `GET /readyz`, `GET /metrics`, `POST /webhooks/alerts/<source>`, `POST /webhooks/changes/<source>`.
 * Built here, listened on by the caller.
 */
export function buildHttpServer(deps: HttpServerDeps): HttpServer {
  let inFlight = 0;
  let connections = 0;
  let draining = false;
  const gate = { bodies: createBodyGate(deps.limits), connections: () => connections };
  let idle: (() => void) | undefined;
  const bySource = {
    alerts: new Map(deps.alertSources.map((s) => [s.name, s])),
    changes: new Map(deps.changeSources.map((s) => [s.name, s])),
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<string> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET', '/healthz');
      sendJson(res, 200, { status: 'ok' });
      return '/healthz';
    }
    if (path === '/readyz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET', '/readyz');
      if (draining) {
        sendJson(res, 503, { status: 'shutting-down', checks: [] });
        return '/readyz';
      }
      const checks = await deps.ready();
      sendJson(res, checks.every((c) => c.ok) ? 200 : 503, {
        status: checks.every((c) => c.ok) ? 'ready' : 'not-ready',
        checks,
      });
      return '/readyz';
    }
    if (path === '/metrics') {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET', '/metrics');
      const token = deps.metrics.token;
      if (token && !timingSafeEqualText(req.headers.authorization ?? '', `Bearer ${token}`)) {
        sendJson(res, 401, {
          error: {
            code: 'WEBHOOK_UNAUTHORIZED',
            field: 'authorization',
            message: 'GET /metrics needs Authorization: Bearer <server.metricsToken>',
          },
        });
        return '/metrics';
      }
      const text = await deps.metrics.text();
      res.writeHead(200, { 'content-type': deps.metrics.contentType, 'cache-control': 'no-store' });
      res.end(text);
      return '/metrics';
    }
    const page = deps.pages ? INCIDENT_PAGE_ROUTE.exec(path) : null;
    if (page && deps.pages) {
      const label = `/incidents/:id${page[2] ? `/${page[2]}` : ''}`;
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET', label);
      const incidentId = page[1] as string;
      const refused = await handleIncidentPage(
        deps.pages,
        req,
        res,
        { incidentId, view: (page[2] as 'chart.png' | 'report.md' | 'report.html' | undefined) ?? 'page' },
        deps.now(),
      );
      if (refused) deps.log.warn({ incidentId, reason: refused }, 'incident page refused (403)');
      return label;
    }
    const m = WEBHOOK.exec(path);
    if (!m) {
      sendJson(res, 404, { error: { code: 'HTTP_ROUTE_UNKNOWN', field: '(path)', message: `no route ${path}` } });
      return 'other';
    }
    const kind = m[1] as 'alerts' | 'changes';
    const name = m[2] as string;
    // The template, not the name: a client cannot grow the label set by naming sources.
    const label = `/webhooks/${kind}/:source`;
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST', label);
    const source = bySource[kind].get(name);
    if (!source) {
      sendJson(
        res,
        404,
        {
          error: {
            code: 'WEBHOOK_SOURCE_DISABLED',
            field: '(path)',
            message: `${kind} source "${name}" is not enabled: it is unknown or has no secret configured (webhooks.${kind === 'changes' && name === 'generic' ? 'changes' : name}.*); enabled: ${[...bySource[kind].keys()].join(', ') || 'none'}`,
          },
        },
        true,
      );
      return label;
    }
    if (draining) {
      sendJson(
        res,
        503,
        { error: { code: 'SERVER_UNAVAILABLE', field: '(server)', message: 'shutting down; retry' } },
        true,
      );
      return label;
    }
    const answer = await handleWebhook(deps, source, req, gate);
    sendJson(
      res,
      answer.status,
      answer.body,
      answer.close ?? false,
      answer.retryAfter !== undefined ? { 'retry-after': String(answer.retryAfter) } : {},
    );
    if (answer.close) res.on('finish', () => req.destroy());
    return label;
  }

  const server = createServer(
    {
      // Node's own limits, behind the body gate's: headers within 10 s, the whole request within the
      // body timeout and a margin (answered 408 by Node), checked every second.
      requestTimeout: deps.limits.bodyTimeoutMs + 15_000,
      headersTimeout: 10_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      inFlight++;
      const t0 = deps.monotonic();
      (deps.tracer ? traceHttpRequest(deps.tracer, req, res, () => route(req, res)) : route(req, res))
        .then((label) => deps.metrics.request(label, res.statusCode, (deps.monotonic() - t0) / 1000))
        .catch((e: unknown) => {
          deps.log.error({ err: e instanceof Error ? e.stack : String(e), url: req.url }, 'request failed');
          sendJson(res, 500, { error: { code: 'INTERNAL', field: '(server)', message: 'internal error' } }, true);
        })
        .finally(() => {
          inFlight--;
          if (inFlight === 0 && idle) idle();
        });
    },
  );

  server.on('connection', (socket) => {
    connections++;
    socket.once('close', () => connections--);
  });

  return {
    server,
    get inFlight() {
      return inFlight;
    },
    async drain(deadline) {
      draining = true;
      server.close();
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
          const left = Math.max(0, deadline - deps.monotonic());
          setTimeout(resolve, left).unref();
        });
      }
      server.closeAllConnections();
    },
  };
}

function methodNotAllowed(res: ServerResponse, allow: string, label: string): string {
  res.setHeader('allow', allow);
  sendJson(res, 405, { error: { code: 'HTTP_ROUTE_UNKNOWN', field: '(method)', message: `use ${allow}` } });
  return label;
}
