import type { ChatMessage } from '../../core/chat/block-kit.ts';
import { buildCountdownMessage } from '../../core/chat/build-countdown-message.ts';
import { buildErrorMessage } from '../../core/chat/build-error-message.ts';
import type { ChatRef } from '../../core/chat/chat-port.ts';
import { stopCountdown } from '../autonomy/stop-countdown.ts';
import type { AutonomyChatDeps } from './autonomy-chat-deps.ts';
import { loadCountdownName } from './load-countdown-name.ts';

/** [Stop] on an autonomous step's announcement: stopped (the message says by whom) or the person is told why not. */
export async function handleStopClick(
  deps: AutonomyChatDeps & { readonly groupsOf: (user: string) => Promise<readonly string[]> },
  input: {
    readonly runId: string;
    readonly user: string;
    readonly message: ChatRef;
    readonly tell: (m: ChatMessage) => Promise<void>;
  },
): Promise<void> {
  const r = await stopCountdown(deps.autonomy, {
    runId: input.runId,
    user: input.user,
    userGroups: await deps.groupsOf(input.user),
  });
  if (!r.ok) return input.tell(buildErrorMessage(r.error.code, r.error.message));
  const { title, why } = await loadCountdownName(deps.autonomy.runs, r.value);
  await deps.chat.update(input.message, buildCountdownMessage(r.value, title, deps.autonomy.now(), why));
}
