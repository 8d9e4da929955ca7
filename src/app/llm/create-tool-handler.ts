import { contentHash } from '../../core/audit/content-hash.ts';
import type { AgentLimits } from '../../core/llm/agent-limits.ts';
import type { AnswerQuery } from '../../core/llm/answer.ts';
import { callSignature } from '../../core/llm/call-signature.ts';
import type { ToolCall } from '../../core/llm/chat-message.ts';
import { checkAgentBudget } from '../../core/llm/check-agent-budget.ts';
import type { Redactor } from '../../core/llm/create-redactor.ts';
import { describeStop } from '../../core/llm/describe-stop.ts';
import { fenceData } from '../../core/llm/fence-data.ts';
import { fitJson } from '../../core/llm/fit-json.ts';
import { FOLLOW_UP_TOOLS } from '../../core/llm/follow-up-tool-specs.ts';
import { redactJson } from '../../core/llm/redact-json.ts';
import type { JsonValue } from '../../core/model/json-value.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { LoopState } from './loop-state.ts';
import { runFollowUpTool, type ToolContext } from './run-follow-up-tool.ts';

const TOOL_NAMES = new Set(FOLLOW_UP_TOOLS.map((t) => t.name));

export type ToolHandler = {
  /** Answers one tool call with the text the model sees next (a fenced result, or why nothing ran). */
  handle(call: ToolCall): Promise<string>;
  readonly queries: readonly AnswerQuery[];
  /** Keys of results the model may cite (`Q1` …; failed and invalid calls get none). */
  readonly citable: ReadonlySet<string>;
  readonly refused: readonly string[];
};

/**
 * The follow-up loop's tool desk: unknown tools run nothing; over the tool budget nothing runs and
 * an answer is demanded; a repeated call is not re-run, and asked for again it stops the loop;
 * otherwise the read-only tool runs, its result is redacted, clipped, audited as
 * `evidence.queried` and fenced as data under a citable key.
 */
export function createToolHandler(o: {
  readonly state: LoopState;
  readonly limits: AgentLimits;
  readonly clock: () => number;
  readonly ctx: ToolContext;
  readonly redact: Redactor;
  readonly audit: Pick<AuditLog, 'append'> | undefined;
  readonly incidentId: string;
  readonly asker: string | undefined;
}): ToolHandler {
  const { state, limits: L } = o;
  const queries: AnswerQuery[] = [];
  const citable = new Set<string>();
  const refused: string[] = [];
  const seen = new Map<string, { key: string | undefined; count: number }>();
  const demand = (reason: LoopState['stopped']) => {
    state.stopped ??= reason;
    state.mustAnswer = true;
  };

  const handle = async (call: ToolCall): Promise<string> => {
    if (!TOOL_NAMES.has(call.name)) {
      const name = call.name.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 64);
      refused.push(name);
      state.usage.toolCalls++;
      return `No tool named "${name}" exists; nothing was run. The only tools are read-only queries (${[...TOOL_NAMES].join(', ')}) and answer. You cannot run, approve or change anything.`;
    }
    const over = checkAgentBudget(state.usage, L, o.clock(), 'tool');
    if (over) {
      demand(over);
      return `Not run. ${describeStop(over, { maxToolCalls: L.maxToolCalls })} Call answer now with what you have.`;
    }
    state.usage.toolCalls++;
    const sig = callSignature(call.name, call.args);
    const before = seen.get(sig);
    if (before) {
      before.count++;
      if (before.count > L.maxRepeats) {
        demand('loop');
        return 'Not run: this exact query was asked for again (loop detected). Call answer now with what you have.';
      }
      return `Not run again: this exact query was already made${before.key ? ` (${before.key}, above)` : ''}. Do not repeat queries.`;
    }
    const run = await runFollowUpTool(o.ctx, call.name, call.args);
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
    const value = fitJson(redactJson(run.value, o.redact), L.maxToolOutputChars);
    await o.audit?.append({
      actor: 'llm',
      action: 'evidence.queried',
      subject: `incident:${o.incidentId}`,
      data: {
        incidentId: o.incidentId,
        tool: call.name,
        args: run.args as Record<string, JsonValue>,
        status: run.status,
        summary: run.summary,
        resultHash: contentHash(JSON.stringify(value)),
        askedBy: o.asker ?? null,
      },
    });
    const head = key
      ? `Result ${key} of ${call.name} (cite it as ${key}), status ${run.status}:`
      : `The ${call.name} call failed (${run.status}); it cannot be cited:`;
    return `${head}\n${fenceData(key ?? `error-${queries.length}`, `tool ${call.name}`, value).text}`;
  };
  return { handle, queries, citable, refused };
}
