import { createChartRenderer } from '../adapters/charts/create-chart-renderer.ts';
import { registerChartFonts } from '../adapters/charts/register-chart-fonts.ts';
import { buildLlmDeps } from '../adapters/llm/build-llm-deps.ts';
import { observeStorage, type RunbookObserver } from '../adapters/observability/observe-storage.ts';
import { formatRunbookProblem } from '../adapters/runbooks/format-runbook-problem.ts';
import { buildSlackApp, type SlackApp } from '../adapters/slack/build-slack-app.ts';
import type { SlackChatOptions } from '../adapters/slack/create-slack-chat.ts';
import { createSlackUserGroups } from '../adapters/slack/create-slack-user-groups.ts';
import { pinoBoltLogger } from '../adapters/slack/pino-bolt-logger.ts';
import { slackStartError } from '../adapters/slack/slack-start-error.ts';
import type { SlackUseCaseDeps } from '../adapters/slack/slack-use-case-deps.ts';
import { closeIncidentAutonomy } from '../app/autonomy/close-incident-autonomy.ts';
import { investigateOptionsFromConfig } from '../app/investigate-options-from-config.ts';
import { answerFollowUp } from '../app/llm/answer-follow-up.ts';
import { createChatNarrator } from '../app/llm/create-chat-narrator.ts';
import { recoverRuns } from '../app/runbooks/recover-runs.ts';
import { rememberIncident } from '../app/seen-before/remember-incident.ts';
import { adoptApprovalCards } from '../app/slack/adopt-approval-cards.ts';
import { announceAutonomy } from '../app/slack/announce-autonomy.ts';
import { announceRecoveredRuns } from '../app/slack/announce-recovered-runs.ts';
import type { AskModel } from '../app/slack/answer-thread-question.ts';
import { createChannelRateLimiter } from '../app/slack/channel-rate-limiter.ts';
import { chatIncidentSurface } from '../app/slack/chat-incident-surface.ts';
import { createIncidentBoard } from '../app/slack/incident-board.ts';
import { refreshApprovalCards } from '../app/slack/refresh-approval-cards.ts';
import { createSeenDeliveries } from '../app/slack/seen-deliveries.ts';
import { type AnnouncedCountdown, tickCountdowns } from '../app/slack/tick-countdowns.ts';
import type { IncidentSurface } from '../app/triage/incident-surface.ts';
import { lateDataFromConfig } from '../app/triage/late-data-from-config.ts';
import type { ChatRef } from '../core/chat/chat-port.ts';
import { NO_RUNBOOKS } from '../core/chat/no-runbooks.ts';
import type { Config } from '../core/config/config-schema.ts';
import type { CausewayError } from '../core/errors/causeway-error.ts';
import { type IngestTelemetry, NO_TELEMETRY } from '../core/ingest/ingest-telemetry.ts';
import type { Narrative } from '../core/model/narrative.ts';
import type { TriageReport } from '../core/model/triage-report.ts';
import type { Result } from '../core/result/result.ts';
import type { RunbookFinder } from '../core/runbooks/runbook-finder.ts';
import type { TriageSources } from '../core/sources/triage-sources.ts';
import type { Storage } from '../core/storage/storage.ts';
import { buildAutonomyDeps } from './build-autonomy-deps.ts';
import { buildRunbookRuntime } from './build-runbook-runtime.ts';
import { createLater } from './create-later.ts';
import type { Runtime } from './runtime.ts';
import { timelineDeps } from './timeline-deps.ts';
import { triageSourcesFromConfig } from './triage-sources-from-config.ts';

export type SlackStack = {
  readonly slack: SlackApp;
  /** The runtime's storage (observed for /metrics when `observe` is given); not closed by `stop`. */
  readonly storage: Storage;
  /** With slack.incidentChannel: where incidents opened elsewhere (webhooks) are shown as they are triaged. */
  readonly surface?: IncidentSurface;
  /** HTTP mode: the port Slack's requests arrive on. */
  readonly port?: number;
  /** Stops the app; the storage is the runtime's, closed by `runtime.close()`. */
  stop(): Promise<void>;
};

