import { randomBytes } from 'node:crypto';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { DestinationStream } from 'pino';
import { checkChainTail } from '../../app/audit/check-chain-tail.ts';
import { acceptAlerts } from '../../app/ingest/accept-alerts.ts';
import { createWorkQueue } from '../../app/ingest/create-work-queue.ts';
import type { IncidentAnnouncer } from '../../app/ingest/incident-announcer.ts';
import { investigateIncident } from '../../app/ingest/investigate-incident.ts';
import { recordChanges } from '../../app/ingest/record-changes.ts';
import { resolveIfCleared } from '../../app/ingest/resolve-if-cleared.ts';
import { resumeInvestigations } from '../../app/ingest/resume-investigations.ts';
import { investigateOptionsFromConfig } from '../../app/investigate-options-from-config.ts';
import { recoverUnfinished } from '../../app/storage/recover-unfinished.ts';
import { contentHash } from '../../core/audit/content-hash.ts';
import type { Config } from '../../core/config/config-schema.ts';
import { configSecrets } from '../../core/ingest/config-secrets.ts';
import { incidentId } from '../../core/ingest/incident-id.ts';
import type { IngestTelemetry } from '../../core/ingest/ingest-telemetry.ts';
import type { LogPort } from '../../core/ingest/log-port.ts';
import type { TriageSources } from '../../core/sources/triage-sources.ts';
import { alertSourcesFromConfig } from '../../adapters/alert-sources/alert-sources-from-config.ts';
import { changeSourcesFromConfig } from '../../adapters/change-sources/change-sources-from-config.ts';
import { buildHttpServer } from '../../adapters/http/build-http-server.ts';
import { listen } from '../../adapters/http/listen.ts';
import { readyChecks } from '../../adapters/http/ready-checks.ts';
import { createLogger } from '../../adapters/observability/create-logger.ts';
import { createMetrics } from '../../adapters/observability/create-metrics.ts';
import { createTelemetry } from '../../adapters/observability/create-telemetry.ts';
import { createTracing } from '../../adapters/observability/create-tracing.ts';
import { packageVersion } from '../../adapters/observability/package-version.ts';
import { toLogPort } from '../../adapters/observability/to-log-port.ts';
import { tracedTriageSources } from '../../adapters/observability/traced-triage-sources.ts';
import { probePrometheus } from '../../adapters/prometheus/probe-prometheus.ts';
import { prometheusSettingsFromConfig } from '../../adapters/prometheus/prometheus-settings-from-config.ts';
import { describeDatabase } from '../../adapters/storage/describe-database.ts';
import { openStorage } from '../../adapters/storage/open-storage.ts';
import type { CliCommand } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import type { SlackStackObserver } from '../start-slack-stack.ts';
import { triageSourcesFromConfig } from '../triage-sources-from-config.ts';

const USAGE = `usage: causeway serve [--port N] [--host ADDR]

Runs Causeway as a service until SIGTERM/SIGINT: the HTTP server (alert and change webhooks,
/healthz, /readyz, /metrics) and, when slack.botToken is set, the Slack app. Alerts are stored
before they are acknowledged, grouped into incidents, and each incident is investigated once
across replicas. See docs/deploy.md and docs/webhooks.md.

  --port N     listen on this port (default server.port, 8080; 0 picks a free one)
  --host ADDR  listen on this address (default server.host, 0.0.0.0)
`;

/** What `serve` takes from the process (main.ts): clocks, identity, signals, and where logs go. */
export type ServeEnv = {
  readonly now: () => number;
  readonly monotonic: () => number;
  /** Names this process in the effect journal (recovery closes only its own unfinished work). */
  readonly instanceId: string;
  readonly onShutdown: (stop: () => void) => void;
  readonly logDestination?: DestinationStream;
  /** Where spans go instead of telemetry.otlpEndpoint (an in-memory exporter, in tests). */
  readonly spanExporter?: SpanExporter;
  /** The process environment: the values of `runbooks.secretEnv` are secrets to redact too. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  /** Starts the Slack app next to the HTTP server (issue 5's startSlackStack) when slack.botToken is set. */
  readonly startSlack?: (
    config: Readonly<Config>,
    sources: TriageSources,
    /** Counted in /metrics: Slack API failures and 429s, approval decisions, step executions. */
    observe: SlackStackObserver,
    /** The intake's telemetry and log: alerts read in watched channels go through the same intake as webhooks. */
    ingest: { readonly telemetry: IngestTelemetry; readonly log: LogPort },
  ) => Promise<
    | { readonly ok: true; readonly stop: () => Promise<void>; readonly announcer?: IncidentAnnouncer }
    | { readonly ok: false; readonly message: string }
  >;
};

