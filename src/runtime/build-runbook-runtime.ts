import { randomUUID } from 'node:crypto';
import { createExecutorRegistry } from '../adapters/executors/create-executor-registry.ts';
import { createTriageSourcesSignalProbe } from '../adapters/executors/create-triage-sources-signal-probe.ts';
import { loadCatalogForCli } from '../adapters/runbooks/load-catalog-for-cli.ts';
import type { LocatedRunbookProblem } from '../adapters/runbooks/located-runbook-problem.ts';
import type { RunbookDeps } from '../app/runbooks/runbook-deps.ts';
import type { Config } from '../core/config/config-schema.ts';
import { executorSettingsFromConfig } from '../core/config/executor-settings-from-config.ts';
import type { Result } from '../core/result/result.ts';
import { createCatalogRunbookFinder } from '../core/runbooks/create-catalog-runbook-finder.ts';
import type { RunbookFinder } from '../core/runbooks/runbook-finder.ts';
import type { TriageSources } from '../core/sources/triage-sources.ts';
import type { Storage } from '../core/storage/storage.ts';

/**
 * The runbook engine for a long-running process (the Slack app), from the configuration: the
 * catalog of `runbooks.dir` validated now (every problem located, so a bad runbook stops the
 * start, not an incident), the executors with their allowlists, secrets from `env`, checks that
 * read the triage `sources`, the approval policy, and the chat's `RunbookFinder`. Undefined when
 * `runbooks.dir` is unset (runbooks are off: pass `NO_RUNBOOKS` to the chat).
 */
export async function buildRunbookRuntime(
  config: Readonly<Config>,
  o: {
    readonly storage: Storage;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly cwd: string;
    readonly now: () => number;
    readonly sources?: TriageSources;
  },
): Promise<
  Result<{ readonly deps: RunbookDeps; readonly finder: RunbookFinder } | undefined, LocatedRunbookProblem[]>
> {
  if (config.runbooks.dir === undefined) return { ok: true, value: undefined };
  const loaded = await loadCatalogForCli(config, o.cwd);
  if (!loaded.ok) return loaded;
  const executors = createExecutorRegistry({
    settings: executorSettingsFromConfig(config),
    maxOutputBytes: config.runbooks.maxOutputBytes,
    env: o.env,
    elasticsearch: { url: config.elasticsearch.url, apiKey: config.elasticsearch.apiKey },
    probe: o.sources ? createTriageSourcesSignalProbe(o.sources, o.now) : undefined,
    now: o.now,
  });
  const deps: RunbookDeps = {
    runs: o.storage.runs,
    audit: o.storage.audit,
    effects: o.storage.effects,
    catalog: loaded.value.catalog,
    executors,
    policy: { groups: config.runbooks.approval.groups, expiryMs: config.runbooks.approval.expiryMinutes * 60_000 },
    now: o.now,
    newId: () => `run-${randomUUID().slice(0, 12)}`,
  };
  return { ok: true, value: { deps, finder: createCatalogRunbookFinder(loaded.value.catalog) } };
}
