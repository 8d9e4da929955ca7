import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real Prometheus (Debian package prometheus) on 127.0.0.1, serving TSDB blocks seeded beforehand. */
export type Prometheus = {
  readonly url: string;
  log(): string;
  stop(): Promise<void>;
};

/** The Prometheus binary: PROMETHEUS_BIN, Debian's, or undefined. */
export function findPrometheus(): string | undefined {
  const fromEnv = process.env.PROMETHEUS_BIN;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return existsSync('/usr/bin/prometheus') ? '/usr/bin/prometheus' : undefined;
}

/** promtool: PROMTOOL_BIN, else the one next to the Prometheus binary. */
export function findPromtool(): string {
  const fromEnv = process.env.PROMTOOL_BIN;
  if (fromEnv) return fromEnv;
  const bin = findPrometheus();
  return bin ? join(dirname(bin), 'promtool') : 'promtool';
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
 * Starts Prometheus on a free loopback port over `dataDir` (blocks made by promtool), with a
 * retention long enough to keep old seeded blocks and no scrape targets, and waits for /-/ready.
 * Throws with the install hint when the binary is missing.
 */
export async function startPrometheus(dataDir: string): Promise<Prometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-prom-'));
  const config = join(dir, 'prometheus.yml');
  writeFileSync(config, 'global:\n  scrape_interval: 1m\nscrape_configs: []\n');
  const p = await runPrometheus((listen) => [
    `--config.file=${config}`,
    `--storage.tsdb.path=${dataDir}`,
    '--storage.tsdb.retention.time=100y',
    `--web.listen-address=${listen}`,
  ]);
  return {
    ...p,
    async stop() {
      await p.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the Prometheus binary with the arguments made for a free loopback address, until /-/ready. */
export async function runPrometheus(args: (listen: string) => readonly string[]): Promise<Prometheus> {
  const bin = findPrometheus();
  if (!bin) throw new Error('prometheus not found: apt-get install prometheus (npm test does), or set PROMETHEUS_BIN');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(bin, [...args(`127.0.0.1:${port}`), '--log.level=warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const end = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited: ${out}`);
    const ok = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`prometheus not ready in 30 s: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    log: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
