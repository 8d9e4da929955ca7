import { describeGate } from '../../core/autonomy/describe-gate.ts';
import { pauseFor } from '../../core/autonomy/pause.ts';
import { buildCountdownMessage } from '../../core/chat/build-countdown-message.ts';
import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import { countdownName } from '../../core/chat/countdown-name.ts';
import { escapeMrkdwn } from '../../core/chat/escape-mrkdwn.ts';
import { runbookMention } from '../../core/chat/runbook-mention.ts';
import { buildRunbookPlanBlocks } from '../../core/chat/runbook-plan-blocks.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { decideAutonomousRun } from '../autonomy/decide-autonomous-run.ts';
import { pageIncident } from '../autonomy/page-incident.ts';
import { recordShadowPlans } from '../autonomy/record-shadow-plans.ts';
import type { AutonomyChatDeps } from './autonomy-chat-deps.ts';

/**
 * After an incident's triage in chat: shadow records for every fitting runbook; then, when an
 * autonomous runbook fits the top hypothesis, either its stop window is announced in the thread
 * ("Running *X* in 60 s — [Stop]", audited as `message.posted` kind `autonomy-countdown` so any
 * replica finds it) or, when a gate does not hold, its plan card is posted for approval with the
 * reasons. While a pause is in force the thread says so, and the returned line is shown on the
 * incident message. Without an eligible runbook, people are paged (only when a pager is configured).
 */
export async function announceAutonomy(
  deps: AutonomyChatDeps,
  input: {
    readonly incidentId: string;
    readonly report: TriageReport;
    readonly alert?: Alert;
    readonly channel: string;
    readonly threadTs: string;
  },
): Promise<string | undefined> {
  const a = deps.autonomy;
  const { incidentId, report } = input;
  await recordShadowPlans(a, { incidentId, report, ...(input.alert ? { alert: input.alert } : {}) });
  // Read once: the thread's banner and the decision's `paused` gate see the same pauses.
  const pauses = await a.autonomy.pauses();
  const pause = pauseFor(pauses, report.hypotheses[0]?.service);
  const banner = pause
    ? `Autonomy is paused (${escapeMrkdwn(pause.scope)}) by ${runbookMention(pause.by)}: ${escapeMrkdwn(pause.reason)}. Autonomous runbooks wait for approval.`
    : a.settings.enabled
      ? undefined
      : 'Autonomy is off (autonomy.enabled: false). Autonomous runbooks wait for approval.';
  if (banner) await deps.chat.post(input.channel, buildNoticeMessage(`:pause_button: ${banner}`), input.threadTs);
  const d = await decideAutonomousRun(a, {
    incidentId,
    report,
    pauses,
    ...(input.alert ? { alert: input.alert } : {}),
  });
  if (d.outcome === 'countdown' && d.countdown) {
    const { title, why } = countdownName(d.plan, d.countdown.step);
    const posted = await deps.chat.post(
      input.channel,
      buildCountdownMessage(d.countdown, title, a.now(), why),
      input.threadTs,
    );
    if (posted.ok)
      await a.audit.append({
        actor: 'system',
        action: 'message.posted',
        subject: `run:${d.run.id}`,
        data: {
          incidentId,
          runId: d.run.id,
          kind: 'autonomy-countdown',
          channel: posted.value.channel,
          ts: posted.value.ts,
          threadTs: input.threadTs,
        },
      });
    return banner;
  }
  if (d.outcome === 'supervised') {
    const reasons = d.decision.gates.filter((g) => !g.passed).map(describeGate);
    await deps.chat.post(input.channel, buildRunbookPlanBlocks(d.plan, d.run), input.threadTs);
    await deps.chat.post(
      input.channel,
      buildNoticeMessage(
        `:raising_hand: Not run by itself: ${escapeMrkdwn(reasons.join('; '))}. It waits for approval.`,
      ),
      input.threadTs,
    );
  }
  if (a.pager)
    await pageIncident(a, {
      action: 'trigger',
      incidentId,
      service: report.hypotheses[0]?.service ?? input.alert?.service ?? 'unknown',
      summary: `${incidentId}: ${report.summary}`.slice(0, 1000),
    });
  return banner;
}
