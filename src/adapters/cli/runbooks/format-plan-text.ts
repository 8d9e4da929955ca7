import type { RunPlan } from '../../../core/runbooks/run-plan.ts';

/** A plan for the terminal: parameters with their sources, every step exactly as it would run, and what would happen. */
export function formatPlanText(
  plan: RunPlan,
  groups: Readonly<Record<string, readonly string[]>>,
  dryRun: boolean,
): string {
  const out: string[] = [`Plan: ${plan.title} (${plan.runbookId})${dryRun ? ' — dry run: nothing ran' : ''}`, ''];
  const params = Object.entries(plan.params);
  if (params.length > 0) {
    out.push('Parameters:');
    const w = Math.max(...params.map(([k]) => k.length));
    for (const [k, v] of params) out.push(`  ${k.padEnd(w)} = ${String(v)}   (${plan.paramSources[k] ?? ''})`);
    out.push('');
  }
  out.push('Steps:');
  for (const s of plan.steps) {
    const role =
      s.role === 'verify'
        ? ` (verifies step ${(s.parent ?? 0) + 1})`
        : s.role === 'rollback'
          ? ` (rollback of step ${(s.parent ?? 0) + 1}, only if it fails)`
          : '';
    const who = s.approval
      ? `needs ${s.approval.min} approval${s.approval.min > 1 ? 's' : ''} from ${s.approval.from
          .map((g) => `${g} (${(groups[g] ?? []).join(', ') || 'no members'})`)
          .join(', ')}`
      : 'no approval needed';
    out.push(`  ${s.index + 1}. [${s.risk}] ${s.name}${role} — ${who}`);
    for (const line of s.display) out.push(`       ${line}`);
    out.push(`       ${s.uses} · timeout ${Math.round(s.timeoutMs / 1000)}s · on failure: ${s.onFailure} · ${s.hash}`);
  }
  const free = plan.steps.filter((s) => !s.approval && s.role === 'main').map((s) => s.index + 1);
  const gated = plan.steps.filter((s) => s.approval).map((s) => s.index + 1);
  out.push('');
  out.push(
    `What would happen: ${gated.length > 0 ? `approval is requested for step${gated.length > 1 ? 's' : ''} ${gated.join(', ')} (the requester cannot approve; each approval is bound to the step's hash)` : 'nothing needs approval'}; steps run in order${free.length > 0 ? ` (${free.join(', ')} without approval)` : ''}, each verified where a verify step is given, stopping at the first step still waiting for approval.`,
  );
  return `${out.join('\n')}\n`;
}
