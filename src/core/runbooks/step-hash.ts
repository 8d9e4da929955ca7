import { canonicalJson } from '../audit/canonical-json.ts';
import { contentHash } from '../audit/content-hash.ts';
import type { JsonValue } from '../model/json-value.ts';
import type { RenderedStep } from './rendered-step.ts';

/**
 * The hash an approval binds to: everything that decides what the step does and who must agree
 * (runbook, step, role, executor, risk, approval rule, timeout, failure handling, the rendered
 * action) — not its index or how it is displayed.
 */
export function stepHash(
  runbookId: string,
  step: Omit<RenderedStep, 'hash' | 'index' | 'display'>,
  parentId: string | undefined,
): string {
  const value: JsonValue = {
    runbook: runbookId,
    step: step.id,
    role: step.role,
    parent: parentId ?? null,
    name: step.name,
    uses: step.uses,
    risk: step.risk,
    approval: step.approval ? { min: step.approval.min, from: [...step.approval.from] } : null,
    timeoutMs: step.timeoutMs,
    onFailure: step.onFailure,
    action: step.action,
  };
  return contentHash(canonicalJson(value));
}
