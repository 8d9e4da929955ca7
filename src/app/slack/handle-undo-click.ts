import type { ChatMessage } from '../../core/chat/block-kit.ts';
import { buildCountdownMessage } from '../../core/chat/build-countdown-message.ts';
import { buildErrorMessage } from '../../core/chat/build-error-message.ts';
import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import type { ChatRef } from '../../core/chat/chat-port.ts';
import { escapeMrkdwn } from '../../core/chat/escape-mrkdwn.ts';
import { buildRunbookStepResultBlocks } from '../../core/chat/runbook-step-result-blocks.ts';
import { undoAutonomousRun } from '../autonomy/undo-autonomous-run.ts';
import type { AutonomyChatDeps } from './autonomy-chat-deps.ts';
import { loadCountdownName } from './load-countdown-name.ts';

/**
 * [Undo] on an autonomous step's announcement: the rollback runs (once; approver groups only),
 * each result posted in the thread, the announcement says who undid it, and the runbook is back to
 * supervised. A refusal is told to the person only.
 */
export async function handleUndoClick(
  deps: AutonomyChatDeps & { readonly groupsOf: (user: string) => Promise<readonly string[]> },
  input: {
    readonly runId: string;
    readonly user: string;
    readonly message: ChatRef;
    readonly threadTs: string;
    readonly tell: (m: ChatMessage) => Promise<void>;
  },
): Promise<void> {
  const r = await undoAutonomousRun(deps.autonomy, {
    runId: input.runId,
    user: input.user,
    userGroups: await deps.groupsOf(input.user),
    onStep: async (result) => {
      await deps.chat.post(input.message.channel, buildRunbookStepResultBlocks(result), input.threadTs);
    },
  });
  if (!r.ok) return input.tell(buildErrorMessage(r.error.code, r.error.message));
  const c = await deps.autonomy.autonomy.countdown(input.runId);
  const runbook = (c && deps.autonomy.catalog.get(c.runbook)?.title) ?? r.value.run.runbook;
  if (c) {
    const { title, why } = await loadCountdownName(deps.autonomy.runs, c);
    await deps.chat.update(input.message, buildCountdownMessage(c, title, deps.autonomy.now(), why));
  }
  await deps.chat.post(
    input.message.channel,
    buildNoticeMessage(
      `:leftwards_arrow_with_hook: <@${input.user}> undid it: run \`${escapeMrkdwn(r.value.run.id)}\` ${r.value.run.status}; *${escapeMrkdwn(runbook)}* is back to supervised until it earns autonomy again.`,
    ),
    input.threadTs,
  );
}
