import type { Server } from 'node:http';
import { App, type BlockAction, type ButtonAction, HTTPReceiver, type Logger } from '@slack/bolt';
import { recordFeedbackTrust } from '../../app/autonomy/record-feedback-trust.ts';
import { afterRunAction } from '../../app/slack/after-run-action.ts';
import { answerThreadQuestion } from '../../app/slack/answer-thread-question.ts';
import { handleRunAction } from '../../app/slack/handle-run-action.ts';
import { handleSlashCommand } from '../../app/slack/handle-slash-command.ts';
import { handleStopClick } from '../../app/slack/handle-stop-click.ts';
import { handleUndoClick } from '../../app/slack/handle-undo-click.ts';
import { postMoreEvidence } from '../../app/slack/post-more-evidence.ts';
import { postTimeline } from '../../app/slack/post-timeline.ts';
import { proposeRunbookInChat } from '../../app/slack/propose-runbook-in-chat.ts';
import { recordFeedback } from '../../app/slack/record-feedback.ts';
import { runbooksMessage } from '../../app/slack/runbooks-message.ts';
import { triageAlertMessage } from '../../app/slack/triage-alert-message.ts';
import type { SlackMessage } from '../../core/chat/alerts/slack-message.ts';
import type { Block, ChatMessage } from '../../core/chat/block-kit.ts';
import { CHAT_IDS } from '../../core/chat/chat-ids.ts';
import type { ChatPort } from '../../core/chat/chat-port.ts';
import { decodeActionValue } from '../../core/chat/decode-action-value.ts';
import { decodeRunbookActionValue } from '../../core/chat/decode-runbook-action-value.ts';
import { RUNBOOK_ACTION_IDS, RUNBOOK_BLOCK_IDS } from '../../core/chat/runbook-action-ids.ts';
import { createSlackChat, type SlackChatOptions } from './create-slack-chat.ts';
import { guardSlackTimestamps } from './guard-slack-timestamps.ts';
import type { SlackAppOptions } from './slack-app-options.ts';
import type { SlackUseCaseDeps } from './slack-use-case-deps.ts';

const WEB_API_TIMEOUT_MS = 30_000;