/** `causeway serve`: the long-running service. */
export function buildServeCommand(config: Readonly<Config>, env: ServeEnv): CliCommand {
  return {
    name: 'serve',
    summary: COMMAND_SUMMARIES.serve,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(argv, { port: { type: 'string' }, host: { type: 'string' } });
      if (!args.ok) {
        io.stderr(`causeway serve: USAGE: ${args.error}\n`);
        return 2;
      }
      if (args.value.values.help) {
        io.stdout(USAGE);
        return 0;
      }
      const portArg = args.value.values.port;
      if (portArg !== undefined && !/^\d{1,5}$/.test(String(portArg))) {
        io.stderr('causeway serve: USAGE: --port expects a number\n');
        return 2;
      }
      const port = portArg !== undefined ? Number(portArg) : config.server.port;
      const host = typeof args.value.values.host === 'string' ? args.value.values.host : config.server.host;
      const secrets = configSecrets(config, env.environment ?? {});
      const root = createLogger({
        level: config.log.level,
        name: 'causeway',
        knownSecrets: secrets,
        ...(env.logDestination ? { destination: env.logDestination } : {}),
      });
      const log = toLogPort(root.child({ instance: env.instanceId }));
      const tracing = createTracing({
        serviceName: config.telemetry.serviceName,
        serviceVersion: packageVersion(),
        ...(env.spanExporter ? { exporter: env.spanExporter } : {}),
        otlpEndpoint: config.telemetry.otlpEndpoint,
        otlpHeaders: config.telemetry.otlpHeaders,
      });
      const metrics = createMetrics({ version: packageVersion() });
      const telemetry = createTelemetry(metrics, tracing.tracer);

      const opened = await openStorage(config.storage.url, {
        clock: env.now,
        cwd: io.cwd,
        instanceId: env.instanceId,
        sqliteSynchronous: config.storage.sqliteSynchronous,
        audit: {
          ...(config.audit.checkpointKey ? { checkpointKey: config.audit.checkpointKey } : {}),
          checkpointEvery: config.audit.checkpointEvery,
          storeFullText: config.audit.storeFullText,
          inlinePayloadBytes: config.audit.inlinePayloadBytes,
          knownSecrets: secrets,
        },
      });
      if (!opened.ok) {
        io.stderr(`causeway serve: ${opened.error.code}: ${opened.error.message}\n`);
        await tracing.shutdown();
        return 3;
      }
      const storage = opened.value;
      const tampered = await checkChainTail(storage);
      if (tampered) {
        io.stderr(
          `causeway serve: AUDIT_CHAIN_BROKEN: the audit log was tampered with: ${tampered.message}. Nothing was written; run causeway audit verify, and restore the database from a backup\n`,
        );
        await storage.close();
        await tracing.shutdown();
        return 3;
      }
      const recovered = await recoverUnfinished(storage, { owner: env.instanceId });
      if (recovered.length > 0)
        log.warn(
          { effects: recovered.map((e) => e.id) },
          'closed unfinished work of a previous run as outcome-unknown',
        );
      const alertSources = alertSourcesFromConfig(config);
      const changeSources = changeSourcesFromConfig(config);
      await storage.audit.append({
        actor: 'system',
        action: 'config.loaded',
        subject: `instance:${env.instanceId}`,
        data: {
          command: 'serve',
          hash: contentHash(JSON.stringify(config)),
          storage: storage.backend,
          database: describeDatabase(config.storage.url, io.cwd),
          alertSources: alertSources.map((s) => s.name),
          changeSources: changeSources.map((s) => s.name),
        },
      });

      const triageSources = tracedTriageSources(triageSourcesFromConfig(config, io.cwd), telemetry);
      const prometheus = prometheusSettingsFromConfig(config.prometheus, config.triage.serviceLabels);
      let announcer: IncidentAnnouncer | undefined;
      let stopSlack: (() => Promise<void>) | undefined;
      if (config.slack.botToken && env.startSlack) {
        const s = await env.startSlack(config, triageSources, metrics, { telemetry, log });
        if (!s.ok) {
          io.stderr(`causeway serve: ${s.message}\n`);
          await storage.close();
          await tracing.shutdown();
          return s.message.startsWith('SLACK_NOT_CONFIGURED') ? 2 : 3;
        }
        stopSlack = s.stop;
        announcer = s.announcer;
      }

      const queue = createWorkQueue(config.server.investigationConcurrency, (key, e) =>
        log.error({ key, err: e instanceof Error ? e.message : String(e) }, 'background work failed'),
      );
      const investigation = {
        incidents: storage.incidents,
        effects: storage.effects,
        audit: storage.audit,
        sources: triageSources,
        options: investigateOptionsFromConfig(config),
        telemetry,
        log,
        now: env.now,
        monotonic: env.monotonic,
        ...(announcer ? { announcer } : {}),
      };
      const ingest = {
        incidents: storage.incidents,
        audit: storage.audit,
        deliveries: storage.deliveries,
        grouping: { groupBy: config.ingest.groupBy, windowMs: config.ingest.groupWindowMinutes * 60_000 },
        now: env.now,
        newIncidentId: () => incidentId(env.now(), randomBytes(4).toString('hex')),
        telemetry,
        log,
        ...(announcer ? { announcer } : {}),
      };
      const investigateLater = (incidentId: string, attempt = 1) =>
        queue.push(`investigate:${incidentId}`, async () => {
          await investigateIncident(investigation, incidentId, attempt);
        });

      const http = buildHttpServer({
        alertSources,
        changeSources,
        async accept(source, delivery, receivedAt) {
          if (delivery.kind === 'alerts') {
            const r = await acceptAlerts(ingest, { source: source.name, alerts: delivery.alerts, receivedAt });
            for (const i of r.opened) investigateLater(i.id);
            for (const id of r.resolving)
              queue.push(`resolve:${id}`, async () => {
                await resolveIfCleared(ingest, id);
              });
            return {
              accepted: r.accepted,
              opened: r.opened.map((i) => i.id),
              joined: r.joined,
              ...(r.unmatched ? { unmatchedResolutions: r.unmatched } : {}),
            };
          }
          if (delivery.kind === 'changes') {
            const r = await recordChanges(
              { changes: storage.changes, now: env.now, log },
              { source: source.name, changes: delivery.changes },
            );
            return { accepted: r.recorded, ids: r.ids };
          }
          return { accepted: 0 };
        },
        ready: () =>
          readyChecks(
            config,
            io.cwd,
            {
              webhooks: alertSources.map((s) => s.name),
              slackChannels: stopSlack ? config.slack.alertChannels : [],
            },
            storage.incidents.list.bind(storage.incidents),
            prometheus ? [() => probePrometheus(prometheus)] : [],
          ),
        metrics: { ...metrics, token: config.server.metricsToken },
        telemetry,
        tracer: tracing.tracer,
        log,
        limits: {
          bodyBytes: config.server.bodyLimitBytes,
          bodyBytesInFlight: config.server.maxBodyBytesInFlight,
          bodyTimeoutMs: config.server.bodyTimeoutSeconds * 1000,
          connections: config.server.maxConnections,
        },
        now: env.now,
        monotonic: env.monotonic,
      });
      let bound: number;
      try {
        bound = await listen(http.server, port, host);
      } catch (e) {
        io.stderr(`causeway serve: cannot listen on ${host}:${port}: ${(e as Error).message}\n`);
        await stopSlack?.();
        await storage.close();
        await tracing.shutdown();
        return 3;
      }
      log.info(
        {
          url: `http://${host}:${bound}`,
          host,
          port: bound,
          storage: storage.backend,
          database: describeDatabase(config.storage.url, io.cwd),
          alertSources: alertSources.map((s) => s.name),
          changeSources: changeSources.map((s) => s.name),
          slack: Boolean(stopSlack),
        },
        'causeway serve listening',
      );

      for (const r of await resumeInvestigations(storage)) investigateLater(r.incidentId, r.attempt);

      await new Promise<void>((done) => env.onShutdown(done));
      const deadline = env.monotonic() + config.server.shutdownGraceSeconds * 1000;
      log.info({ inFlight: http.inFlight, queued: queue.size }, 'shutting down: finishing work in progress');
      await http.drain(deadline);
      queue.close();
      await Promise.race([queue.idle(), sleep(Math.max(0, deadline - env.monotonic()))]);
      if (queue.size > 0)
        log.warn({ left: queue.size }, 'work left at the deadline: it resumes at the next start (alerts are stored)');
      await stopSlack?.().catch(() => undefined);
      await storage.close();
      await tracing.shutdown();
      log.info({}, 'stopped');
      await new Promise<void>((done) => root.flush(() => done()));
      return 0;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
