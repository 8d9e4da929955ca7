import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { CliCommand, CliIo } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { formatPlanText } from '../../adapters/cli/runbooks/format-plan-text.ts';
import { createExecutorRegistry } from '../../adapters/executors/create-executor-registry.ts';
import { openBundle } from '../../adapters/files/open-bundle.ts';
import { formatRunbookProblem } from '../../adapters/runbooks/format-runbook-problem.ts';
import { loadCatalogForCli } from '../../adapters/runbooks/load-catalog-for-cli.ts';
import { investigateCase } from '../../app/investigate-case.ts';
import { investigateOptionsFromConfig } from '../../app/investigate-options-from-config.ts';
import { proposeRun } from '../../app/runbooks/propose-run.ts';
import type { AuditActor } from '../../core/audit/audit-actor.ts';
import type { Config } from '../../core/config/config-schema.ts';
import { executorSettingsFromConfig } from '../../core/config/executor-settings-from-config.ts';
import { runbookPolicyConfigured } from '../../core/config/runbook-policy-configured.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { executorDefinitions } from '../../core/runbooks/executor-definitions.ts';
import { matchRunbooks } from '../../core/runbooks/match-runbooks.ts';
import { planRunbook } from '../../core/runbooks/plan-runbook.ts';
import { printRunbookDemo } from '../runbooks/print-runbook-demo.ts';
import type { Runtime } from '../runtime.ts';

const USAGE = `usage: causeway runbooks validate [DIR]
       causeway runbooks list [--dir DIR] [--bundle DIR]
       causeway runbooks plan <id> [key=value …] [--dry-run] [--bundle DIR] [--incident ID] [--db URL] [--json] [--dir DIR]
       causeway runbooks demo [--bundle DIR]

Runbooks are YAML files (runbooks/README.md) validated against the configuration (runbooks.*):
executors, templates, allowlists and approver groups.

  validate   check every runbook file of DIR (default: runbooks.dir, else ./runbooks); every
             problem is printed as file:line: field: message. Exit code 0 valid, 2 invalid.
  list       the runbooks, what they match and their steps' risks; with --bundle, the ones
             that fit that incident's triage, best first
  plan       render a runbook's steps exactly as they would run (parameters resolved, argv,
             URLs, hashes). --dry-run executes and stores nothing and says what would happen;
             without it the run is proposed (stored and audited, nothing runs): approve it in Slack.
             --bundle DIR fills parameters from that incident's alert and hypotheses.
  demo       the approval flow end to end on a shipped example incident, against a local demo
             deploy API: plan, two-person approval, execution, verification, audit chain check

  --dir DIR       the runbook folder (default: runbooks.dir, else ./runbooks)
  --bundle DIR    an incident bundle to triage first (its alert and hypotheses fill parameters)
  --incident ID   the incident the run belongs to (default: the bundle's id, else "cli")
  --db URL        the database (default: storage.url)
  --json          plan: print the plan as JSON
  -h, --help      print this help
`;

const NOT_CHECKED =
  'the allowlists and approver groups were not checked: runbooks.* sets none (check them with causeway --config FILE runbooks validate)';

type Triage = { readonly id: string; readonly report: TriageReport; readonly alert: Alert | undefined };

async function triageBundle(config: Readonly<Config>, dir: string): Promise<Triage | string> {
  const opened = await openBundle(dir, config.triage.serviceLabels, config.sources.maxLineBytes);
  if (!opened.ok) return `${opened.error.code}: ${opened.error.message}`;
  const b = opened.value;
  const report = await investigateCase(b, { options: investigateOptionsFromConfig(config) });
  return { id: b.id, report, alert: b.alerts[0] };
}