export type SlackApp = {
  readonly app: App;
  readonly chat: ChatPort;
  /**
   * Checks the token (auth.test, unless both bot ids are configured), then connects (Socket Mode)
   * or listens (HTTP mode); resolves with the HTTP port in HTTP mode. Rejects with the Web API error.
   */
  start(): Promise<{ readonly port?: number }>;
  /** Resolves when all work started by requests so far has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The Bolt app: `/causeway` (acknowledged at once, the work done after the acknowledgement),
 * messages in watched channels (auto-triage), and the message buttons (👍/👎, more evidence,
 * runbooks: propose, request approval, approve/reject, run, cancel). Socket Mode or HTTP mode (request signatures verified by Bolt on the raw body;
 * bad ones get 401 and run nothing). Secrets never reach the logger.
 */
export function buildSlackApp(
  o: SlackAppOptions,
  deps: SlackUseCaseDeps,
  logger: Logger,
  chatOptions: SlackChatOptions = {},
): SlackApp {
  // Bolt shares its logger with the Web API client. A failed request is thrown to its caller, which
  // reports it; the client's own "http request failed" line is only noise next to that (debug).
  const appLogger: Logger = {
    ...logger,
    warn: (...m: unknown[]) => (m[0] === 'http request failed' ? logger.debug(...m) : logger.warn(...m)),
  };
  const clientOptions = {
    ...(o.apiUrl ? { slackApiUrl: o.apiUrl } : {}),
    // The chat adapter owns the rate-limit policy (Retry-After, pacing).
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    // Every Web API call has a deadline (a file upload included).
    timeout: WEB_API_TIMEOUT_MS,
    logger: appLogger,
  };
  const ids = o.botId && o.botUserId ? { botId: o.botId, botUserId: o.botUserId } : {};
  // Bolt checks the token (auth.test) in init(), awaited in start() so a failure is a start-up
  // error instead of an unhandled rejection; with both bot ids known there is nothing to check.
  const init = { deferInitialization: true, tokenVerificationEnabled: !(o.botId && o.botUserId) };
  const app =
    o.mode === 'socket'
      ? new App({
          socketMode: true,
          appToken: o.appToken as string,
          token: o.botToken,
          ...ids,
          ...init,
          clientOptions,
          installerOptions: { clientOptions: o.apiUrl ? { slackApiUrl: o.apiUrl } : {} },
          logger: appLogger,
          // Bolt would reset its logger to INFO: keep the configured level (log.level).
          logLevel: logger.getLevel(),
        })
      : new App({
          receiver: httpReceiver(o.signingSecret as string, logger),
          token: o.botToken,
          ...ids,
          ...init,
          clientOptions,
          logger: appLogger,
          logLevel: logger.getLevel(),
        });
  const chat = createSlackChat(app.client, chatOptions);
  const all = { ...deps, chat };
  const inFlight = new Set<Promise<unknown>>();
  const background = (what: string, work: () => Promise<unknown>) => {
    const p = work()
      .catch((e: unknown) => logger.error(`${what} failed:`, e instanceof Error ? e.message : String(e)))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const toSlack = (m: ChatMessage) => ({ text: m.text, blocks: m.blocks as never });

  app.command(o.command, async ({ command, ack, respond }) => {
    const r = handleSlashCommand(all, {
      command: command.command,
      text: command.text,
      channel: command.channel_id,
      user: command.user_id,
      reply: async (m) => {
        await respond({ response_type: 'ephemeral', ...toSlack(m) });
      },
    });
    await ack(r.ack ? { response_type: 'ephemeral', ...toSlack(r.ack) } : undefined);
    if (r.work) background('slash command', r.work);
  });

  app.event('message', async ({ event, body }) => {
    const e = event as unknown as SlackMessage & { channel: string };
    background('alert message', () =>
      triageAlertMessage(all, {
        channel: e.channel,
        message: e,
        eventId: (body as { event_id?: string }).event_id as string,
      }),
    );
  });

  app.event('app_mention', async ({ event }) => {
    const e = event as unknown as { channel: string; user?: string; text?: string; ts: string; thread_ts?: string };
    if (!e.user) return;
    const user = e.user;
    background('thread question', () =>
      answerThreadQuestion(
        { ...all, sourceTimeoutMs: deps.options.sourceTimeoutMs, ...(deps.ask ? { ask: deps.ask } : {}) },
        { channel: e.channel, threadTs: e.thread_ts, user, text: e.text ?? '' },
      ),
    );
  });

  const clicked = (body: BlockAction, action: ButtonAction) => {
    const value = decodeActionValue(action.value);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    return value && channel && ts ? { value, channel, ts: String(ts) } : undefined;
  };
  for (const [actionId, verdict] of [
    [CHAT_IDS.actions.right, 'confirmed'],
    [CHAT_IDS.actions.wrong, 'rejected'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action }) => {
      await ack();
      const c = clicked(body, action);
      if (!c?.value.hypothesisId) return;
      const { hypothesisId } = c.value;
      background('feedback', async () => {
        await recordFeedback(all, {
          incidentId: c.value.incidentId,
          hypothesisId,
          user: body.user.id,
          verdict,
          channel: c.channel,
          messageTs: c.ts,
          blocks: body.message?.blocks as Block[] | undefined,
        });
        // Earned autonomy: a 👎 where a step ran by itself demotes its runbook; shadow records are scored.
        if (deps.autonomy)
          await recordFeedbackTrust(deps.autonomy, {
            incidentId: c.value.incidentId,
            verdict,
            by: `slack:${body.user.id}`,
          });
      });
    });
  }
  app.action<BlockAction<ButtonAction>>(CHAT_IDS.actions.moreEvidence, async ({ ack, body, action }) => {
    await ack();
    const c = clicked(body, action);
    if (!c) return;
    const threadTs = String(body.message?.thread_ts ?? body.container?.thread_ts ?? c.ts);
    background('more evidence', () =>
      postMoreEvidence(all, { incidentId: c.value.incidentId, channel: c.channel, threadTs, user: body.user.id }),
    );
  });
  app.action<BlockAction<ButtonAction>>(CHAT_IDS.actions.timeline, async ({ ack, body, action }) => {
    await ack();
    const c = clicked(body, action);
    const timeline = deps.timeline;
    if (!c || !timeline) return;
    const threadTs = String(body.message?.thread_ts ?? body.container?.thread_ts ?? c.ts);
    background('timeline', () =>
      postTimeline(
        { chat, timeline },
        { incidentId: c.value.incidentId, channel: c.channel, threadTs, user: body.user.id },
      ),
    );
  });
  const tellFor = (channel: string, user: string, threadTs: string) => async (m: ChatMessage) => {
    await chat.postEphemeral(channel, user, m, threadTs);
  };
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${CHAT_IDS.actions.runbookPrefix}\\d+$`),
    async ({ ack, body, action }) => {
      // The work is registered before the acknowledgement, so idle() covers it.
      const acked = ack();
      const c = clicked(body, action);
      if (!c?.value.runbookId) return acked;
      const { runbookId } = c.value;
      const threadTs = String(body.message?.thread_ts ?? body.container?.thread_ts ?? c.ts);
      const tell = tellFor(c.channel, body.user.id, threadTs);
      const runbook = deps.runbook;
      background('runbook', async () => {
        if (!runbook) return tell(await runbooksMessage(deps.runbooks, undefined));
        await proposeRunbookInChat(
          { ...all, runbook },
          {
            incidentId: c.value.incidentId,
            runbookId,
            ...(c.value.hypothesisId ? { hypothesisId: c.value.hypothesisId } : {}),
            user: body.user.id,
            channel: c.channel,
            threadTs,
            tell,
          },
        );
      });
      await acked;
    },
  );
  const runAction = new RegExp(
    `^(?:${RUNBOOK_ACTION_IDS.requestApproval}|${RUNBOOK_ACTION_IDS.start}|${RUNBOOK_ACTION_IDS.cancel}|${RUNBOOK_ACTION_IDS.approvePrefix}\\d+|${RUNBOOK_ACTION_IDS.rejectPrefix}\\d+)$`,
  );
  app.action<BlockAction<ButtonAction>>(runAction, async ({ ack, body, action }) => {
    const acked = ack();
    const value = decodeRunbookActionValue(action.value);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    const runbook = deps.runbook;
    if (!value || !channel || !ts || !runbook) return acked;
    const id = action.action_id;
    const kind =
      id === RUNBOOK_ACTION_IDS.requestApproval
        ? 'request-approval'
        : id === RUNBOOK_ACTION_IDS.start
          ? 'start'
          : id === RUNBOOK_ACTION_IDS.cancel
            ? 'cancel'
            : id.startsWith(RUNBOOK_ACTION_IDS.approvePrefix)
              ? 'approve'
              : 'reject';
    const threadTs = String(body.message?.thread_ts ?? body.container?.thread_ts ?? ts);
    background(`runbook ${kind}`, async () => {
      await handleRunAction(
        { ...all, runbook, groupsOf: deps.groupsOf ?? (async () => []) },
        {
          kind,
          runId: value.runId,
          ...(value.step !== undefined ? { step: value.step } : {}),
          ...(value.stepHash ? { stepHash: value.stepHash } : {}),
          user: body.user.id,
          channel,
          messageTs: String(ts),
          card: action.block_id === RUNBOOK_BLOCK_IDS.planActions ? 'plan' : 'approval',
          threadTs,
          tell: tellFor(channel, body.user.id, threadTs),
        },
      );
      if (deps.autonomy) await afterRunAction(deps.autonomy, value.runId);
    });
    await acked;
  });
  for (const id of [RUNBOOK_ACTION_IDS.stop, RUNBOOK_ACTION_IDS.undo])
    app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action }) => {
      const acked = ack();
      const value = decodeRunbookActionValue(action.value);
      const channel = body.channel?.id ?? body.container?.channel_id;
      const ts = body.message?.ts ?? body.container?.message_ts;
      const autonomy = deps.autonomy;
      if (!value || !channel || !ts || !autonomy) return acked;
      const threadTs = String(body.message?.thread_ts ?? body.container?.thread_ts ?? ts);
      const d = { chat, autonomy, groupsOf: deps.groupsOf ?? (async () => []) };
      const x = {
        runId: value.runId,
        user: body.user.id,
        message: { channel, ts: String(ts) },
        threadTs,
        tell: tellFor(channel, body.user.id, threadTs),
      };
      background(`autonomy ${id}`, () =>
        id === RUNBOOK_ACTION_IDS.stop ? handleStopClick(d, x) : handleUndoClick(d, x),
      );
      await acked;
    });
  app.error(async (e) => {
    logger.error('slack listener error:', e.message);
  });

  let server: Server | undefined;
  return {
    app,
    chat,
    async start() {
      await app.init();
      if (o.mode === 'socket') {
        await app.start();
        return {};
      }
      server = (await app.start({ port: o.port, host: o.host })) as Server;
      const addr = server.address();
      return { port: typeof addr === 'object' && addr ? addr.port : o.port };
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      await app.stop();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** Bolt's HTTP receiver (signatures verified on the raw body), behind the timestamp guard. */
function httpReceiver(signingSecret: string, logger: Logger): HTTPReceiver {
  const receiver = new HTTPReceiver({ signingSecret, logger });
  receiver.requestListener = guardSlackTimestamps(receiver.requestListener, logger);
  return receiver;
}
