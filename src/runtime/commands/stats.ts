import type { CliCommand, CliIo } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { loadIncidentFacts, verifyChain } from '../../app/postmortem/load-incident-facts.ts';
import { formatStatsText } from '../../core/postmortem/format-stats-text.ts';
import type { IncidentFacts } from '../../core/postmortem/incident-facts.ts';
import { incidentStats } from '../../core/postmortem/incident-stats.ts';
import { parseDuration } from '../../core/runbooks/parse-duration.ts';
import type { Runtime } from '../runtime.ts';

const USAGE = `usage: causeway stats [--since 30d] [--json] [--db URL]

Numbers for the team over the incidents opened in the period (docs/postmortems.md): incidents,
median time to first hypothesis and to resolution, the share whose leading hypothesis was
confirmed (👍 or a successful runbook run for it), and runbook runs by outcome. Read from the
stored records and the verified audit trail.

  --since AGE   the period: 90s, 30m, 24h, 30d (default 30d)
  --json        as JSON
  --db URL      the database (default: storage.url)
`;

/** How many incidents `stats` reads at most. */
const MAX_INCIDENTS = 10_000;

/** `causeway stats`. */
export function buildStatsCommand(runtime: Runtime): CliCommand {
  return {
    name: 'stats',
    summary: COMMAND_SUMMARIES.stats,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(argv, { since: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } });
      if (!args.ok) return fail(io, `USAGE: ${args.error} (see --help)`, 2);
      const { values } = args.value;
      if (values.help) {
        io.stdout(USAGE);
        return 0;
      }
      const age = parseDuration(typeof values.since === 'string' ? values.since : '30d');
      if (age === undefined)
        return fail(io, `USAGE: --since ${String(values.since)}: expected an age like 24h or 30d`, 2);
      const since = runtime.now() - age;
      const opened = await runtime.openStorageAt(
        typeof values.db === 'string' ? values.db : runtime.config.storage.url,
        { create: false },
      );
      if (!opened.ok) return fail(io, `${opened.error.code}: ${opened.error.message}`, 3);
      const storage = opened.value;
      try {
        const chain = await verifyChain(storage, runtime.config.audit.checkpointKey);
        if (!chain.intact)
          io.stderr(
            `causeway stats: AUDIT_CHAIN_BROKEN: ${chain.problem}; records after #${chain.verifiedThrough} are left out\n`,
          );
        const incidents = (await storage.incidents.list({ limit: MAX_INCIDENTS })).filter((i) => i.openedAt >= since);
        const facts: IncidentFacts[] = [];
        for (const i of incidents) {
          // The incident as listed: its facts are read around it, the incident itself not again.
          const f = await loadIncidentFacts(storage, i, { chain });
          if (f.ok) facts.push(f.value);
        }
        const stats = incidentStats(facts, since);
        io.stdout(values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStatsText(stats));
        return chain.intact ? 0 : 1;
      } finally {
        await storage.close();
      }
    },
  };
}

function fail(io: CliIo, message: string, code: number): number {
  io.stderr(`causeway stats: ${message}\n`);
  return code;
}