/** What the stack tells `/metrics` of: Slack API failures and 429s, approvals, executions. */
export type SlackStackObserver = RunbookObserver & {
  readonly slackApiError?: (method: string, code: string) => void;
  readonly slackRateLimited?: (method: string) => void;
};

/** What the stack takes besides the configuration and the runtime (tests and benchmarks replace some). */
export type SlackStackEnv = {
  readonly sources?: TriageSources;
  readonly runbooks?: RunbookFinder;
  readonly narrate?: (report: TriageReport, incidentId: string) => Promise<Narrative | undefined>;
  readonly chat?: SlackChatOptions;
  /** How often approval cards are refreshed and expired requests settled (default 60 s; tests shorten it). */
  readonly approvalTickMs?: number;
  /** How often autonomous countdowns are updated and due ones run (default 1 s). */
  readonly autonomyTickMs?: number;
  /** Counted in `/metrics` (`causeway serve`): Slack API failures and 429s, approvals, executions. */
  readonly observe?: SlackStackObserver;
  /** The alert intake's telemetry (`causeway serve` passes its own; else none). */
  readonly telemetry?: IngestTelemetry;
};

/**
 * Builds and starts the Slack app from the configuration (the runtime's, or the `slack` command's
 * with its flags applied) and the runtime: its storage (opened once, shared with `serve`), logger
 * and secret list; triage sources, chart renderer, the use-cases and the Bolt app (Socket Mode or
 * HTTP). Missing credentials are reported together (SLACK_NOT_CONFIGURED) before anything starts.
 */
