import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { alertSourcesFromConfig } from '../../adapters/alert-sources/alert-sources-from-config.ts';
import { changeSourcesFromConfig } from '../../adapters/change-sources/change-sources-from-config.ts';
import type { CliCommand } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { buildHttpServer } from '../../adapters/http/build-http-server.ts';
import { listen } from '../../adapters/http/listen.ts';
import { readyChecks } from '../../adapters/http/ready-checks.ts';
import { createMetrics } from '../../adapters/observability/create-metrics.ts';
import { createTelemetry } from '../../adapters/observability/create-telemetry.ts';
import { createTracing } from '../../adapters/observability/create-tracing.ts';
import { packageVersion } from '../../adapters/observability/package-version.ts';
import { tracedTriageSources } from '../../adapters/observability/traced-triage-sources.ts';
import { probePrometheus } from '../../adapters/prometheus/probe-prometheus.ts';
import { prometheusSettingsFromConfig } from '../../adapters/prometheus/prometheus-settings-from-config.ts';
import { describeDatabase } from '../../adapters/storage/describe-database.ts';
import { checkChainTail } from '../../app/audit/check-chain-tail.ts';
import { acceptAlerts } from '../../app/ingest/accept-alerts.ts';
import { createWorkQueue } from '../../app/ingest/create-work-queue.ts';
import { recordChanges } from '../../app/ingest/record-changes.ts';
import { resolveIfCleared } from '../../app/ingest/resolve-if-cleared.ts';
import { resumeInvestigations } from '../../app/ingest/resume-investigations.ts';
import { investigateOptionsFromConfig } from '../../app/investigate-options-from-config.ts';
import { rememberIncident } from '../../app/seen-before/remember-incident.ts';
import { recoverUnfinished } from '../../app/storage/recover-unfinished.ts';
import { lateDataFromConfig } from '../../app/triage/late-data-from-config.ts';
import { resumeLateDataRechecks } from '../../app/triage/resume-late-data-rechecks.ts';
import { triageIncident } from '../../app/triage/triage-incident.ts';
import { contentHash } from '../../core/audit/content-hash.ts';
import { createLater } from '../create-later.ts';
import { incidentPagesFromConfig } from '../incident-pages-from-config.ts';
import type { Runtime } from '../runtime.ts';
import type { SlackStack } from '../start-slack-stack.ts';
import { triageSourcesFromConfig } from '../triage-sources-from-config.ts';

const USAGE = `usage: causeway serve [--port N] [--host ADDR]

Runs Causeway as a service until SIGTERM/SIGINT: the HTTP server (alert and change webhooks,
/healthz, /readyz, /metrics) and, when slack.botToken is set, the Slack app. Alerts are stored
before they are acknowledged, grouped into incidents, and each incident is investigated once
across replicas. See docs/deploy.md and docs/webhooks.md.

  --port N     listen on this port (default server.port, 8080; 0 picks a free one)
  --host ADDR  listen on this address (default server.host, 0.0.0.0)
`;

/** What `serve` takes besides the runtime: the shutdown signal, and (tests) where spans go. */
export type ServeEnv = {
  readonly onShutdown: (stop: () => void) => void;
  /** Where spans go instead of telemetry.otlpEndpoint (an in-memory exporter, in tests). */
  readonly spanExporter?: SpanExporter;
};

/**
 * `causeway serve`: the long-running service, on the runtime (its storage opened once and shared
 * with the Slack app, its one logger and secret list); closes the runtime when it stops.
 */
