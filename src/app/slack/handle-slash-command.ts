import type { ChatMessage } from '../../core/chat/block-kit.ts';
import { buildErrorMessage } from '../../core/chat/build-error-message.ts';
import { buildHelpMessage } from '../../core/chat/build-help-message.ts';
import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import { escapeMrkdwn } from '../../core/chat/escape-mrkdwn.ts';
import { parseSlashCommand } from '../../core/chat/parse-slash-command.ts';
import type { FeedbackStore } from '../../core/storage/feedback-store.ts';
import type { AutonomyDeps } from '../autonomy/autonomy-deps.ts';
import type { RunbookDeps } from '../runbooks/runbook-deps.ts';
import { triageIncident } from '../triage/triage-incident.ts';
import { autonomyCommand } from './autonomy-command.ts';
import { manualAlert } from './manual-alert.ts';
import { observeTriageInChat } from './observe-triage-in-chat.ts';
import { proposeRunbookInChat } from './propose-runbook-in-chat.ts';
import { runbooksMessage } from './runbooks-message.ts';
import { statusMessage } from './status-message.ts';
import type { TriageDeps } from './triage-deps.ts';

export type SlashCommandDeps = TriageDeps & {
  readonly feedback: FeedbackStore;
  readonly serviceLabels: readonly string[];
  readonly watchedChannels: ReadonlySet<string>;
  readonly newIncidentId: () => string;
  /** The runbook engine (absent when `runbooks.dir` is unset). */
  readonly runbook?: RunbookDeps;
  /** Earned autonomy (with the runbook engine); `groupsOf`: a user's Slack user groups (approver groups). */
  readonly autonomy?: AutonomyDeps;
  readonly groupsOf?: (user: string) => Promise<readonly string[]>;
};

export type SlashCommandInput = {
  readonly command: string;
  readonly text: string;
  readonly channel: string;
  readonly user: string;
  /** An ephemeral reply to the person (Slack's response_url: works in any channel for 30 minutes). */
  readonly reply: (message: ChatMessage) => Promise<void>;
};

/**
 * `/causeway …`: what to acknowledge with at once (Slack wants an answer within 3 s; undefined
 * acknowledges silently) and the work to do after the acknowledgement, which replies or posts by
 * itself. Errors reach the person as ephemeral messages that say what to do.
 */
export function handleSlashCommand(
  deps: SlashCommandDeps,
  input: SlashCommandInput,
): { readonly ack: ChatMessage | undefined; readonly work?: () => Promise<void> } {
  const cmd = parseSlashCommand(input.text);
  switch (cmd.kind) {
    case 'help':
      return { ack: buildHelpMessage(input.command, [...deps.watchedChannels]) };
    case 'invalid':
      return {
        ack: buildErrorMessage('USAGE', cmd.message, `Try \`${input.command} help\` for the subcommands.`),
      };
    case 'status':
      return { ack: undefined, work: async () => input.reply(await statusMessage(deps.incidents, cmd.incidentId)) };
    case 'runbooks':
      return { ack: undefined, work: async () => input.reply(await runbooksMessage(deps.runbooks, cmd.query)) };
    case 'autonomy':
    case 'pause':
    case 'resume': {
      const autonomy = deps.autonomy;
      if (!autonomy)
        return {
          ack: buildErrorMessage('USAGE', 'Earned autonomy needs runbooks (runbooks.dir in the configuration).'),
        };
      const groupsOf = deps.groupsOf ?? (async () => []);
      return {
        ack: undefined,
        work: () => autonomyCommand({ autonomy, groupsOf }, cmd, { user: input.user, reply: input.reply }),
      };
    }
    case 'run': {
      const runbook = deps.runbook;
      if (!runbook)
        return { ack: undefined, work: async () => input.reply(await runbooksMessage(deps.runbooks, undefined)) };
      return {
        ack: undefined,
        work: async () => {
          await proposeRunbookInChat(
            { ...deps, runbook },
            {
              incidentId: cmd.incidentId,
              runbookId: cmd.runbookId,
              params: cmd.params,
              user: input.user,
              channel: input.channel,
              tell: input.reply,
            },
          );
        },
      };
    }
    case 'triage': {
      const since = cmd.sinceMs ? ` (trouble since about ${Math.round(cmd.sinceMs / 60_000)} min ago)` : '';
      return {
        ack: buildNoticeMessage(
          `:mag: Triaging *${escapeMrkdwn(cmd.target)}*${since} — the result will be posted in this channel and updated as it comes in.`,
        ),
        work: async () => {
          const now = deps.now();
          const alert = manualAlert(cmd.target, now, deps.serviceLabels);
          const actor = `slack:${input.user}` as const;
          const { incident, created } = await deps.incidents.openOrJoin({
            newId: deps.newIncidentId(),
            alert,
            at: now,
            title: alert.name,
            asOf: now,
          });
          await deps.audit.append({
            actor,
            action: 'alert.received',
            subject: `incident:${incident.id}`,
            data: {
              incidentId: incident.id,
              source: alert.source,
              fingerprint: alert.fingerprint,
              name: alert.name,
              status: alert.status,
              channel: input.channel,
              command: `${input.command} ${input.text}`,
            },
          });
          await deps.audit.append({
            actor,
            action: created ? 'incident.opened' : 'incident.joined',
            subject: `incident:${incident.id}`,
            data: {
              incidentId: incident.id,
              title: incident.title,
              service: incident.service ?? null,
              asOf: incident.asOf,
              fingerprint: alert.fingerprint,
            },
          });
          const chat = observeTriageInChat(deps, { channel: input.channel, requestedBy: input.user });
          await triageIncident(deps, {
            incidentId: incident.id,
            alerts: [alert],
            observer: chat,
            ...(cmd.sinceMs ? { lookbackMs: Math.max(15 * 60_000, 3 * cmd.sinceMs) } : {}),
          });
          const failure = chat.postFailure();
          if (failure) {
            const notMember = ['not_in_channel', 'channel_not_found'].includes(failure.code);
            await input.reply(
              buildErrorMessage(
                'CHAT_POST_FAILED',
                `Causeway could not post in this channel (${failure.code}).`,
                notMember
                  ? 'Invite the app to this channel (/invite @Causeway) and run the command again.'
                  : 'Try again in a minute; if it keeps failing, check the app is installed and its token is valid.',
              ),
            );
          }
        },
      };
    }
  }
}
