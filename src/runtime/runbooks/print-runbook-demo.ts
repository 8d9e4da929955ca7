import type { CliIo } from '../../adapters/cli/cli-command.ts';
import { formatPlanText } from '../../adapters/cli/runbooks/format-plan-text.ts';
import { openStorage } from '../../adapters/storage/open-storage.ts';
import { demonstrateApprovedRunbook } from '../../app/runbooks/demonstrate-approved-runbook.ts';
import { plural } from '../../core/formats/plural.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { buildRunbookDemoDeps, DEMO_USERS } from './build-runbook-demo-deps.ts';
import { printDemoPostmortem, recordDemoIncident } from './demo-postmortem.ts';
import { printAutonomyDemo } from './print-autonomy-demo.ts';

/**
 * The approval flow end to end on a triaged incident, printed: against a deploy API on 127.0.0.1
 * and an in-memory database — the plan, the requester refused, two approvers, the approved step
 * and its verification run, the run's end, and the audit chain verified. Exit code 0 when the run
 * succeeded and the chain verifies.
 */
export async function printRunbookDemo(
  io: CliIo,
  now: () => number,
  t: { readonly id: string; readonly report: TriageReport; readonly alert: Alert | undefined },
): Promise<number> {
  const fail = (message: string, code: number) => {
    io.stderr(`causeway runbooks demo: ${message}\n`);
    return code;
  };
  const opened = await openStorage('sqlite::memory:', {
    clock: now,
    audit: { checkpointKey: 'demo-checkpoint-key-0123456789abcdef' },
  });
  if (!opened.ok) return fail(`${opened.error.code}: ${opened.error.message}`, 3);
  const built = await buildRunbookDemoDeps(opened.value, now);
  if (!built.ok) {
    await opened.value.close();
    return fail(`${built.error.code}: ${built.error.message}`, 1);
  }
  const rule = '─'.repeat(78);
  try {
    await recordDemoIncident(opened.value, now, t);
    const top = t.report.hypotheses[0];
    io.stdout(
      `${rule}\nRunbook demo — ${t.id}: ${top ? `leading hypothesis ${top.service} (${top.kind}${top.changeId ? `, ${top.changeId}` : ''})` : 'no hypothesis'}\n`,
    );
    io.stdout(`A local deploy API on 127.0.0.1:${built.value.api.port} stands in for your deploy tooling.\n${rule}\n`);
    const r = await demonstrateApprovedRunbook(built.value.deps, {
      incidentId: t.id,
      report: t.report,
      ...(t.alert ? { alert: t.alert } : {}),
      requester: DEMO_USERS.requester,
      approvers: DEMO_USERS.approvers,
      checkpointKey: 'demo-checkpoint-key-0123456789abcdef',
      onEvent: (e) => {
        switch (e.kind) {
          case 'proposed':
            io.stdout(
              `\n${formatPlanText(e.plan, built.value.deps.policy.groups, false)}\nProposed by ${DEMO_USERS.requester} as run ${e.run.id}.\n`,
            );
            break;
          case 'approval-requested':
            io.stdout(
              `\nApproval requested for step${e.steps.length > 1 ? 's' : ''} ${e.steps.map((s) => s + 1).join(', ')} (expires in 30 min).\n`,
            );
            break;
          case 'decision':
            io.stdout(
              e.outcome.outcome === 'recorded'
                ? `  ${e.user} approves step ${e.step + 1}: recorded — ${e.outcome.tally.approvers.length} of ${e.outcome.tally.required}${e.outcome.state === 'granted' ? ', granted' : ''}\n`
                : `  ${e.user} approves step ${e.step + 1}: REFUSED (${e.outcome.code}: ${e.outcome.message})\n`,
            );
            break;
          case 'step':
            io.stdout(
              `\n  ${e.result.status === 'succeeded' ? '✓' : '✗'} ${e.result.step.index + 1}. ${e.result.step.name}: ${e.result.summary}\n${e.result.excerpt
                .split('\n')
                .map((l) => `      ${l}`)
                .join('\n')}\n`,
            );
            break;
          case 'finished':
            io.stdout(`\nRun ${e.run.id}: ${e.run.status}\n`);
            break;
          case 'audit':
            io.stdout(
              e.verification.ok
                ? `Audit chain intact: ${plural(e.verification.records, 'record')} verified, ${plural(e.verification.checkpointsVerified, 'signed checkpoint')}.\n`
                : `AUDIT_CHAIN_BROKEN: ${e.verification.broken?.message}\n`,
            );
            break;
        }
      },
    });
    if (!r.ok) return fail(`${r.error.code}: ${r.error.message}`, 1);
    const trail = await opened.value.audit.query({ incidentId: t.id });
    io.stdout(
      `\nAudit trail of ${t.id}:\n${trail.map((x) => `  #${x.seq} ${x.actor.padEnd(18)} ${x.action}`).join('\n')}\n`,
    );
    if (r.value.run.status !== 'succeeded' || !r.value.audit.ok) return 1;
    await printDemoPostmortem(io, opened.value, now, t.id, 'var/demo-postmortem.md');
    // Earned autonomy, in a few lines, on the same storage and deploy API.
    return await printAutonomyDemo(io, {
      storage: opened.value,
      deps: built.value.deps,
      port: built.value.api.port,
      t,
    });
  } finally {
    await built.value.close();
    await opened.value.close();
  }
}
