import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import type { RunView } from '../../core/runbooks/run-view.ts';
import { tallyApprovals } from '../../core/runbooks/tally-approvals.ts';
import type { LoadedRun } from './decode-run.ts';
import { loadRun } from './load-run.ts';
import type { RunbookDeps } from './runbook-deps.ts';

/**
 * A run, its plan and its approvals so far: what the plan and approval cards are built from. With
 * `known` (the run as the caller last wrote or read it), the run is not read again.
 */
export async function loadRunView(
  deps: Pick<RunbookDeps, 'runs' | 'policy'>,
  runId: string,
  known?: LoadedRun,
): Promise<Result<RunView, CausewayError>> {
  const loaded = await loadRun(deps.runs, runId, undefined, known);
  if (!loaded.ok) return loaded;
  const { run, plan } = loaded.value;
  const approvals = new Map<number, RunView['approvals'] extends ReadonlyMap<number, infer V> ? V : never>();
  const groups: Record<string, readonly string[]> = {};
  for (const s of plan.steps) {
    if (!s.approval) continue;
    for (const g of s.approval.from) groups[g] = deps.policy.groups[g] ?? [];
    const request = await deps.runs.approval(run.id, s.index);
    if (!request) continue;
    const tally = tallyApprovals(await deps.runs.decisions(run.id, s.index), request.stepHash, request.required);
    approvals.set(s.index, { request, tally });
  }
  return { ok: true, value: { run, plan, approvals, approverGroups: groups } };
}
