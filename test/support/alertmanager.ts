import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real Prometheus Alertmanager (Debian package prometheus-alertmanager) on 127.0.0.1. */
export type Alertmanager = {
  readonly url: string;
  /** POST /api/v2/alerts (what Prometheus does). */
  postAlerts(alerts: readonly unknown[]): Promise<void>;
  log(): string;
  stop(): Promise<void>;
};

const CANDIDATES = ['/usr/bin/prometheus-alertmanager', '/usr/bin/alertmanager'];

/** The Alertmanager binary: ALERTMANAGER_BIN, Debian's, or undefined. */
export function findAlertmanager(): string | undefined {
  const fromEnv = process.env.ALERTMANAGER_BIN;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts Alertmanager with one webhook receiver pointing at `webhookUrl` (bearer `token`,
 * send_resolved), short group timings for tests, no clustering (`--cluster.listen-address=`), and
 * waits until it is ready. Throws with the install hint when the binary is missing.
 */
export async function startAlertmanager(o: {
  readonly webhookUrl: string;
  readonly token: string;
}): Promise<Alertmanager> {
  const bin = findAlertmanager();
  if (!bin)
    throw new Error(
      'prometheus-alertmanager not found: apt-get install prometheus-alertmanager (.ci/run does), or set ALERTMANAGER_BIN',
    );
  const dir = mkdtempSync(join(tmpdir(), 'causeway-am-'));
  const config = join(dir, 'alertmanager.yml');
  writeFileSync(
    config,
    [
      'global: { resolve_timeout: 1m }',
      'route:',
      '  receiver: causeway',
      "  group_by: ['alertname', 'service']",
      '  group_wait: 1s',
      '  group_interval: 1s',
      '  repeat_interval: 1h',
      'receivers:',
      '  - name: causeway',
      '    webhook_configs:',
      `      - url: '${o.webhookUrl}'`,
      '        send_resolved: true',
      '        max_alerts: 0',
      '        http_config:',
      '          authorization:',
      '            type: Bearer',
      `            credentials: '${o.token}'`,
      '',
    ].join('\n'),
  );
  const amtool = join(bin, '..', 'amtool');
  if (existsSync(amtool)) {
    const check = spawnSync(amtool, ['check-config', config], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`amtool check-config failed: ${check.stdout}${check.stderr}`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    bin,
    [
      `--config.file=${config}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const end = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`alertmanager exited: ${out}`);
    const ok = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`alertmanager not ready in 15 s: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    log: () => out,
    async postAlerts(alerts) {
      const res = await fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!res.ok) throw new Error(`alertmanager refused the alerts: ${res.status} ${await res.text()}`);
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
