import { contentHash } from '../../core/audit/content-hash.ts';
import type { JsonValue } from '../../core/audit/json-value.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Answer, AnswerQuery } from '../../core/llm/answer.ts';
import { type AnswerOutput, answerOutputSchema } from '../../core/llm/answer-output-schema.ts';
import { ANSWER_TOOL } from '../../core/llm/answer-tool.ts';
import { buildIncidentContext } from '../../core/llm/build-incident-context.ts';
import { callSignature } from '../../core/llm/call-signature.ts';
import type { ChatMessage, ToolCall } from '../../core/llm/chat-message.ts';
import { checkAgentBudget } from '../../core/llm/check-agent-budget.ts';
import { createRedactor } from '../../core/llm/create-redactor.ts';
import { describeStop } from '../../core/llm/describe-stop.ts';
import { estimateTokens } from '../../core/llm/estimate-tokens.ts';
import { fenceData } from '../../core/llm/fence-data.ts';
import { fitJson } from '../../core/llm/fit-json.ts';
import { FOLLOW_UP_TOOLS } from '../../core/llm/follow-up-tool-specs.ts';
import { groundCitations } from '../../core/llm/ground-citations.ts';
import { redactJson } from '../../core/llm/redact-json.ts';
import { renderPrompt } from '../../core/llm/render-prompt.ts';
import type { StopReason } from '../../core/llm/stop-reason.ts';
import type { Result } from '../../core/result/result.ts';
import { callModel } from './call-model.ts';
import type { FollowUpInput } from './follow-up-input.ts';
import type { FollowUpSources } from './follow-up-sources.ts';
import type { LlmDeps } from './llm-deps.ts';
import { type PreparedSources, prepareSources } from './prepare-sources.ts';
import { runFollowUpTool } from './run-follow-up-tool.ts';
import type { RunbookRef } from './runbook-ref.ts';

export type FollowUpDeps = LlmDeps & {
  readonly sources: FollowUpSources;
  readonly runbooks?: readonly RunbookRef[];
};

const TOOL_NAMES = new Set(FOLLOW_UP_TOOLS.map((t) => t.name));

/**
 * Answers a follow-up question with a bounded agent loop: the model may call only the read-only
 * tools (the triage's own connector queries) and must finish with the `answer` tool, whose
 * sentences are grounded like the narrative (evidence keys E…, query keys Q…). Bounded by tool
 * calls, model calls, tokens (per question and per incident) and wall-clock time; each tool result
 * is redacted, clipped and fenced as data; a repeated query is not re-run and a loop stops it;
 * a tool that does not exist runs nothing. A runbook id is only a pointer, checked against the
 * catalog. With no model configured it returns LLM_DISABLED without any request.
 */