/** `causeway runbooks validate|list|plan|demo`. */
export function buildRunbooksCommand(
  runtime: Runtime,
  exampleBundle: string,
  /** Who proposes a run from this terminal (cliActor of the OS user). */
  operator: AuditActor,
): CliCommand {
  const { config, now } = runtime;
  return {
    name: 'runbooks',
    summary: COMMAND_SUMMARIES.runbooks,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(
        argv,
        {
          dir: { type: 'string' },
          bundle: { type: 'string' },
          incident: { type: 'string' },
          db: { type: 'string' },
          'dry-run': { type: 'boolean' },
          json: { type: 'boolean' },
        },
        true,
      );
      if (!args.ok) return fail(io, `USAGE: ${args.error} (see --help)`, 2);
      const { values, positionals } = args.value;
      if (values.help) {
        io.stdout(USAGE);
        return 0;
      }
      const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
      const [sub, ...rest] = positionals;
      switch (sub) {
        case 'validate': {
          if (rest.length > 1) return fail(io, `USAGE: unexpected argument "${rest[1]}"`, 2);
          // Without any allowlist or approver group configured, only the runbooks' own structure can be checked.
          const structureOnly = !runbookPolicyConfigured(config);
          const loaded = await loadCatalogForCli(config, io.cwd, rest[0] ?? str('dir'), structureOnly);
          if (!loaded.ok) {
            for (const p of loaded.error) io.stderr(`${formatRunbookProblem(p)}\n`);
            return fail(io, `RUNBOOK_INVALID: ${loaded.error.length} problem${loaded.error.length > 1 ? 's' : ''}`, 2);
          }
          const ids = [...loaded.value.catalog.keys()];
          io.stdout(
            `ok: ${ids.length} runbook${ids.length === 1 ? '' : 's'} valid in ${loaded.value.dir}${ids.length ? ` (${ids.join(', ')})` : ''}\n`,
          );
          if (structureOnly) io.stderr(`causeway runbooks: note: ${NOT_CHECKED}\n`);
          return 0;
        }
        case 'list': {
          const loaded = await loadCatalogForCli(config, io.cwd, str('dir'), true);
          if (!loaded.ok) return invalid(io, loaded.error);
          const bundle = str('bundle');
          if (bundle) {
            const t = await triageBundle(config, resolve(io.cwd, bundle));
            if (typeof t === 'string') return fail(io, t, 1);
            const offers = matchRunbooks(loaded.value.catalog, t.report, t.alert);
            if (offers.length === 0) io.stdout(`no runbook fits ${t.id}\n`);
            for (const o of offers) io.stdout(`${o.runbook.id.padEnd(24)} ${o.runbook.title} — fits ${o.why}\n`);
            return 0;
          }
          for (const r of loaded.value.catalog.values()) {
            const m = r.match;
            const when = m
              ? [
                  m.kinds.length ? `kinds ${m.kinds.join('/')}` : '',
                  m.services.length ? `services ${m.services.join('/')}` : '',
                  m.alerts.length ? `alerts ${m.alerts.join('/')}` : '',
                ]
                  .filter(Boolean)
                  .join(', ') || 'any incident'
              : 'by name only';
            const risks = [...new Set(r.steps.map((s) => s.risk))].join('/');
            io.stdout(
              `${r.id.padEnd(24)} ${r.title} — ${r.steps.length} step${r.steps.length > 1 ? 's' : ''} (${risks}); offered for ${when}\n`,
            );
          }
          return 0;
        }
        case 'plan':
          return plan(runtime, io, rest, str, values['dry-run'] === true, values.json === true, operator);
        case 'demo':
          return demo(config, now, io, str('bundle') ? resolve(io.cwd, str('bundle') as string) : exampleBundle);
        default:
          return fail(io, `USAGE: expected validate, list, plan or demo${sub ? `, not "${sub}"` : ''} (see --help)`, 2);
      }
    },
  };
}

