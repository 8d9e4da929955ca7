import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Answer } from '../../core/llm/answer.ts';
import { type AnswerOutput, answerOutputSchema } from '../../core/llm/answer-output-schema.ts';
import { ANSWER_TOOL } from '../../core/llm/answer-tool.ts';
import { buildIncidentContext } from '../../core/llm/build-incident-context.ts';
import type { ChatMessage } from '../../core/llm/chat-message.ts';
import { checkAgentBudget } from '../../core/llm/check-agent-budget.ts';
import { createRedactor } from '../../core/llm/create-redactor.ts';
import { describeStop } from '../../core/llm/describe-stop.ts';
import { estimateTokens } from '../../core/llm/estimate-tokens.ts';
import { FOLLOW_UP_TOOLS } from '../../core/llm/follow-up-tool-specs.ts';
import { groundAnswer } from '../../core/llm/ground-answer.ts';
import type { Result } from '../../core/result/result.ts';
import { callModel } from './call-model.ts';
import { createToolHandler } from './create-tool-handler.ts';
import type { FollowUpInput } from './follow-up-input.ts';
import { followUpMessages } from './follow-up-messages.ts';
import type { FollowUpSources } from './follow-up-sources.ts';
import type { LlmDeps } from './llm-deps.ts';
import type { LoopState } from './loop-state.ts';
import { type PreparedSources, prepareSources } from './prepare-sources.ts';
import type { RunbookRef } from './runbook-ref.ts';

export type FollowUpDeps = LlmDeps & {
  readonly sources: FollowUpSources;
  readonly runbooks?: readonly RunbookRef[];
};

const NO_MODEL = 'no model is configured: set llm.model in the configuration file or CAUSEWAY_LLM_MODEL';

/**
 * Answers a follow-up question with a bounded agent loop: the model may call only the read-only
 * tools (the triage's own connector queries) and must finish with the `answer` tool, whose
 * sentences are grounded like the narrative (evidence keys E…, query keys Q…). Bounded by tool
 * calls, model calls, tokens (per question and per incident) and wall-clock time; tool results
 * are redacted, clipped and fenced as data; repeated queries are not re-run and a loop stops it;
 * a tool that does not exist runs nothing; a runbook id is only a pointer checked against the
 * catalog. A stop is reported in `stopped` and `notice`. With no model configured it returns
 * LLM_DISABLED without any request; other failures are values too.
 */
