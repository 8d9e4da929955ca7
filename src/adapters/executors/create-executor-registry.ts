import { executorDefinitions } from '../../core/runbooks/executor-definitions.ts';
import type { ExecutorRegistry } from '../../core/runbooks/executor-registry.ts';
import type { ExecutorSettings } from '../../core/runbooks/executor-settings.ts';
import type { SignalProbe } from '../../core/runbooks/signal-probe.ts';
import { createCheckRunner } from './create-check-runner.ts';
import { createCommandRunner } from './create-command-runner.ts';
import { createElasticsearchRunner } from './create-elasticsearch-runner.ts';
import { createHttpRunner } from './create-http-runner.ts';
import { createWaitRunner } from './create-wait-runner.ts';

/** Variables a started process inherits from Causeway's environment; nothing else (no tokens). */
const INHERITED = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'KUBECONFIG'];

export type ExecutorRegistryOptions = {
  readonly settings: ExecutorSettings;
  readonly maxOutputBytes: number;
  /** Causeway's environment: PATH and friends for processes, `runbooks.secretEnv` values for http headers. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly elasticsearch?: { readonly url: string | undefined; readonly apiKey?: string | undefined };
  /** Where `check` reads signals (the triage's sources); without it checks fail with a reason. */
  readonly probe?: SignalProbe | undefined;
  readonly now: () => number;
  readonly killGraceMs?: number;
  readonly fetch?: typeof fetch;
};

/** Every executor, by name, with its declared risk (definitions) and what runs it (runners). */
export function createExecutorRegistry(o: ExecutorRegistryOptions): ExecutorRegistry {
  const baseEnv = Object.fromEntries(
    INHERITED.flatMap((k) => (o.env[k] !== undefined ? [[k, o.env[k] as string]] : [])),
  );
  const command = (allow: readonly string[]) =>
    createCommandRunner({
      allow,
      maxOutputBytes: o.maxOutputBytes,
      baseEnv,
      ...(o.killGraceMs !== undefined ? { killGraceMs: o.killGraceMs } : {}),
    });
  const fetchOption = o.fetch ? { fetch: o.fetch } : {};
  return {
    definitions: executorDefinitions(o.settings),
    runners: new Map([
      [
        'http',
        createHttpRunner({
          allowHosts: o.settings.httpAllowHosts,
          env: o.env,
          secretEnv: o.settings.secretEnv,
          maxOutputBytes: o.maxOutputBytes,
          ...fetchOption,
        }),
      ],
      ['command', command(o.settings.commandAllow)],
      ['kubectl', command([o.settings.kubectlPath])],
      [
        'elasticsearch',
        createElasticsearchRunner({
          url: o.elasticsearch?.url,
          apiKey: o.elasticsearch?.apiKey,
          maxOutputBytes: o.maxOutputBytes,
          ...fetchOption,
        }),
      ],
      ['check', createCheckRunner({ probe: o.probe, now: o.now })],
      ['wait', createWaitRunner()],
    ]),
    knownSecrets: o.settings.secretEnv.flatMap((k) => (o.env[k] ? [o.env[k] as string] : [])),
  };
}
