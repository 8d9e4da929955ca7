import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import type { ChatPort } from '../../core/chat/chat-port.ts';
import { followUpAnswerBlocks } from '../../core/chat/follow-up-answer-blocks.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Answer } from '../../core/llm/answer.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { Result } from '../../core/result/result.ts';
import type { TriageSources } from '../../core/sources/triage-sources.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { IncidentStore } from '../../core/storage/incident-store.ts';
import type { FollowUpSources } from '../llm/follow-up-sources.ts';
import type { IncidentBoard } from './incident-board.ts';

/** Asks the model a follow-up question about one incident (the LLM layer's answerFollowUp, wired by the composition root). */
export type AskModel = (input: {
  readonly incidentId: string;
  readonly report: TriageReport;
  readonly question: string;
  readonly asker: string;
  readonly sources: FollowUpSources;
}) => Promise<Result<Answer, CausewayError>>;

export type ThreadQuestionDeps = {
  readonly chat: ChatPort;
  readonly board: IncidentBoard;
  readonly incidents: IncidentStore;
  readonly sources: TriageSources;
  readonly audit: AuditLog;
  readonly sourceTimeoutMs: number;
  /** Absent when no model is configured. */
  readonly ask?: AskModel;
};

/**
 * "@causeway why not the database?" in an incident thread: the question goes to the follow-up
 * agent (read-only queries on the incident's own sources, grounded citations, budgets), and the
 * answer is posted in the thread. Without a model, or outside an incident thread, a short
 * ephemeral note says why. The model can point to a runbook, never run one.
 */
export async function answerThreadQuestion(
  deps: ThreadQuestionDeps,
  input: {
    readonly channel: string;
    readonly threadTs: string | undefined;
    readonly user: string;
    readonly text: string;
  },
): Promise<'answered' | 'no-incident' | 'no-model' | 'failed'> {
  const note = (text: string) =>
    deps.chat.postEphemeral(input.channel, input.user, buildNoticeMessage(text), input.threadTs);
  const found = input.threadTs ? deps.board.findByThread(input.threadTs) : undefined;
  const report = found?.entry.view.report;
  if (!found || !report) {
    await note('Ask me in the thread of an incident I posted (after its triage has finished).');
    return 'no-incident';
  }
  if (!deps.ask) {
    await note('No language model is configured (llm.model), so I can only show the ranked evidence above.');
    return 'no-model';
  }
  const question = input.text.replace(/<@[A-Z0-9]+>/g, '').trim();
  const alerts = await deps.incidents.alerts(found.incidentId);
  const opened = await deps.sources.open(alerts.map((a) => a.alert));
  if (!opened.ok) {
    await note(`I cannot read the incident's data right now: ${opened.error.message}`);
    return 'failed';
  }
  const src = opened.value;
  try {
    const answer = await deps.ask({
      incidentId: found.incidentId,
      report,
      question,
      asker: input.user,
      sources: {
        ...(src.logs ? { logs: src.logs } : {}),
        ...(src.traces ? { traces: src.traces } : {}),
        ...(src.changes ? { changes: src.changes } : {}),
        ...(src.metrics ? { metrics: src.metrics } : {}),
        query: { range: { from: report.windows.baseline.from, to: report.windows.incident.to }, bucketMs: 10_000 },
        sourceTimeoutMs: deps.sourceTimeoutMs,
      },
    });
    if (!answer.ok) {
      await note(`I could not answer: ${answer.error.message} (${answer.error.code}).`);
      return 'failed';
    }
    const blocks = followUpAnswerBlocks(answer.value, report);
    const text = answer.value.sentences.map((s) => s.text).join(' ') || 'No grounded answer.';
    const posted = await deps.chat.post(input.channel, { text, blocks }, input.threadTs);
    if (posted.ok) {
      await deps.audit.append({
        actor: 'system',
        action: 'message.posted',
        subject: `incident:${found.incidentId}`,
        data: {
          incidentId: found.incidentId,
          kind: 'answer',
          channel: posted.value.channel,
          ts: posted.value.ts,
          asker: input.user,
        },
      });
    }
    return posted.ok ? 'answered' : 'failed';
  } finally {
    await src.close();
  }
}
