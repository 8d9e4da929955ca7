import type { CausewayError } from '../../core/errors/causeway-error.ts';
import { buildIncidentContext } from '../../core/llm/build-incident-context.ts';
import type { ChatMessage } from '../../core/llm/chat-message.ts';
import { createRedactor } from '../../core/llm/create-redactor.ts';
import { fenceData } from '../../core/llm/fence-data.ts';
import { groundNarrative } from '../../core/llm/ground-narrative.ts';
import type { Narrative } from '../../core/llm/narrative.ts';
import { narrativeOutputSchema } from '../../core/llm/narrative-output-schema.ts';
import { renderPrompt } from '../../core/llm/render-prompt.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { Result } from '../../core/result/result.ts';
import { callModel } from './call-model.ts';
import type { LlmDeps } from './llm-deps.ts';

/**
 * The grounded narrative of a triage: the model explains the ranked hypotheses it is given,
 * citing evidence by key; uncited sentences and made-up keys are dropped, and a "most likely
 * cause" that is not the top hypothesis becomes a labelled suggestion. The report is never
 * changed. With no model configured it returns LLM_DISABLED without any request; every failure
 * (timeout, rate limit, invalid output, budget) is a value, and the caller posts the deterministic
 * result regardless.
 */
export async function narrate(
  deps: LlmDeps,
  input: { readonly incidentId: string; readonly report: TriageReport; readonly signal?: AbortSignal },
): Promise<Result<Narrative, CausewayError>> {
  const llm = deps.llm;
  if (!llm)
    return fail(
      'LLM_DISABLED',
      'no model is configured (set llm.model or CAUSEWAY_LLM_MODEL), so no narrative is written',
    );
  const template = deps.prompts.get('narrate');
  if (!template) return fail('PROMPT_INVALID', 'the narrate prompt is not loaded');
  const s = deps.settings;
  const ctx = buildIncidentContext(input.report, s.context, createRedactor(s.redaction));
  if (ctx.citations.evidence.size === 0)
    return fail('LLM_UNGROUNDED', 'the triage has no evidence to cite, so no narrative is written');
  const prompt = renderPrompt(template, {
    alert: fenceData('alert', 'alert payload: labels and annotations', ctx.alert),
    hypotheses: fenceData('hypotheses', 'Causeway triage ranking', ctx.hypotheses),
    evidence: fenceData('evidence', 'logs, traces, changes, alerts', ctx.evidence),
  });
  const messages: ChatMessage[] = [
    { role: 'system', content: prompt.system },
    { role: 'user', content: prompt.user },
  ];
  const deadline = AbortSignal.timeout(s.narrateTimeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
  const promptRef = { id: prompt.promptId, version: prompt.promptVersion, hash: prompt.promptHash };
  const r = await callModel(
    { ...deps, llm },
    {
      incidentId: input.incidentId,
      purpose: 'narrate',
      prompt: promptRef,
      messages,
      extra: (v) => {
        if (!v) return {};
        const g = groundNarrative(v, ctx.citations, s.narrative);
        return {
          sentencesKept: g.sentences.length,
          suggestionsKept: g.alsoSuggests.length,
          sentencesDropped: g.dropped.length,
        };
      },
    },
    () =>
      llm.structured({
        messages,
        schema: narrativeOutputSchema,
        name: 'narrative',
        description: 'A short incident narrative; every sentence cites evidence keys.',
        signal,
      }),
  );
  if (!r.ok) return { ok: false, error: r.error };
  const g = groundNarrative(r.value, ctx.citations, s.narrative);
  if (g.sentences.length === 0)
    return fail(
      'LLM_UNGROUNDED',
      `none of the model's ${r.value.sentences.length} sentence(s) cited evidence it was given; nothing is shown`,
    );
  return {
    ok: true,
    value: {
      ...g,
      model: r.meta.model,
      prompt: promptRef,
      usage: { inputTokens: r.meta.inputTokens, outputTokens: r.meta.outputTokens, costUsd: r.costUsd },
    },
  };
}

function fail(code: CausewayError['code'], message: string): Result<never, CausewayError> {
  return { ok: false, error: { code, message } };
}
