import { execFile } from 'node:child_process';
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
 * `scripts/services.sh start elasticsearch` (downloaded once, cached under .cache/es), stopped at
 * teardown if this run started it. When none can be had, the Elasticsearch tests fail with the
 * reason; other tests are unaffected.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const existing = process.env.ES_URL;
  if (existing) {
    project.provide('esUrl', existing.replace(/\/+$/, ''));
    project.provide('esError', '');
    return undefined;
  }
  const wasUp = await isUp(`http://127.0.0.1:${process.env.ES_PORT ?? 19200}`);
  const r = await services('start');
  const url = /ES_URL=(\S+)/.exec(r.out)?.[1];
  if (!r.ok || !url) {
    project.provide('esUrl', '');
    const why = r.out.match(/^.*(?:Exception|Error|refus|die|services\.sh:).*$/m)?.[0] ?? '';
    project.provide('esError', `scripts/services.sh start elasticsearch failed: ${why}\n${r.out.slice(-1500)}`);
    return undefined;
  }
  project.provide('esUrl', url);
  project.provide('esError', '');
  return wasUp ? undefined : async () => void (await services('stop'));
}

async function isUp(url: string): Promise<boolean> {
  try {
    const r = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(2000) });
    return r.ok;
  } catch {
    return false;
  }
}