export async function startSlackStack(
  config: Readonly<Config>,
  runtime: Runtime,
  env: SlackStackEnv = {},
): Promise<Result<SlackStack, CausewayError>> {
  const s = config.slack;
  const missing = [
    ...(s.botToken ? [] : ['slack.botToken (xoxb-…)']),
    ...(s.mode === 'socket' && !s.appToken ? ['slack.appToken (xapp-…, Socket Mode)'] : []),
    ...(s.mode === 'http' && !s.signingSecret ? ['slack.signingSecret (HTTP mode)'] : []),
  ];
  if (missing.length > 0)
    return { ok: false, error: { code: 'SLACK_NOT_CONFIGURED', message: `missing ${missing.join(', ')}` } };
  if (s.charts) {
    const fonts = registerChartFonts(config.charts.fontFiles, runtime.cwd);
    if (!fonts.ok) return fonts;
  }
  // The one secret list (runtime.secrets): redacted from the logs, the chat and the audit trail.
  const secrets = runtime.secrets;
  const opened = await runtime.storage();
  if (!opened.ok) return opened;
  const storage = env.observe ? observeStorage(opened.value, env.observe) : opened.value;
  const charts = s.charts ? createChartRenderer() : undefined;
  // The narrative (docs/llm.md): only with a model configured; never delays the deterministic result.
  let narrate = env.narrate;
  let ask: AskModel | undefined;
  if (config.llm.model) {
    const llm = await buildLlmDeps(config, {
      promptsDir: runtime.promptsDir,
      clock: runtime.now,
      audit: storage.audit,
      knownSecrets: secrets,
    });
    if (!llm.ok) return llm;
    const narrator = createChatNarrator(llm.value);
    narrate ??= (report, incidentId) => narrator(report, incidentId);
    const deps = llm.value;
    ask = (q) =>
      answerFollowUp(
        { ...deps, sources: q.sources },
        { incidentId: q.incidentId, report: q.report, question: q.question, asker: q.asker },
      );
  }
  const logger = pinoBoltLogger(runtime.logger);
  const log = runtime.log.child({ component: 'slack' });
  const sources = env.sources ?? triageSourcesFromConfig(config, runtime.cwd);
  // Runbooks (docs/runbooks.md): the catalog is validated now, so a bad runbook stops the start.
  const runbooks = await buildRunbookRuntime(config, {
    storage,
    env: runtime.environment,
    cwd: runtime.cwd,
    now: runtime.now,
    sources,
  });
  if (!runbooks.ok) {
    return {
      ok: false,
      error: {
        code: 'RUNBOOK_INVALID',
        message: `${runbooks.error.length} problem${runbooks.error.length > 1 ? 's' : ''}: ${runbooks.error.map(formatRunbookProblem).join('; ')}`,
      },
    };
  }
  const runbook = runbooks.value?.deps;
  // Earned autonomy (docs/autonomy.md): shadow records after each triage, autonomous runs when earned.
  const autonomy = runbook ? buildAutonomyDeps(config, storage, runbook) : undefined;
  let userGroups: (user: string) => Promise<readonly string[]> = async () => [];
  const recovered = runbook ? await recoverRuns(runbook, { owner: runtime.instanceId }) : [];
  const cards = new Map<string, ChatRef>();
  // Approval cards posted before a restart keep their countdowns: found again in the audit trail.
  if (runbook) await adoptApprovalCards({ runs: runbook.runs, audit: runbook.audit, cards });
  // Re-triages of late data wait here (in this process; stopped with the app).
  const later = createLater((key, e) =>
    log.error({ key, err: e instanceof Error ? e.message : String(e) }, 're-triage with late data failed'),
  );
  const useCaseDeps: SlackUseCaseDeps = {
    incidents: storage.incidents,
    feedback: storage.feedback,
    audit: storage.audit,
    deliveries: storage.deliveries,
    effects: storage.effects,
    sources,
    runbooks: env.runbooks ?? runbooks.value?.finder ?? NO_RUNBOOKS,
    ...(runbook ? { runbook, groupsOf: (user: string) => userGroups(user), cards } : {}),
    ...(autonomy
      ? {
          autonomy,
          afterTriage: (x) => announceAutonomy({ chat: x.chat, autonomy }, x),
          afterResolve: (incidentId) => closeIncidentAutonomy(autonomy, { incidentId }),
        }
      : {}),
    options: investigateOptionsFromConfig(config),
    board: createIncidentBoard(),
    now: runtime.now,
    monotonic: runtime.monotonic,
    lateData: lateDataFromConfig(config, later),
    ...(charts ? { renderChart: (spec) => charts.renderTimeline(spec) } : {}),
    ...(narrate ? { narrate } : {}),
    ...(ask ? { ask } : {}),
    watchedChannels: new Set(s.alertChannels),
    serviceLabels: config.triage.serviceLabels,
    limiter: createChannelRateLimiter(s.rateLimit.investigations, s.rateLimit.perMinutes * 60_000),
    seen: createSeenDeliveries(),
    // The intake of every alert (acceptAlerts): the same grouping and ids as the webhooks'.
    grouping: { groupBy: config.ingest.groupBy, windowMs: config.ingest.groupWindowMinutes * 60_000 },
    newIncidentId: runtime.newIncidentId,
    telemetry: env.telemetry ?? NO_TELEMETRY,
    log,
    timeline: timelineDeps(config, runtime, storage),
    seenBefore: storage.seenBefore,
    rememberResolved: (incidentId) =>
      rememberIncident({ storage, checkpointKey: config.audit.checkpointKey }, incidentId),
  };
  const slack = buildSlackApp(
    {
      mode: s.mode,
      botToken: s.botToken as string,
      ...(s.appToken ? { appToken: s.appToken } : {}),
      ...(s.signingSecret ? { signingSecret: s.signingSecret } : {}),
      ...(s.botId ? { botId: s.botId } : {}),
      ...(s.botUserId ? { botUserId: s.botUserId } : {}),
      ...(s.apiUrl ? { apiUrl: s.apiUrl } : {}),
      command: s.command,
      port: s.port,
      host: s.host,
    },
    useCaseDeps,
    logger,
    observedChat({ ...env.chat, knownSecrets: secrets }, env.observe),
  );
  // Approver groups may name Slack user groups: their members are read with the app's client.
  userGroups = createSlackUserGroups(slack.app.client, {
    groupIds: Object.values(config.runbooks.approval.groups).flat(),
    ttlMs: 5 * 60_000,
    timeoutMs: 5_000,
    now: runtime.now,
    log: (l) => log.warn({}, l),
  });
  let port: number | undefined;
  try {
    port = (await slack.start()).port;
  } catch (e) {
    await slack.stop().catch(() => undefined);
    return { ok: false, error: startFailure(e, s.apiUrl) };
  }
  // Runs cut short by a crash are told in their threads (never re-run).
  for (const r of await announceRecoveredRuns({ chat: slack.chat, audit: storage.audit }, recovered))
    log.warn(
      { run: r.run.id, runbook: r.run.runbook, incidentId: r.run.incidentId, step: r.step + 1 },
      `runbook run ${r.run.id} (${r.run.runbook}, ${r.run.incidentId}): step ${r.step + 1} was running when Causeway stopped; its outcome is unknown and it is not re-run`,
    );
  // Every minute: expired approval requests are settled (and audited), the cards' countdowns move.
  let ticking = false;
  const tick = runbook
    ? setInterval(() => {
        if (ticking) return;
        ticking = true;
        refreshApprovalCards({ chat: slack.chat, runbook, cards })
          .catch((e: unknown) =>
            log.error({ err: e instanceof Error ? e.message : String(e) }, 'runbook approvals: refreshing failed'),
          )
          .finally(() => {
            ticking = false;
          });
      }, env.approvalTickMs ?? 60_000)
    : undefined;
  tick?.unref();
  // Every second: autonomous steps' countdowns move, and due ones run (one replica claims each).
  let counting = false;
  const announcements = new Map<string, AnnouncedCountdown>();
  const autonomyTick = autonomy
    ? setInterval(() => {
        if (counting) return;
        counting = true;
        tickCountdowns({ chat: slack.chat, autonomy }, announcements)
          .catch((e: unknown) =>
            log.error({ err: e instanceof Error ? e.message : String(e) }, 'autonomy: running countdowns failed'),
          )
          .finally(() => {
            counting = false;
          });
      }, env.autonomyTickMs ?? 1000)
    : undefined;
  autonomyTick?.unref();
  // Incidents opened by webhooks (`causeway serve`) are shown in the incident channel as they are triaged.
  const surface = s.incidentChannel
    ? chatIncidentSurface({ ...useCaseDeps, chat: slack.chat }, s.incidentChannel)
    : undefined;
  return {
    ok: true,
    value: {
      slack,
      storage,
      ...(port !== undefined ? { port } : {}),
      ...(surface ? { surface } : {}),
      async stop() {
        clearInterval(tick);
        clearInterval(autonomyTick);
        later.stop();
        await slack.stop();
      },
    },
  };
}

/** The chat options with the observer told of every 429 and every call that failed for good. */
function observedChat(chat: SlackChatOptions, observe: SlackStackObserver | undefined): SlackChatOptions {
  if (!observe) return chat;
  return {
    ...chat,
    onRateLimited: (method, s) => {
      observe.slackRateLimited?.(method);
      chat.onRateLimited?.(method, s);
    },
    onFailed: (method, code) => {
      observe.slackApiError?.(method, code);
      chat.onFailed?.(method, code);
    },
  };
}

/** A Web API failure (auth.test, apps.connections.open) or another start error (e.g. the port in use). */
function startFailure(e: unknown, apiUrl: string | undefined): CausewayError {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('slack_webapi_')) return slackStartError(e, apiUrl);
  if (e instanceof Error && e.name === 'TimeoutError') return slackStartError(e, apiUrl);
  return {
    code: 'SLACK_NOT_CONFIGURED',
    message: `cannot start the Slack app: ${e instanceof Error ? e.message : String(e)}`,
  };
}
