import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CliCommand } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { exportFeedbackCases } from '../../app/export-feedback-cases.ts';
import type { Runtime } from '../runtime.ts';

const USAGE = `usage: causeway feedback export --out DIR [--db URL]

Turns feedback from chat into evaluation cases: every incident whose leading confirmed (👍)
hypothesis came from a triage of an incident bundle is written to DIR/<incident id>/ — the
bundle's files with truth.json naming the confirmed service, kind and change — ready for
causeway eval. Incidents triaged from live data are listed as skipped.
`;

/** `causeway feedback export`: confirmed chat feedback → evaluation cases. */
export function buildFeedbackCommand(runtime: Runtime): CliCommand {
  const { config } = runtime;
  return {
    name: 'feedback',
    summary: COMMAND_SUMMARIES.feedback,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(argv, { out: { type: 'string' }, db: { type: 'string' } }, true);
      if (!args.ok) {
        io.stderr(`causeway feedback: USAGE: ${args.error}\n`);
        return 2;
      }
      if (args.value.values.help) {
        io.stdout(USAGE);
        return 0;
      }
      const out = args.value.values.out;
      if (args.value.positionals[0] !== 'export' || typeof out !== 'string') {
        io.stderr('causeway feedback: USAGE: causeway feedback export --out DIR\n');
        return 2;
      }
      const db = typeof args.value.values.db === 'string' ? args.value.values.db : config.storage.url;
      const opened = await runtime.openStorageAt(db, { create: false });
      if (!opened.ok) {
        io.stderr(`causeway feedback: ${opened.error.code}: ${opened.error.message}\n`);
        return 3;
      }
      try {
        const cases = await exportFeedbackCases(
          {
            incidents: opened.value.incidents,
            feedback: opened.value.feedback,
            write: async (from, to, truth) => {
              await mkdir(to, { recursive: true });
              for (const f of await readdir(from)) if (f !== 'truth.json') await copyFile(join(from, f), join(to, f));
              await writeFile(join(to, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
            },
          },
          resolve(io.cwd, out),
        );
        for (const c of cases)
          io.stdout(
            'caseDir' in c ? `${c.incidentId}: wrote ${c.caseDir}\n` : `${c.incidentId}: skipped (${c.skipped})\n`,
          );
        io.stdout(`${cases.filter((c) => 'caseDir' in c).length} evaluation case(s) written\n`);
        return 0;
      } finally {
        await opened.value.close();
      }
    },
  };
}
