import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../src/core/config/config-schema.ts';
import { buildRuntime } from '../../src/runtime/build-runtime.ts';
import type { Runtime } from '../../src/runtime/runtime.ts';

/**
 * The real runtime (buildRuntime, as main.ts builds it) for a test: its log lines are pushed to
 * `lines`, the process environment is `environment` (runbook step secrets).
 */
export function testRuntime(
  config: Readonly<Config>,
  o: {
    readonly lines?: string[];
    readonly cwd?: string;
    readonly now?: () => number;
    readonly instanceId?: string;
    readonly environment?: Readonly<Record<string, string | undefined>>;
    readonly promptsDir?: string;
  } = {},
): Runtime {
  return buildRuntime(config, {
    cwd: o.cwd ?? process.cwd(),
    environment: o.environment ?? {},
    now: o.now ?? Date.now,
    monotonic: () => performance.now(),
    instanceId: o.instanceId ?? 'test',
    promptsDir: o.promptsDir ?? fileURLToPath(new URL('../../prompts', import.meta.url)),
    logDestination: { write: (s: string) => void o.lines?.push(s) },
  });
}
