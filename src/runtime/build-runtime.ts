import { randomBytes } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { createLogger } from '../adapters/observability/create-logger.ts';
import { toLogPort } from '../adapters/observability/to-log-port.ts';
import { openStorage } from '../adapters/storage/open-storage.ts';
import type { Config } from '../core/config/config-schema.ts';
import type { CausewayError } from '../core/errors/causeway-error.ts';
import { configSecrets } from '../core/ingest/config-secrets.ts';
import { incidentId } from '../core/ingest/incident-id.ts';
import type { Result } from '../core/result/result.ts';
import type { Storage } from '../core/storage/storage.ts';
import type { Runtime } from './runtime.ts';

/** What the runtime takes from the process (main.ts) or a test. */
export type RuntimeInputs = {
  readonly cwd: string;
  readonly environment: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
  readonly monotonic: () => number;
  readonly instanceId: string;
  readonly promptsDir: string;
  /** Where the log lines go (default: stdout, asynchronously). */
  readonly logDestination?: DestinationStream;
};

/**
 * Builds the runtime once from the validated configuration: one secret list, one pino logger
 * (redacting that list), one storage opened on first use with the audit redacting the same list.
 */
export function buildRuntime(config: Readonly<Config>, o: RuntimeInputs): Runtime {
  const secrets = configSecrets(config, o.environment);
  const logger = createLogger({
    level: config.log.level,
    name: 'causeway',
    knownSecrets: secrets,
    ...(o.logDestination ? { destination: o.logDestination } : {}),
  });
  let opened: Promise<Result<Storage, CausewayError>> | undefined;
  let closed = false;
  const openStorageAt = (url: string, at: { readonly create?: boolean } = {}) =>
    openStorage(url, {
      clock: o.now,
      cwd: o.cwd,
      instanceId: o.instanceId,
      sqliteSynchronous: config.storage.sqliteSynchronous,
      ...(at.create === false ? { create: false } : {}),
      audit: {
        ...(config.audit.checkpointKey ? { checkpointKey: config.audit.checkpointKey } : {}),
        checkpointEvery: config.audit.checkpointEvery,
        storeFullText: config.audit.storeFullText,
        inlinePayloadBytes: config.audit.inlinePayloadBytes,
        knownSecrets: secrets,
      },
    });
  const storage = () => {
    opened ??= openStorageAt(config.storage.url);
    return opened;
  };
  return {
    config,
    cwd: o.cwd,
    environment: o.environment,
    secrets,
    logger,
    log: toLogPort(logger.child({ instance: o.instanceId })),
    now: o.now,
    monotonic: o.monotonic,
    instanceId: o.instanceId,
    newIncidentId: () => incidentId(o.now(), randomBytes(4).toString('hex')),
    promptsDir: o.promptsDir,
    storage,
    openStorageAt,
    async close() {
      if (closed) return;
      closed = true;
      const s = await opened;
      if (s?.ok) await s.value.close();
      await new Promise<void>((done) => logger.flush(() => done()));
    },
  };
}
