import type { ChatMessage } from '../../core/chat/block-kit.ts';
import { buildErrorMessage } from '../../core/chat/build-error-message.ts';
import { buildRunbookPlanBlocks } from '../../core/chat/runbook-plan-blocks.ts';
import { proposeRun } from '../runbooks/propose-run.ts';
import type { RunbookChatDeps } from './runbook-chat-deps.ts';

export type ProposeRunbookInChatInput = {
  /** Undefined: the one open incident (the person is asked to name one when several are open). */
  readonly incidentId: string | undefined;
  readonly runbookId: string;
  /** The hypothesis whose button was pressed (else the one the runbook matches). */
  readonly hypothesisId?: string;
  /** `key=value` given by the person (`/causeway run`). */
  readonly params?: Readonly<Record<string, string>>;
  readonly user: string;
  readonly channel: string;
  /** The thread to post the plan in (else the incident's thread when it is in this channel). */
  readonly threadTs?: string;
  /** An answer only this person sees (errors). */
  readonly tell: (message: ChatMessage) => Promise<void>;
};

/**
 * A runbook button or `/causeway run`: proposes the runbook for the incident — its parameters
 * resolved from the incident's latest stored triage, every step rendered exactly as it would run —
 * and posts the plan card in the incident's thread, with "Request approval" (or "Run") and
 * "Cancel". Nothing runs. Returns the run id, or undefined when nothing was proposed (the person
 * was told why).
 */
export async function proposeRunbookInChat(
  deps: Pick<RunbookChatDeps, 'chat' | 'incidents' | 'board' | 'runbook'>,
  input: ProposeRunbookInChatInput,
): Promise<string | undefined> {
  let incident = input.incidentId !== undefined ? await deps.incidents.get(input.incidentId) : undefined;
  if (input.incidentId === undefined) {
    const open = await deps.incidents.list({ status: 'open', limit: 6 });
    if (open.length === 1) incident = open[0];
    else {
      await input.tell(
        buildErrorMessage(
          'INCIDENT_NOT_FOUND',
          open.length === 0
            ? 'There is no open incident to run it for.'
            : `Several incidents are open (${open
                .slice(0, 5)
                .map((i) => i.id)
                .join(', ')}${open.length > 5 ? ', …' : ''}): say which.`,
          `Name the incident: /causeway run ${input.runbookId} <INC-…> [key=value …].`,
        ),
      );
      return undefined;
    }
  }
  if (!incident) {
    await input.tell(
      buildErrorMessage(
        'INCIDENT_NOT_FOUND',
        `No incident ${input.incidentId}.`,
        'Use the incident id shown on the incident message (INC-…); `/causeway status` lists the open incidents.',
      ),
    );
    return undefined;
  }
  const triage = await deps.incidents.latestTriage(incident.id);
  const report = triage?.report;
  const proposed = await proposeRun(deps.runbook, {
    runbookId: input.runbookId,
    incidentId: incident.id,
    ...(report ? { report } : {}),
    ...(input.hypothesisId ? { hypothesisId: input.hypothesisId } : {}),
    ...(input.params ? { params: input.params } : {}),
    proposedBy: `slack:${input.user}`,
  });
  if (!proposed.ok && 'advisory' in proposed) {
    // Propose and explain: the plan as it would run, without a run or any button.
    const entry = deps.board.get(incident.id);
    const threadTs = input.threadTs ?? (entry?.sync.ref.channel === input.channel ? entry.threadTs : undefined);
    await deps.chat.post(
      input.channel,
      buildRunbookPlanBlocks(proposed.advisory.plan, undefined, incident.id, true),
      threadTs,
    );
    return undefined;
  }
  if (!proposed.ok) {
    await input.tell(buildErrorMessage(proposed.error.code, proposed.error.message));
    return undefined;
  }
  const { run, plan } = proposed.value;
  const entry = deps.board.get(incident.id);
  const threadTs = input.threadTs ?? (entry?.sync.ref.channel === input.channel ? entry.threadTs : undefined);
  const posted = await deps.chat.post(input.channel, buildRunbookPlanBlocks(plan, run), threadTs);
  if (!posted.ok) {
    await input.tell(
      buildErrorMessage(
        'CHAT_POST_FAILED',
        `Run ${run.id} was proposed but its plan could not be posted (${posted.error.code}).`,
        'Invite the app to this channel (/invite @Causeway) and propose the runbook again.',
      ),
    );
    return run.id;
  }
  await deps.runbook.audit.append({
    actor: `slack:${input.user}`,
    action: 'message.posted',
    subject: `run:${run.id}`,
    data: {
      incidentId: incident.id,
      runId: run.id,
      kind: 'runbook-plan',
      channel: posted.value.channel,
      ts: posted.value.ts,
      threadTs: threadTs ?? posted.value.ts,
    },
  });
  return run.id;
}