export async function answerFollowUp(deps: FollowUpDeps, input: FollowUpInput): Promise<Result<Answer, CausewayError>> {
  const llm = deps.llm;
  if (!llm) return { ok: false, error: { code: 'LLM_DISABLED', message: NO_MODEL } };
  const template = deps.prompts.get('follow-up');
  if (!template) return { ok: false, error: { code: 'PROMPT_INVALID', message: 'the follow-up prompt is not loaded' } };
  const s = deps.settings;
  const L = s.followUp;
  const redact = createRedactor(s.redaction);
  const ctx = buildIncidentContext(input.report, s.context, redact);
  const runbooks = deps.runbooks ?? [];
  const { messages, prompt } = followUpMessages(template, ctx, input, runbooks, redact);
  const startedAt = deps.clock();
  const deadline = AbortSignal.timeout(L.wallClockMs);
  const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
  const state: LoopState = {
    usage: { toolCalls: 0, modelCalls: 0, tokens: 0, startedAt },
    stopped: undefined,
    mustAnswer: false,
  };
  let preparing: Promise<PreparedSources> | undefined;
  const incident = input.report.windows.incident;
  const tools = createToolHandler({
    state,
    limits: L,
    clock: deps.clock,
    redact,
    audit: deps.audit,
    incidentId: input.incidentId,
    asker: input.asker,
    ctx: {
      sources: deps.sources,
      prepared: () => {
        preparing ??= prepareSources(deps.sources, signal);
        return preparing;
      },
      anchor: input.anchor ?? incident.to,
      defaultMs: Math.max(60_000, incident.to - incident.from),
      allow: new Set<string>(s.context.fields),
      remainingMs: () => L.wallClockMs - (deps.clock() - startedAt),
    },
  });
  const spent = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
  let forced = 0;
  let final: AnswerOutput | undefined;

  while (!final) {
    const over = checkAgentBudget(state.usage, L, deps.clock(), 'model', estimateTokens(messages));
    if (over) {
      state.stopped ??= over;
      break;
    }
    if (state.mustAnswer && ++forced > 2) break;
    const snapshot: readonly ChatMessage[] = [...messages];
    const r = await callModel(
      { ...deps, llm },
      {
        incidentId: input.incidentId,
        purpose: 'follow-up',
        prompt,
        messages: snapshot,
        extra: () => ({ step: state.usage.modelCalls, askedBy: input.asker ?? null }),
      },
      () =>
        llm.withTools({
          messages: snapshot,
          tools: [...FOLLOW_UP_TOOLS, ANSWER_TOOL],
          toolChoice: state.mustAnswer ? { name: ANSWER_TOOL.name } : 'auto',
          signal,
        }),
    );
    state.usage.modelCalls++;
    spent.inputTokens += r.meta?.inputTokens ?? 0;
    spent.outputTokens += r.meta?.outputTokens ?? 0;
    state.usage.tokens += (r.meta?.inputTokens ?? 0) + (r.meta?.outputTokens ?? 0);
    spent.costUsd += r.costUsd;
    if (!r.ok) {
      if (r.error.code === 'LLM_TIMEOUT') state.stopped ??= 'time';
      else if (r.budget) state.stopped ??= r.budget;
      else return { ok: false, error: r.error };
      break;
    }
    const { text, toolCalls } = r.value;
    const answerCall = toolCalls.find((c) => c.name === ANSWER_TOOL.name);
    if (answerCall) {
      const p = answerOutputSchema.safeParse(answerCall.args);
      if (p.success) {
        final = p.data;
        break;
      }
      const why = p.error.issues
        .slice(0, 2)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ');
      messages.push({ role: 'assistant', content: text, toolCalls });
      for (const c of toolCalls)
        messages.push({
          role: 'tool',
          toolCallId: c.id,
          name: c.name,
          content:
            c === answerCall
              ? `Not accepted: the answer does not match its schema (${why}). Call answer again.`
              : 'Not run: call answer.',
        });
      state.mustAnswer = true;
      continue;
    }
    if (toolCalls.length === 0) {
      const p = answerOutputSchema.safeParse(parseJson(text));
      if (p.success) {
        final = p.data;
        break;
      }
      messages.push({ role: 'assistant', content: text, toolCalls: [] });
      messages.push({
        role: 'user',
        content: 'Reply by calling the answer tool: short sentences, each with a cite list of E… or Q… keys.',
      });
      state.mustAnswer = true;
      continue;
    }
    messages.push({ role: 'assistant', content: text, toolCalls });
    for (const c of toolCalls) {
      const content = state.mustAnswer && forced > 0 ? 'Not run: call answer now.' : await tools.handle(c);
      messages.push({ role: 'tool', toolCallId: c.id, name: c.name, content });
    }
  }

  const g = groundAnswer(
    final,
    ctx.citations,
    tools.citable,
    runbooks.map((r) => r.id),
  );
  const limits = {
    maxToolCalls: L.maxToolCalls,
    maxModelCalls: L.maxModelCalls,
    maxTokens: L.maxTokens,
    seconds: L.wallClockMs / 1000,
  };
  const notice = state.stopped
    ? describeStop(state.stopped, limits)
    : !final
      ? 'The model gave no usable answer.'
      : g.sentences.length === 0
        ? "The model's answer cited nothing it was given, so it is not shown."
        : undefined;
  return {
    ok: true,
    value: {
      ...g,
      queries: tools.queries,
      stopped: state.stopped,
      notice,
      refusedToolCalls: tools.refused,
      model: llm.model,
      prompt,
      usage: { ...spent, modelCalls: state.usage.modelCalls, toolCalls: state.usage.toolCalls },
    },
  };
}

function parseJson(text: string): unknown {
  const t = text.trim().replace(/^```(?:json)?\s*|\s*```$/gi, '');
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}
