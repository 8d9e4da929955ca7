import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Elasticsearch server for the connector tests ('' when none could be started). */
    esUrl: string;
    /** Why there is no server, when `esUrl` is ''. */
    esError: string;
  }
}

const SCRIPT = new URL('../../scripts/services.sh', import.meta.url).pathname;

function services(cmd: 'start' | 'stop'): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    execFile('bash', [SCRIPT, cmd, 'elasticsearch'], { timeout: 600_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      resolve({ ok: !err, out: `${stdout}${stderr}` }),
    );
  });
}

/**
 * vitest globalSetup: the Elasticsearch in ES_URL when set; else one started by
 * `scripts/services.sh start elasticsearch` (downloaded once, cached under .cache/es). Test runs
 * on one machine share it: each holds a lease (a file named after its pid) while it runs, and the
 * last run to leave stops a server that a test run started — never one that was already up when
 * the first run came (started by hand). When none can be had, the Elasticsearch tests fail with
 * the reason; other tests are unaffected.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const existing = process.env.ES_URL;
  if (existing) {
    project.provide('esUrl', existing.replace(/\/+$/, ''));
    project.provide('esError', '');
    return undefined;
  }
  const port = process.env.ES_PORT ?? 19200;
  const leases = join(tmpdir(), `causeway-es-${port}-runs`);
  const startedByTests = join(leases, 'started-by-tests');
  mkdirSync(leases, { recursive: true });
  const lease = join(leases, String(process.pid));
  writeFileSync(lease, '');
  const wasUp = await isUp(`http://127.0.0.1:${port}`);
  // A server nobody holds a lease on and no test run started was started by hand: left alone.
  if (!wasUp) writeFileSync(startedByTests, '');
  const r = await services('start');
  const url = /ES_URL=(\S+)/.exec(r.out)?.[1];
  if (!r.ok || !url) {
    rmSync(lease, { force: true });
    project.provide('esUrl', '');
    const why = r.out.match(/^.*(?:Exception|Error|refus|die|services\.sh:).*$/m)?.[0] ?? '';
    project.provide('esError', `scripts/services.sh start elasticsearch failed: ${why}\n${r.out.slice(-1500)}`);
    return undefined;
  }
  project.provide('esUrl', url);
  project.provide('esError', '');
  return async () => {
    rmSync(lease, { force: true });
    if (otherLiveRuns(leases) || !existsSync(startedByTests)) return;
    rmSync(startedByTests, { force: true });
    await services('stop');
  };
}

/** Whether another test run still holds a lease (its process is alive); stale leases are removed. */
function otherLiveRuns(dir: string): boolean {
  let live = false;
  for (const name of readdirSync(dir)) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      process.kill(pid, 0);
      live = true;
    } catch {
      rmSync(join(dir, name), { force: true });
    }
  }
  return live;
}

async function isUp(url: string): Promise<boolean> {
  try {
    const r = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(2000) });
    return r.ok;
  } catch {
    return false;
  }
}
