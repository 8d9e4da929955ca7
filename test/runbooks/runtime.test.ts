import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { createTriageSourcesSignalProbe } from '../../src/adapters/executors/create-triage-sources-signal-probe.ts';
import { createBundleTriageSources } from '../../src/adapters/files/create-bundle-triage-sources.ts';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { buildRunbookRuntime } from '../../src/runtime/build-runbook-runtime.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

const config = (text: string) => {
  const r = loadConfig({ env: {}, file: { path: 'c.yaml', text } });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('the runbook runtime for a long-running process (the Slack app)', () => {
  it('is off without runbooks.dir; with it, the catalog is validated at start and problems are located', async () => {
    const opened = await openStorage('sqlite::memory:', { clock: Date.now });
    if (!opened.ok) throw new Error(opened.error.message);
    const o = { storage: opened.value, env: {}, cwd: ROOT, now: Date.now };
    expect(await buildRunbookRuntime(config(''), o)).toEqual({ ok: true, value: undefined });
    const bad = await buildRunbookRuntime(config('runbooks: {dir: runbooks}'), o);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.error.map((p) => p.file)).toContain('runbooks/rollback-last-deploy.yaml');
    const good = await buildRunbookRuntime(config(readFileSync(`${ROOT}runbooks/config/example.yaml`, 'utf8')), o);
    if (!good.ok || !good.value) throw new Error('expected a runtime');
    expect(good.value.finder.configured).toBe(true);
    expect([...good.value.deps.catalog.keys()]).toHaveLength(5);
    expect(good.value.deps.policy.expiryMs).toBe(30 * 60_000);
    expect([...good.value.deps.executors.runners.keys()]).toEqual([
      'http',
      'command',
      'kubectl',
      'elasticsearch',
      'check',
      'wait',
    ]);
    await opened.value.close();
  });

  it('checks read the configured triage sources (a recording reads at its own time)', async () => {
    const probe = createTriageSourcesSignalProbe(createBundleTriageSources(`${ROOT}examples/webshop-deploy`), Date.now);
    const r = await probe.read(
      { signal: 'error-rate', service: 'quoterservice', windowMs: 180_000 },
      new AbortController().signal,
    );
    expect(r).toEqual({ state: 'ok', value: 1 });
  });
});