export async function answerFollowUp(deps: FollowUpDeps, input: FollowUpInput): Promise<Result<Answer, CausewayError>> {
  const llm = deps.llm;
  if (!llm) return { ok: false, error: { code: 'LLM_DISABLED', message: 'no model is configured (llm.model)' } };
  const template = deps.prompts.get('follow-up');
  if (!template) return { ok: false, error: { code: 'PROMPT_INVALID', message: 'the follow-up prompt is not loaded' } };
  const s = deps.settings;
  const L = s.followUp;
  const redact = createRedactor(s.redaction);
  const ctx = buildIncidentContext(input.report, s.context, redact);
  const question = redactJson(
    {
      asker: input.asker ?? null,
      question: input.question.slice(0, 2000),
      earlierMessages: (input.thread ?? []).slice(-10).map((m) => ({ author: m.author, text: m.text.slice(0, 1000) })),
    },
    redact,
  );
  const catalog = redactJson(
    (deps.runbooks ?? []).slice(0, 50).map((r) => ({
      id: r.id,
      title: r.title,
      ...(r.description ? { description: r.description.slice(0, 300) } : {}),
    })),
    redact,
  );
  const prompt = renderPrompt(template, {
    alert: fenceData('alert', 'alert payload: labels and annotations', ctx.alert),
    hypotheses: fenceData('hypotheses', 'Causeway triage ranking', ctx.hypotheses),
    evidence: fenceData('evidence', 'logs, traces, changes, alerts', ctx.evidence),
    runbooks: fenceData('runbooks', 'runbook catalog', catalog),
    question: fenceData('question', 'Slack thread messages', question),
  });
  const promptRef = { id: prompt.promptId, version: prompt.promptVersion, hash: prompt.promptHash };
  const messages: ChatMessage[] = [
    { role: 'system', content: prompt.system },
    { role: 'user', content: prompt.user },
  ];
  const startedAt = deps.clock();
  const deadline = AbortSignal.timeout(L.wallClockMs);
  const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
  const usage = { toolCalls: 0, modelCalls: 0, tokens: 0, startedAt };
  let inputTokens = 0;
  let outputTokens = 0;
  let costUsd = 0;
  const queries: AnswerQuery[] = [];
  const citable = new Set<string>();
  const seen = new Map<string, { key: string | undefined; count: number }>();
  const refused: string[] = [];
  let stopped: StopReason | undefined;
  let mustAnswer = false;
  let forced = 0;
  let final: AnswerOutput | undefined;
  let preparing: Promise<PreparedSources> | undefined;
  const incident = input.report.windows.incident;
  const toolCtx = {
    sources: deps.sources,
    prepared: () => {
      preparing ??= prepareSources(deps.sources, signal);
      return preparing;
    },
    anchor: input.anchor ?? incident.to,
    defaultMs: Math.max(60_000, incident.to - incident.from),
    allow: new Set<string>(s.context.fields),
    remainingMs: () => L.wallClockMs - (deps.clock() - startedAt),
  };

  const handleTool = async (call: ToolCall): Promise<string> => {
    if (!TOOL_NAMES.has(call.name)) {
      const name = call.name.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 64);
      refused.push(name);
      usage.toolCalls++;
      return `No tool named "${name}" exists; nothing was run. The only tools are read-only queries (${[...TOOL_NAMES].join(', ')}) and answer. You cannot run, approve or change anything.`;
    }
    const over = checkAgentBudget(usage, L, deps.clock(), 'tool');
    if (over) {
      stopped ??= over;
      mustAnswer = true;
      return `Not run. ${describeStop(over, { maxToolCalls: L.maxToolCalls })} Call answer now with what you have.`;
    }
    usage.toolCalls++;
    const sig = callSignature(call.name, call.args);
    const before = seen.get(sig);
    if (before) {
      before.count++;
      if (before.count > L.maxRepeats) {
        stopped ??= 'loop';
        mustAnswer = true;
        return 'Not run: this exact query was asked for again (loop detected). Call answer now with what you have.';
      }
      return `Not run again: this exact query was already made${before.key ? ` (${before.key}, above)` : ''}. Do not repeat queries.`;
    }
    const run = await runFollowUpTool(toolCtx, call.name, call.args);
    const key = run.status === 'ok' || run.status === 'no-data' ? `Q${citable.size + 1}` : undefined;
    seen.set(sig, { key, count: 0 });
    if (key) citable.add(key);
    queries.push({
      id: key ?? `-${queries.length + 1}`,
      tool: call.name,
      args: run.args,
      status: run.status,
      summary: run.summary,
    });
    const value = fitJson(redactJson(run.value, redact), L.maxToolOutputChars);
    if (deps.audit) {
      await deps.audit.append({
        actor: 'llm',
        action: 'evidence.queried',
        subject: `incident:${input.incidentId}`,
        data: {
          incidentId: input.incidentId,
          tool: call.name,
          args: run.args as Record<string, JsonValue>,
          status: run.status,
          summary: run.summary,
          resultHash: contentHash(JSON.stringify(value)),
          askedBy: input.asker ?? null,
        },
      });
    }
    const label = key ?? `error-${queries.length}`;
    const head = key
      ? `Result ${key} of ${call.name} (cite it as ${key}), status ${run.status}:`
      : `The ${call.name} call failed (${run.status}); it cannot be cited:`;
    return `${head}\n${fenceData(label, `tool ${call.name}`, value).text}`;
  };

  while (!final) {
    const over = checkAgentBudget(usage, L, deps.clock(), 'model', estimateTokens(messages));
    if (over) {
      stopped ??= over;
      break;
    }
    if (mustAnswer && ++forced > 2) break;
    const snapshot = [...messages];
    const r = await callModel(
      { ...deps, llm },
      {
        incidentId: input.incidentId,
        purpose: 'follow-up',
        prompt: promptRef,
        messages: snapshot,
        extra: () => ({ step: usage.modelCalls, askedBy: input.asker ?? null }),
      },
      () =>
        llm.withTools({
          messages: snapshot,
          tools: [...FOLLOW_UP_TOOLS, ANSWER_TOOL],
          toolChoice: mustAnswer ? { name: ANSWER_TOOL.name } : 'auto',
          signal,
        }),
    );
    usage.modelCalls++;
    if (r.meta) {
      inputTokens += r.meta.inputTokens;
      outputTokens += r.meta.outputTokens;
      usage.tokens += r.meta.inputTokens + r.meta.outputTokens;
    }
    costUsd += r.costUsd;
    if (!r.ok) {
      if (r.error.code === 'LLM_TIMEOUT') stopped ??= 'time';
      else if (r.budget) stopped ??= r.budget;
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
      messages.push({ role: 'assistant', content: text, toolCalls });
      for (const c of toolCalls)
        messages.push({
          role: 'tool',
          toolCallId: c.id,
          name: c.name,
          content:
            c === answerCall
              ? `Not accepted: the answer does not match its schema (${p.error.issues
                  .slice(0, 2)
                  .map((i) => `${i.path.join('.')}: ${i.message}`)
                  .join('; ')}). Call answer again.`
              : 'Not run: call answer.',
        });
      mustAnswer = true;
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
      mustAnswer = true;
      continue;
    }
    messages.push({ role: 'assistant', content: text, toolCalls });
    for (const c of toolCalls) {
      const content = mustAnswer && forced > 0 ? 'Not run: call answer now.' : await handleTool(c);
      messages.push({ role: 'tool', toolCallId: c.id, name: c.name, content });
    }
  }

  const known = (k: string) => ctx.citations.evidence.has(k) || citable.has(k);
  const g = final ? groundCitations(final.sentences, known, 6) : { kept: [], dropped: [] };
  const sentences = g.kept.map((x) => ({
    text: x.text,
    evidenceIds: x.keys.filter((k) => k.startsWith('E')).map((k) => ctx.citations.evidence.get(k) as string),
    queryIds: x.keys.filter((k) => k.startsWith('Q')),
  }));
  const runbookId =
    final?.runbook && (deps.runbooks ?? []).some((rb) => rb.id === final.runbook) ? final.runbook : undefined;
  const limits = {
    maxToolCalls: L.maxToolCalls,
    maxModelCalls: L.maxModelCalls,
    maxTokens: L.maxTokens,
    seconds: L.wallClockMs / 1000,
  };
  const notice = stopped
    ? describeStop(stopped, limits)
    : !final
      ? 'The model gave no usable answer.'
      : sentences.length === 0
        ? "The model's answer cited nothing it was given, so it is not shown."
        : undefined;
  return {
    ok: true,
    value: {
      sentences,
      queries,
      runbookId,
      stopped,
      notice,
      dropped: g.dropped,
      refusedToolCalls: refused,
      model: llm.model,
      prompt: promptRef,
      usage: { inputTokens, outputTokens, costUsd, modelCalls: usage.modelCalls, toolCalls: usage.toolCalls },
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
