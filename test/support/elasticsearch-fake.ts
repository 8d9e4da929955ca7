import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeMode = 'stall' | 'error';

export type FakeEs = { readonly url: string; close(): Promise<void> };

/**
 * A local server that speaks enough of Elasticsearch's HTTP protocol for the client (it sends
 * `x-elastic-product: Elasticsearch`): requests that touch an index whose name contains `match`
 * stall (never answered) or fail (HTTP 500 with an Elasticsearch error body); all others are
 * forwarded to the real server at `upstream`.
 */
export async function startFakeEs(upstream: string, match: string, mode: FakeMode): Promise<FakeEs> {
  const stalled = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (`${req.url ?? ''} ${body.toString('utf8')}`.includes(match)) {
        if (mode === 'stall') {
          stalled.add(res);
          return;
        }
        const error = {
          type: 'search_phase_execution_exception',
          reason: 'all shards failed',
          root_cause: [{ type: 'circuit_breaking_exception', reason: '[parent] Data too large' }],
        };
        res.writeHead(500, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
        res.end(JSON.stringify({ error, status: 500 }));
        return;
      }
      const up = new URL(req.url ?? '/', upstream);
      const fwd = request(up, { method: req.method, headers: { ...req.headers, host: up.host } }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      fwd.on('error', () => res.destroy());
      fwd.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of stalled) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
