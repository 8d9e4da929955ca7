import type { Logger } from 'pino';
import type { Config } from '../core/config/config-schema.ts';
import type { CausewayError } from '../core/errors/causeway-error.ts';
import type { LogPort } from '../core/ingest/log-port.ts';
import type { Result } from '../core/result/result.ts';
import type { Storage } from '../core/storage/storage.ts';

/**
 * What a running Causeway shares, built once by `buildRuntime` (main.ts): the validated
 * configuration, the one logger, the one secret list, the clocks, ids and the storage (opened on
 * first use, once, closed once by `close`). `serve` and `slack` receive it and parse only their flags.
 */
export type Runtime = {
  readonly config: Readonly<Config>;
  readonly cwd: string;
  /** The process environment: where runbook steps read their secrets (`{env: NAME}`). */
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** The one secret list (`configSecrets`): redacted from the logs, the chat and the audit trail. */
  readonly secrets: readonly string[];
  /** The pino root logger (Bolt writes through it too, see `pinoBoltLogger`). */
  readonly logger: Logger;
  /** The root logger as the app's port, bound to this instance. */
  readonly log: LogPort;
  readonly now: () => number;
  readonly monotonic: () => number;
  /** Names this process in the effect journal (recovery closes only its own unfinished work). */
  readonly instanceId: string;
  readonly newIncidentId: () => string;
  /** The prompt files of the narrative (`llm.promptsDir`, or the shipped ones). */
  readonly promptsDir: string;
  /** The storage of `storage.url`, opened on the first call; later calls get the same one. */
  storage(): Promise<Result<Storage, CausewayError>>;
  /**
   * Another database (a command's `--db`) opened with the same options: the runtime's clock, instance
   * and audit settings, the one secret list. The caller closes it. `create: false` refuses a missing file.
   */
  openStorageAt(url: string, o?: { readonly create?: boolean }): Promise<Result<Storage, CausewayError>>;
  /** Closes the storage if it was opened and flushes the logger. Safe to call twice. */
  close(): Promise<void>;
};
