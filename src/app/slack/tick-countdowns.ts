import { buildCountdownMessage } from '../../core/chat/build-countdown-message.ts';
import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import type { CountdownName } from '../../core/chat/countdown-name.ts';
import { escapeMrkdwn } from '../../core/chat/escape-mrkdwn.ts';
import { buildRunbookPlanBlocks } from '../../core/chat/runbook-plan-blocks.ts';
import { buildRunbookStepResultBlocks } from '../../core/chat/runbook-step-result-blocks.ts';
import { runDueCountdown } from '../autonomy/run-due-countdown.ts';
import { loadRun } from '../runbooks/load-run.ts';
import type { AutonomyChatDeps } from './autonomy-chat-deps.ts';
import { type CountdownMessage, findCountdownMessage } from './find-countdown-message.ts';
import { loadCountdownName } from './load-countdown-name.ts';

/** An announcement found again, with the name it was posted with (kept across ticks). */
export type AnnouncedCountdown = CountdownMessage & { readonly name: CountdownName };

/**
 * Every few seconds, on every replica: each countdown still counting has its announcement's
 * seconds updated, and each one that is due is run (`runDueCountdown`: one replica claims it) —
 * its steps' results posted in the thread, then what it came to: resolved without a page, or
 * rolled back, demoted and paged; or held back by a pause. Countdowns announced before a restart
 * are found again in the store and the audit trail: the stop window is never skipped. `found`
 * keeps, across ticks, where each announcement was posted (it never moves once found) and the name
 * it was posted with, so the audit trail and the run are read once per countdown rather than every
 * tick.
 */
export async function tickCountdowns(
  deps: AutonomyChatDeps,
  found: Map<string, AnnouncedCountdown> = new Map(),
): Promise<void> {
  const a = deps.autonomy;
  const counting = await a.autonomy.counting();
  // Countdowns stopped, or run by another replica, are no longer counting: forget them.
  const live = new Set(counting.map((c) => c.runId));
  for (const runId of found.keys()) if (!live.has(runId)) found.delete(runId);
  for (const c of counting) {
    let where: AnnouncedCountdown | undefined = found.get(c.runId);
    const { title, why } = where?.name ?? (await loadCountdownName(a.runs, c));
    if (!where) {
      const message = await findCountdownMessage(a.audit, c.incidentId, c.runId);
      if (message) {
        where = { ...message, name: { title, why } };
        found.set(c.runId, where);
      }
    }
    if (a.now() < c.dueAt) {
      if (where) await deps.chat.update(where.ref, buildCountdownMessage(c, title, a.now(), why));
      continue;
    }
    const post = async (m: Parameters<typeof deps.chat.post>[1]) => {
      if (where) await deps.chat.post(where.ref.channel, m, where.threadTs);
    };
    const r = await runDueCountdown(a, {
      runId: c.runId,
      onStep: async (result) => post(buildRunbookStepResultBlocks(result)),
    });
    if (r.outcome === 'not-due') continue;
    found.delete(c.runId);
    if (r.outcome === 'gone') continue;
    const after = await a.autonomy.countdown(c.runId);
    const undoable = r.outcome === 'ran' && r.resolved;
    if (where && after) await deps.chat.update(where.ref, buildCountdownMessage(after, title, a.now(), why, undoable));
    if (r.outcome === 'held') {
      await post(
        buildNoticeMessage(`:pause_button: Held back: ${escapeMrkdwn(r.reason)}. The run waits for approval.`),
      );
      const held = await loadRun(a.runs, c.runId);
      if (held.ok) await post(buildRunbookPlanBlocks(held.value.plan, held.value.run));
    }
    if (r.outcome === 'ran')
      await post(
        buildNoticeMessage(
          r.resolved
            ? `:white_check_mark: *${escapeMrkdwn(title)}* ran by itself and its check passed: ${escapeMrkdwn(c.incidentId)} resolved without paging anyone.`
            : `:rotating_light: *${escapeMrkdwn(title)}* did not resolve ${escapeMrkdwn(c.incidentId)}: rolled back, demoted to supervised, ${r.paged ? 'on-call paged (PagerDuty)' : 'nobody paged (no pager configured or PagerDuty unreachable) — page by hand'}.`,
        ),
      );
  }
}
