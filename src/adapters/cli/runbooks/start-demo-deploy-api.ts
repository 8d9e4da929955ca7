import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SignalProbe } from '../../../core/runbooks/signal-probe.ts';

type Deployment = { version: string; previousVersion: string; errorRate: number; rolledBackAt?: string };

/** The demo's local deploy API: a few deployments, a rollback endpoint behind a bearer token, and their error rates. */
export type DemoDeployApi = {
  readonly port: number;
  /** Reads a service's error rate as a `check` step does (from the API's own state). */
  readonly probe: SignalProbe;
  readonly rollbacks: () => readonly string[];
  close(): Promise<void>;
};

/**
 * Starts the demo deploy API on 127.0.0.1 (a free port): `GET /deployments/<service>` answers
 * the current deployment; `POST /deployments/<service>/rollback` with the token goes back to the
 * previous version, after which the service's error rate drops from 31 % to 0.4 %. Any service
 * name is known (created on first use at version 1.20.0).
 */
export async function startDemoDeployApi(token: string, now: () => number): Promise<DemoDeployApi> {
  const deployments = new Map<string, Deployment>();
  const rolledBack: string[] = [];
  const of = (service: string) => {
    let d = deployments.get(service);
    if (!d) {
      d = { version: '1.20.0', previousVersion: '1.19.6', errorRate: 0.31 };
      deployments.set(service, d);
    }
    return d;
  };
  const server = createServer((req, res) => {
    const m = /^\/deployments\/([A-Za-z0-9._-]+)(\/rollback)?$/.exec(req.url ?? '');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!m) return send(404, { error: 'not found' });
    const service = m[1] as string;
    if (!m[2] && req.method === 'GET') return send(200, { service, ...of(service) });
    if (m[2] && req.method === 'POST') {
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'bad token' });
      req.resume();
      req.on('end', () => {
        const d = of(service);
        Object.assign(d, {
          version: d.previousVersion,
          previousVersion: d.version,
          errorRate: 0.004,
          rolledBackAt: new Date(now()).toISOString(),
        });
        rolledBack.push(service);
        send(200, { service, rolledBackTo: d.version });
      });
      return;
    }
    send(405, { error: 'method not allowed' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    probe: {
      name: 'demo deploy API',
      async read(q) {
        const d = deployments.get(q.service);
        if (!d || q.signal !== 'error-rate') return { state: 'no-data', detail: `no ${q.signal} for ${q.service}` };
        return { state: 'ok', value: d.errorRate };
      },
    },
    rollbacks: () => [...rolledBack],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
