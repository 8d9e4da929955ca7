import type { CliIo } from '../../adapters/cli/cli-command.ts';
import { demoAutonomyRunbookYaml } from '../../adapters/cli/runbooks/demo-runbook-yaml.ts';
import { formatRunbookProblem } from '../../adapters/runbooks/format-runbook-problem.ts';
import { parseRunbookFile } from '../../adapters/runbooks/parse-runbook-file.ts';
import { demonstrateEarnedAutonomy } from '../../app/autonomy/demonstrate-earned-autonomy.ts';
import type { RunbookDeps } from '../../app/runbooks/runbook-deps.ts';
import { DEFAULT_AUTONOMY_SETTINGS } from '../../core/autonomy/autonomy-settings.ts';
import { explainAutonomyDecision } from '../../core/autonomy/explain-decision.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { Storage } from '../../core/storage/storage.ts';
import { DEMO_USERS } from './build-runbook-demo-deps.ts';

const INCIDENTS = 10;

/**
 * The earned-autonomy path in a few lines, after the approval demo and on its storage and deploy
 * API: ten incidents people approve in shadow mode, then one that runs by itself after its stop
 * window and verifies, then a pause that sends the next back to supervised. 0 when it went so.
 */
export async function printAutonomyDemo(
  io: CliIo,
  o: {
    readonly storage: Storage;
    readonly deps: RunbookDeps;
    readonly port: number;
    readonly t: { readonly id: string; readonly report: TriageReport; readonly alert: Alert | undefined };
  },
): Promise<number> {
  const parsed = parseRunbookFile('demo-auto-rollback.yaml', demoAutonomyRunbookYaml(o.port), {
    executors: o.deps.executors.definitions,
    approverGroups: ['sre'],
    defaultFrom: ['sre'],
    highRiskMin: 2,
    defaultTimeoutMs: 30_000,
    maxTimeoutMs: 600_000,
    maxParamLength: 256,
  });
  if (!parsed.ok) {
    io.stderr(`causeway demo: RUNBOOK_INVALID: ${parsed.error.map(formatRunbookProblem).join('; ')}\n`);
    return 1;
  }
  // The demo's own clock: it skips the stop window and the hours between incidents instead of waiting.
  let skew = 0;
  const now = () => o.deps.now() + skew;
  const rb = parsed.value.runbook;
  io.stdout(`\n${'─'.repeat(78)}\nEarned autonomy — ${rb.title} (docs/autonomy.md)\n`);
  const ok = await demonstrateEarnedAutonomy(
    {
      ...o.deps,
      catalog: new Map([[rb.id, rb]]),
      now,
      autonomy: o.storage.autonomy,
      feedback: o.storage.feedback,
      incidents: o.storage.incidents,
      pager: undefined,
      settings: DEFAULT_AUTONOMY_SETTINGS,
    },
    {
      id: o.t.id,
      report: o.t.report,
      ...(o.t.alert ? { alert: o.t.alert } : {}),
      requester: DEMO_USERS.requester,
      approver: DEMO_USERS.approvers[0],
      incidents: INCIDENTS,
      skip: (ms) => {
        skew += ms;
      },
      onEvent: (e) => {
        switch (e.kind) {
          case 'shadow':
            io.stdout(
              `  Shadow: ${e.incidents} incidents approved and run by people; agreement ${Math.round((e.standing?.track.agreement ?? 0) * 100)}% → ${e.standing?.eligible ? 'eligible' : `not eligible (${e.standing?.whyNot.join('; ')})`}\n`,
            );
            break;
          case 'countdown':
            io.stdout(
              `  Incident ${INCIDENTS + 1}: "Running ${e.step} in ${e.seconds} s — [Stop]" (nobody stops it)\n`,
            );
            break;
          case 'ran':
            io.stdout(
              e.outcome.outcome === 'ran'
                ? `  ${e.outcome.resolved ? '✓ ran by itself, verified: resolved without paging anyone' : '✗ did not resolve: rolled back, demoted, paged'} (${e.outcome.executed.map((x) => `${x.step.id} ${x.status}`).join(', ')})\n`
                : `  ✗ ${e.outcome.outcome}\n`,
            );
            break;
          case 'explained':
            if (e.record)
              io.stdout(`  audit #${e.record.seq} autonomy.decided: ${explainAutonomyDecision(e.record.data)}\n`);
            break;
          case 'paused':
            io.stdout(
              `  /causeway pause all → incident ${INCIDENTS + 2} waits for approval (${e.decision?.gates
                .filter((g) => !g.passed)
                .map((g) => `${g.name}: ${g.value}`)
                .join('; ')})\n`,
            );
            break;
        }
      },
    },
  );
  return ok ? 0 : 1;
}