async function plan(
  runtime: Runtime,
  io: CliIo,
  rest: readonly string[],
  str: (k: string) => string | undefined,
  dryRun: boolean,
  json: boolean,
  operator: AuditActor,
): Promise<number> {
  const { config, now } = runtime;
  const [id, ...pairs] = rest;
  if (!id) return fail(io, 'USAGE: plan needs a runbook id (see causeway runbooks list)', 2);
  const given: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) return fail(io, `USAGE: "${p}" is not key=value`, 2);
    given[p.slice(0, eq)] = p.slice(eq + 1);
  }
  // A dry run only renders: without any policy configured it checks the structure only (and says
  // so); with one, it says what executing would meet. Proposing a run checks everything.
  const structureOnly = dryRun && !runbookPolicyConfigured(config);
  const loaded = await loadCatalogForCli(config, io.cwd, str('dir'), structureOnly);
  if (!loaded.ok) return invalid(io, loaded.error);
  const catalog = loaded.value.catalog;
  const runbook = catalog.get(id);
  if (!runbook)
    return fail(io, `RUNBOOK_NOT_FOUND: no runbook "${id}" (known: ${[...catalog.keys()].join(', ') || 'none'})`, 1);
  const bundle = str('bundle');
  const t = bundle ? await triageBundle(config, resolve(io.cwd, bundle)) : undefined;
  if (typeof t === 'string') return fail(io, t, 1);
  const incidentId = str('incident') ?? t?.id ?? 'cli';
  const groups = config.runbooks.approval.groups;
  if (dryRun) {
    const hypothesis = t
      ? (matchRunbooks(new Map([[id, runbook]]), t.report, t.alert)[0]?.hypothesis ?? t.report.hypotheses[0])
      : undefined;
    const planned = planRunbook(
      runbook,
      given,
      { alert: t?.alert, hypothesis },
      executorDefinitions({
        ...executorSettingsFromConfig(config),
        ...(structureOnly ? { checkAllowlists: false } : {}),
      }),
    );
    if (!planned.ok) return fail(io, `${planned.error.code}: ${planned.error.message}`, 1);
    if (structureOnly) io.stderr(`causeway runbooks: note: ${NOT_CHECKED}\n`);
    io.stdout(json ? `${JSON.stringify(planned.value, null, 2)}\n` : formatPlanText(planned.value, groups, true));
    return 0;
  }
  // The runtime's options: the audit of a run redacts the one secret list, as serve's does.
  const opened = await runtime.openStorageAt(str('db') ?? config.storage.url);
  if (!opened.ok) return fail(io, `${opened.error.code}: ${opened.error.message}`, 3);
  const storage = opened.value;
  try {
    const executors = createExecutorRegistry({
      settings: executorSettingsFromConfig(config),
      maxOutputBytes: config.runbooks.maxOutputBytes,
      env: {},
      now,
    });
    const r = await proposeRun(
      {
        runs: storage.runs,
        audit: storage.audit,
        catalog,
        executors,
        now,
        newId: () => `run-${randomUUID().slice(0, 8)}`,
      },
      {
        runbookId: id,
        incidentId,
        params: given,
        ...(t ? { report: t.report, ...(t.alert ? { alert: t.alert } : {}) } : {}),
        proposedBy: operator,
      },
    );
    if (!r.ok) return fail(io, `${r.error.code}: ${r.error.message}`, 1);
    if (json) io.stdout(`${JSON.stringify({ runId: r.value.run.id, incidentId, plan: r.value.plan }, null, 2)}\n`);
    else {
      io.stdout(formatPlanText(r.value.plan, groups, false));
      io.stdout(
        `\nProposed as run ${r.value.run.id} for incident ${incidentId} (audited as runbook.proposed); nothing ran. Request approval in Slack.\n`,
      );
    }
    return 0;
  } finally {
    await storage.close();
  }
}

async function demo(config: Readonly<Config>, now: () => number, io: CliIo, bundleDir: string): Promise<number> {
  const t = await triageBundle(config, bundleDir);
  if (typeof t === 'string') return fail(io, t, 1);
  return printRunbookDemo(io, now, t);
}

function invalid(io: CliIo, problems: readonly Parameters<typeof formatRunbookProblem>[0][]): number {
  for (const p of problems) io.stderr(`${formatRunbookProblem(p)}\n`);
  return fail(
    io,
    `RUNBOOK_INVALID: ${problems.length} problem${problems.length > 1 ? 's' : ''} (causeway runbooks validate)`,
    2,
  );
}

function fail(io: CliIo, message: string, code: number): number {
  io.stderr(`causeway runbooks: ${message}\n`);
  return code;
}