export function buildServeCommand(runtime: Runtime, env: ServeEnv): CliCommand {
  const config = runtime.config;
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
      const log = runtime.log;
      const tracing = createTracing({
        serviceName: config.telemetry.serviceName,
        serviceVersion: packageVersion(),
        ...(env.spanExporter ? { exporter: env.spanExporter } : {}),
        otlpEndpoint: config.telemetry.otlpEndpoint,
        otlpHeaders: config.telemetry.otlpHeaders,
      });
      const metrics = createMetrics({ version: packageVersion() });
      const telemetry = createTelemetry(metrics, tracing.tracer);

      const opened = await runtime.storage();
      if (!opened.ok) {
        io.stderr(`causeway serve: ${opened.error.code}: ${opened.error.message}\n`);
        await tracing.shutdown();
        await runtime.close();
        return 3;
      }
      const storage = opened.value;
      const tampered = await checkChainTail(storage);
      if (tampered) {
        io.stderr(
          `causeway serve: AUDIT_CHAIN_BROKEN: the audit log was tampered with: ${tampered.message}. Nothing was written; run causeway audit verify, and restore the database from a backup\n`,
        );
        await runtime.close();
        await tracing.shutdown();
        return 3;
      }
      const alertSources = alertSourcesFromConfig(config);
      const changeSources = changeSourcesFromConfig(config);
      await storage.audit.append({
        actor: 'system',
        action: 'config.loaded',
        subject: `instance:${runtime.instanceId}`,
        data: {
          command: 'serve',
          hash: contentHash(JSON.stringify(config)),
          storage: storage.backend,
          database: describeDatabase(config.storage.url, runtime.cwd),
          alertSources: alertSources.map((s) => s.name),
          changeSources: changeSources.map((s) => s.name),
        },
      });

      const triageSources = tracedTriageSources(triageSourcesFromConfig(config, runtime.cwd), telemetry);
      const prometheus = prometheusSettingsFromConfig(config.prometheus, config.triage.serviceLabels);
      // The Slack app shares this storage, logger and secret list; loaded only when configured.
      let slack: SlackStack | undefined;
      if (config.slack.botToken) {
        const { startSlackStack } = await import('../start-slack-stack.ts');
        const s = await startSlackStack(config, runtime, { sources: triageSources, observe: metrics, telemetry });
        if (!s.ok) {
          io.stderr(`causeway serve: ${s.error.code}: ${s.error.message}\n`);
          await runtime.close();
          await tracing.shutdown();
          return s.error.code === 'SLACK_NOT_CONFIGURED' ? 2 : 3;
        }
        slack = s.value;
      }
      // Where webhooks' incidents are shown as they are triaged (Slack's incident channel), if anywhere.
      const surface = slack?.surface;
      const stopSlack = slack ? () => (slack as SlackStack).stop() : undefined;
      // After the Slack app has recovered its runbook steps (recoverRuns): the rest of this instance's
      // unfinished work is closed as outcome-unknown.
      const recovered = await recoverUnfinished(storage, { owner: runtime.instanceId });
      if (recovered.length > 0)
        log.warn(
          { effects: recovered.map((e) => e.id) },
          'closed unfinished work of a previous run as outcome-unknown',
        );

      const queue = createWorkQueue(config.server.investigationConcurrency, (key, e) =>
        log.error({ key, err: e instanceof Error ? e.message : String(e) }, 'background work failed'),
      );
      // Re-triages of late data wait in this process, then run through the same queue (after a
      // restart, resumeLateDataRechecks finds the ones still due from the stored triages).
      const timers = createLater((key, e) =>
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
        now: runtime.now,
        monotonic: runtime.monotonic,
        seenBefore: storage.seenBefore,
        lateData: lateDataFromConfig(config, {
          after: (ms, key, task) => timers.after(ms, key, async () => queue.push(key, task)),
        }),
      };
      const ingest = {
        incidents: storage.incidents,
        audit: storage.audit,
        deliveries: storage.deliveries,
        grouping: { groupBy: config.ingest.groupBy, windowMs: config.ingest.groupWindowMinutes * 60_000 },
        now: runtime.now,
        newIncidentId: runtime.newIncidentId,
        telemetry,
        log,
        ...(surface ? { surface } : {}),
      };
      const investigateLater = (incidentId: string, attempt = 1) =>
        queue.push(`investigate:${incidentId}`, async () => {
          await triageIncident(investigation, {
            incidentId,
            claim: { attempt },
            ...(surface ? { observer: surface.observe() } : {}),
          });
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
                // A resolved incident is remembered for "seen before" (its fingerprint, cause and fix).
                if (await resolveIfCleared(ingest, id))
                  await rememberIncident({ storage, checkpointKey: config.audit.checkpointKey }, id);
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
              { changes: storage.changes, now: runtime.now, log },
              { source: source.name, changes: delivery.changes },
            );
            return { accepted: r.recorded, ids: r.ids };
          }
          return { accepted: 0 };
        },
        ready: () =>
          readyChecks(
            config,
            runtime.cwd,
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
        now: runtime.now,
        monotonic: runtime.monotonic,
        pages: incidentPagesFromConfig(runtime, storage, triageSources),
      });
      let bound: number;
      try {
        bound = await listen(http.server, port, host);
      } catch (e) {
        io.stderr(`causeway serve: cannot listen on ${host}:${port}: ${(e as Error).message}\n`);
        await stopSlack?.();
        await runtime.close();
        await tracing.shutdown();
        return 3;
      }
      log.info(
        {
          url: `http://${host}:${bound}`,
          host,
          port: bound,
          storage: storage.backend,
          database: describeDatabase(config.storage.url, runtime.cwd),
          alertSources: alertSources.map((s) => s.name),
          changeSources: changeSources.map((s) => s.name),
          slack: Boolean(stopSlack),
        },
        'causeway serve listening',
      );

      for (const r of await resumeInvestigations(storage)) investigateLater(r.incidentId, r.attempt);
      // Re-triages of late data a previous process had waiting (timers) are found again from the store.
      const rechecks = await resumeLateDataRechecks(investigation);
      if (rechecks > 0) log.info({ rechecks }, 're-triages of late data resumed');

      await new Promise<void>((done) => env.onShutdown(done));
      const deadline = runtime.monotonic() + config.server.shutdownGraceSeconds * 1000;
      log.info({ inFlight: http.inFlight, queued: queue.size }, 'shutting down: finishing work in progress');
      await http.drain(deadline);
      timers.stop();
      queue.close();
      await Promise.race([queue.idle(), sleep(Math.max(0, deadline - runtime.monotonic()))]);
      if (queue.size > 0)
        log.warn({ left: queue.size }, 'work left at the deadline: it resumes at the next start (alerts are stored)');
      await stopSlack?.().catch(() => undefined);
      await tracing.shutdown();
      log.info({}, 'stopped');
      await runtime.close();
      return 0;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
