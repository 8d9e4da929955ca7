import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import type { ChatPort } from '../../core/chat/chat-port.ts';
import { escapeMrkdwn } from '../../core/chat/escape-mrkdwn.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { Run } from '../../core/storage/run-store.ts';
import { runMessages } from './run-messages.ts';

/**
 * After a restart: each run whose step was running when Causeway stopped (now `outcome-unknown`,
 * never re-run) is announced in the thread its cards were posted to — found in the audit trail
 * (`message.posted` of the run) — so the people who approved it check by hand. Runs whose thread
 * is not known are returned for the log.
 */
export async function announceRecoveredRuns(
  deps: { readonly chat: ChatPort; readonly audit: AuditLog },
  recovered: readonly { readonly run: Run; readonly step: number }[],
): Promise<{ run: Run; step: number }[]> {
  const unannounced: { run: Run; step: number }[] = [];
  for (const r of recovered) {
    const where = (await runMessages(deps.audit, r.run)).find(
      (d) => typeof d.channel === 'string' && typeof d.threadTs === 'string',
    );
    const posted = where
      ? await deps.chat.post(
          where.channel as string,
          buildNoticeMessage(
            `:warning: Run \`${escapeMrkdwn(r.run.id)}\` (${escapeMrkdwn(r.run.runbook)}): step ${r.step + 1} was running when Causeway stopped. Whether it took effect is *unknown*; it will not be re-run. Check its target by hand, then propose the runbook again if needed.`,
          ),
          where.threadTs as string,
        )
      : undefined;
    if (!posted?.ok) unannounced.push({ run: r.run, step: r.step });
  }
  return unannounced;
}
