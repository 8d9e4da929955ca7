import { autonomyReportLines } from '../../core/autonomy/format-autonomy-report.ts';
import type { ChatMessage } from '../../core/chat/block-kit.ts';
import { buildErrorMessage } from '../../core/chat/build-error-message.ts';
import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import { escapeMrkdwn } from '../../core/chat/escape-mrkdwn.ts';
import type { SlashCommand } from '../../core/chat/slash-command.ts';
import type { AutonomyDeps } from '../autonomy/autonomy-deps.ts';
import { pauseAutonomy } from '../autonomy/pause-autonomy.ts';
import { reportAutonomy } from '../autonomy/report-autonomy.ts';
import { resumeAutonomy } from '../autonomy/resume-autonomy.ts';

/** `/causeway autonomy`, `/causeway pause [service|all] [reason]`, `/causeway resume [service|all]`. */
export type AutonomyCommand = Extract<SlashCommand, { readonly kind: 'autonomy' | 'pause' | 'resume' }>;

/**
 * Answers an autonomy command in chat: the report (per runbook: incidents, agreement, precision,
 * eligible or why not; the pauses), or the kill switch set or lifted — only by members of an
 * approver group; a refusal is told to the person and audited. A pause is also posted in the
 * channel so everyone sees it.
 */
export async function autonomyCommand(
  deps: { readonly autonomy: AutonomyDeps; readonly groupsOf: (user: string) => Promise<readonly string[]> },
  cmd: AutonomyCommand,
  input: { readonly user: string; readonly reply: (m: ChatMessage) => Promise<void> },
): Promise<void> {
  const a = deps.autonomy;
  if (cmd.kind === 'autonomy') {
    const { standings, pauses } = await reportAutonomy(a);
    return input.reply(
      buildNoticeMessage(
        `*Earned autonomy*\n\`\`\`${autonomyReportLines(standings, pauses).join('\n')}\`\`\``,
        'Earned autonomy report',
      ),
    );
  }
  const userGroups = await deps.groupsOf(input.user);
  if (cmd.kind === 'pause') {
    const r = await pauseAutonomy(a, { user: input.user, userGroups, scope: cmd.scope, reason: cmd.reason });
    if (!r.ok) return input.reply(buildErrorMessage(r.error.code, r.error.message));
    return input.reply(
      buildNoticeMessage(
        `:pause_button: Autonomy paused for *${escapeMrkdwn(cmd.scope)}*: autonomous runbooks wait for approval until \`resume\`.`,
      ),
    );
  }
  const r = await resumeAutonomy(a, { user: input.user, userGroups, scope: cmd.scope });
  if (!r.ok) return input.reply(buildErrorMessage(r.error.code, r.error.message));
  return input.reply(
    buildNoticeMessage(
      r.value.length === 0
        ? 'Nothing was paused.'
        : `:arrow_forward: Autonomy resumed for ${r.value.map((s) => `*${escapeMrkdwn(s)}*`).join(', ')}.`,
    ),
  );
}
