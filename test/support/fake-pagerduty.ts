import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One event PagerDuty accepted, as sent. */
export type ReceivedEvent = {
  readonly routing_key: string;
  readonly event_action: 'trigger' | 'acknowledge' | 'resolve';
  readonly dedup_key?: string;
  readonly payload?: { readonly summary: string; readonly source: string; readonly severity: string };
  readonly links?: readonly { readonly href: string; readonly text?: string }[];
};

/**
 * A local stand-in of the PagerDuty Events API v2 on 127.0.0.1 (`POST /v2/enqueue`): checks an
 * event as PagerDuty documents (32-character routing key, event_action, for trigger a payload with
 * summary, source and a known severity, for resolve a dedup key) and answers 202
 * `{status: "success", message: "Event processed", dedup_key}` (a new key when a trigger has none),
 * or 400 `{status: "invalid event", message: "Event object is invalid", errors}`. `failNext`
 * scripts the next answers (429 rate limit, 500/502/503, or `hang` to never answer).
 */
export async function startFakePagerDuty(): Promise<{
  readonly url: string;
  readonly events: ReceivedEvent[];
  /** Every request, including the refused and failed ones. */
  readonly requests: () => number;
  failNext(...answers: (429 | 500 | 502 | 503 | 'hang')[]): void;
  close(): Promise<void>;
}> {
  const events: ReceivedEvent[] = [];
  const script: (429 | 500 | 502 | 503 | 'hang')[] = [];
  let requests = 0;
  let n = 0;
  const hanging: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const send = (status: number, doc: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(doc));
      };
      if (req.method !== 'POST' || req.url !== '/v2/enqueue') return send(404, { status: 'not found' });
      const next = script.shift();
      if (next === 'hang') {
        hanging.push(() => res.destroy());
        return;
      }
      if (next === 429)
        return send(429, { status: 'throttle event', message: 'Requests for this service are arriving too quickly.' });
      if (next !== undefined) return send(next, { status: 'error', message: 'Internal Server Error' });
      let e: Record<string, unknown>;
      try {
        e = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return send(400, { status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid JSON'] });
      }
      const errors: string[] = [];
      if (!String(req.headers['content-type']).startsWith('application/json'))
        errors.push('Content-Type must be application/json');
      if (typeof e.routing_key !== 'string' || e.routing_key.length !== 32) errors.push("'routing_key' is invalid");
      if (!['trigger', 'acknowledge', 'resolve'].includes(String(e.event_action)))
        errors.push("'event_action' is invalid");
      const p = e.payload as Record<string, unknown> | undefined;
      if (e.event_action === 'trigger') {
        if (!p || typeof p.summary !== 'string' || p.summary === '') errors.push("'payload.summary' is missing");
        if (!p || typeof p.source !== 'string' || p.source === '') errors.push("'payload.source' is missing");
        if (!p || !['critical', 'error', 'warning', 'info'].includes(String(p.severity)))
          errors.push("'payload.severity' is invalid");
      } else if (typeof e.dedup_key !== 'string' || e.dedup_key === '') errors.push("'dedup_key' is missing");
      if (errors.length > 0) return send(400, { status: 'invalid event', message: 'Event object is invalid', errors });
      const dedup = typeof e.dedup_key === 'string' && e.dedup_key !== '' ? e.dedup_key : `pd-${++n}`;
      events.push({ ...(e as unknown as ReceivedEvent), dedup_key: dedup });
      send(202, { status: 'success', message: 'Event processed', dedup_key: dedup });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v2/enqueue`,
    events,
    requests: () => requests,
    failNext: (...answers) => script.push(...answers),
    close: async () => {
      for (const h of hanging) h();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
