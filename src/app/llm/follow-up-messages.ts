import type { ChatMessage } from '../../core/llm/chat-message.ts';
import type { Redactor } from '../../core/llm/create-redactor.ts';
import { fenceData } from '../../core/llm/fence-data.ts';
import type { IncidentContext } from '../../core/llm/incident-context.ts';
import type { PromptTemplate } from '../../core/llm/prompt-template.ts';
import { redactJson } from '../../core/llm/redact-json.ts';
import { renderPrompt } from '../../core/llm/render-prompt.ts';
import type { FollowUpInput } from './follow-up-input.ts';
import type { RunbookRef } from './runbook-ref.ts';

/** The follow-up's first two messages: the prompt file's system part, and the user part with every slot fenced. */
export function followUpMessages(
  template: PromptTemplate,
  ctx: IncidentContext,
  input: FollowUpInput,
  runbooks: readonly RunbookRef[],
  redact: Redactor,
): { readonly messages: ChatMessage[]; readonly prompt: { id: string; version: number; hash: string } } {
  const question = redactJson(
    {
      asker: input.asker ?? null,
      question: input.question.slice(0, 2000),
      earlierMessages: (input.thread ?? []).slice(-10).map((m) => ({ author: m.author, text: m.text.slice(0, 1000) })),
    },
    redact,
  );
  const catalog = redactJson(
    runbooks.slice(0, 50).map((r) => ({
      id: r.id,
      title: r.title,
      ...(r.description ? { description: r.description.slice(0, 300) } : {}),
    })),
    redact,
  );
  const p = renderPrompt(template, {
    alert: fenceData('alert', 'alert payload: labels and annotations', ctx.alert),
    hypotheses: fenceData('hypotheses', 'Causeway triage ranking', ctx.hypotheses),
    evidence: fenceData('evidence', 'logs, traces, changes, alerts', ctx.evidence),
    runbooks: fenceData('runbooks', 'runbook catalog', catalog),
    question: fenceData('question', 'Slack thread messages', question),
  });
  return {
    messages: [
      { role: 'system', content: p.system },
      { role: 'user', content: p.user },
    ],
    prompt: { id: p.promptId, version: p.promptVersion, hash: p.promptHash },
  };
}
