import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand, CliIo } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { buildLlmDeps } from '../../adapters/llm/build-llm-deps.ts';
import { createChatNarrator } from '../../app/llm/create-chat-narrator.ts';
import { loadIncidentFacts } from '../../app/postmortem/load-incident-facts.ts';
import { buildIncidentTimeline } from '../../core/postmortem/build-incident-timeline.ts';
import { buildPostmortem } from '../../core/postmortem/build-postmortem.ts';
import { formatTimelineText } from '../../core/postmortem/format-timeline-text.ts';
import { incidentPageUrl } from '../../core/postmortem/incident-page-url.ts';
import { redactFacts } from '../../core/postmortem/redact-facts.ts';
import { renderPostmortemHtml } from '../../core/postmortem/render-postmortem-html.ts';
import { renderPostmortemMarkdown } from '../../core/postmortem/render-postmortem-markdown.ts';
import { timelineJson } from '../../core/postmortem/timeline-json.ts';
import type { Runtime } from '../runtime.ts';

const USAGE = `usage: causeway incident timeline ID [--json] [--db URL]
       causeway incident report ID [--format md|html] [--out FILE] [--no-llm] [--db URL]
       causeway incident link ID [--minutes N]

After the incident (docs/postmortems.md), from the stored records and the verified audit trail:

  timeline  what happened when: first alert, onset, sources, rankings and how they changed,
            proposals, approvals, refusals, steps, verifications, feedback, resolution; each
            entry names its audit record (#seq) or evidence; with the derived durations
            (time to detect, to first hypothesis, to mitigate, to resolve)
  report    the postmortem draft: summary, impact, root cause, timeline, what was done, what
            went well or badly, follow-ups. Deterministic; with llm.model configured a grounded
            narrative section is added (sentences citing evidence only) unless --no-llm
  link      a signed link to the incident page of causeway serve (postmortem.pageKey and
            postmortem.pageBaseUrl), valid postmortem.pageLinkMinutes (or --minutes)

  --json         timeline: as JSON
  --format F     report: md (default) or html
  --out FILE     report: write it to FILE instead of stdout
  --no-llm       report: no narrative section even with a model configured
  --minutes N    link: how long the link stays valid
  --db URL       the database (default: storage.url)
  -h, --help     print this help
`;

const EXIT = { ok: 0, failed: 1, usage: 2, storage: 3 } as const;

/** `causeway incident timeline|report|link ID`. */
export function buildIncidentCommand(runtime: Runtime): CliCommand {
  const { config } = runtime;
  return {
    name: 'incident',
    summary: COMMAND_SUMMARIES.incident,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(
        argv,
        {
          db: { type: 'string' },
          json: { type: 'boolean' },
          format: { type: 'string' },
          out: { type: 'string' },
          'no-llm': { type: 'boolean' },
          minutes: { type: 'string' },
        },
        true,
      );
      if (!args.ok) return fail(io, `USAGE: ${args.error} (see --help)`, EXIT.usage);
      const { values, positionals } = args.value;
      if (values.help) {
        io.stdout(USAGE);
        return EXIT.ok;
      }
      const [sub, id, ...extra] = positionals;
      if (sub !== 'timeline' && sub !== 'report' && sub !== 'link')
        return fail(
          io,
          `USAGE: expected timeline, report or link${sub ? `, not "${sub}"` : ''} (see --help)`,
          EXIT.usage,
        );
      if (!id) return fail(io, `USAGE: ${sub} needs an incident ID`, EXIT.usage);
      if (extra.length > 0) return fail(io, `USAGE: unexpected argument "${extra[0]}"`, EXIT.usage);
      const format = typeof values.format === 'string' ? values.format : 'md';
      if (format !== 'md' && format !== 'html')
        return fail(io, `USAGE: --format ${format}: expected md or html`, EXIT.usage);

      if (sub === 'link') {
        const p = config.postmortem;
        if (!p.pageKey || !p.pageBaseUrl)
          return fail(
            io,
            'CONFIG_INVALID: a page link needs postmortem.pageKey and postmortem.pageBaseUrl (CAUSEWAY_POSTMORTEM_PAGE_KEY, CAUSEWAY_POSTMORTEM_PAGE_BASE_URL)',
            EXIT.usage,
          );
        const m = typeof values.minutes === 'string' ? Number(values.minutes) : p.pageLinkMinutes;
        if (!Number.isFinite(m) || m <= 0) return fail(io, 'USAGE: --minutes expects a positive number', EXIT.usage);
        io.stdout(`${incidentPageUrl(p.pageBaseUrl, p.pageKey, id, runtime.now() + m * 60_000)}\n`);
        return EXIT.ok;
      }

      const opened = await runtime.openStorageAt(typeof values.db === 'string' ? values.db : config.storage.url, {
        create: false,
      });
      if (!opened.ok) return fail(io, `${opened.error.code}: ${opened.error.message}`, EXIT.storage);
      const storage = opened.value;
      try {
        const loaded = await loadIncidentFacts(storage, id, { checkpointKey: config.audit.checkpointKey });
        if (!loaded.ok) return fail(io, `${loaded.error.code}: ${loaded.error.message}`, EXIT.failed);
        const facts = redactFacts(loaded.value, runtime.secrets);
        if (!facts.chain.intact)
          io.stderr(
            `causeway incident: AUDIT_CHAIN_BROKEN: ${facts.chain.problem}; records from #${facts.chain.verifiedThrough + 1} on are left out (run causeway audit verify)\n`,
          );
        const timeline = buildIncidentTimeline(facts);
        if (sub === 'timeline') {
          io.stdout(
            values.json ? `${JSON.stringify(timelineJson(timeline), null, 2)}\n` : formatTimelineText(timeline),
          );
          return facts.chain.intact ? EXIT.ok : EXIT.failed;
        }
        let narrative: Awaited<ReturnType<ReturnType<typeof createChatNarrator>>>;
        const report = facts.triage?.report;
        if (config.llm.model && !values['no-llm'] && report) {
          const llm = await buildLlmDeps(config, {
            promptsDir: runtime.promptsDir,
            clock: runtime.now,
            audit: storage.audit,
            knownSecrets: runtime.secrets,
          });
          if (!llm.ok) return fail(io, `${llm.error.code}: ${llm.error.message}`, EXIT.usage);
          narrative = await createChatNarrator(llm.value)(report, id);
          if (!narrative)
            io.stderr(
              'causeway incident: no narrative (the model call failed or cited nothing; see the audit trail)\n',
            );
        }
        const doc = buildPostmortem(facts, timeline, {
          sloTarget: config.postmortem.sloTarget,
          sloWindowDays: config.postmortem.sloWindowDays,
          narrative,
        });
        const text = format === 'html' ? renderPostmortemHtml(doc) : renderPostmortemMarkdown(doc);
        if (typeof values.out === 'string') {
          const path = resolve(io.cwd, values.out);
          await writeFile(path, text);
          io.stderr(`causeway incident: wrote ${path}\n`);
        } else io.stdout(text);
        return facts.chain.intact ? EXIT.ok : EXIT.failed;
      } finally {
        await storage.close();
      }
    },
  };
}

function fail(io: CliIo, message: string, code: number): number {
  io.stderr(`causeway incident: ${message}\n`);
  return code;
}
