import { basename, relative, resolve } from 'node:path';
import type { CliCommand } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { ES_TRIAGE_OPTIONS, esOverrides } from '../../adapters/elasticsearch/es-triage-options.ts';
import { findBundles } from '../../adapters/files/find-bundles.ts';
import { openBundle } from '../../adapters/files/open-bundle.ts';
import { readTruth } from '../../adapters/files/read-truth.ts';
import { evaluateBundle } from '../../app/evaluate-bundle.ts';
import { investigateOptionsFromConfig } from '../../app/investigate-options-from-config.ts';
import type { Config } from '../../core/config/config-schema.ts';
import type { EvalCase } from '../../core/eval/eval-case.ts';
import type { EvalSummary } from '../../core/eval/eval-summary.ts';
import { scoreEval } from '../../core/eval/score-eval.ts';
import { plural } from '../../core/formats/plural.ts';
import { rankByErrorIncrease } from '../../core/triage/baselines/rank-by-error-increase.ts';
import { rankRandomly } from '../../core/triage/baselines/rank-randomly.ts';
import type { Ranker } from '../../core/triage/ranker.ts';
import { seedAndOpen } from '../elasticsearch/seed-and-open.ts';

const USAGE = `usage: causeway eval DIR... [--json] [--baseline random|errors]

Triages every bundle found under the folders (a folder holding alert.json is a bundle) and scores
the ranking against each bundle's truth.json: AC@1, AC@3, Avg@5 (RCAEval's definitions), kind and
change accuracy at rank 1, the calibration error of the top answer's probability (ECE), and triage
time per bundle. Bundles without truth.json are skipped. A line per bundle is printed as it
finishes (on stderr with --json); with several folders, a summary line per folder too.

  --json                 print {n, ac1, ac3, avg5, kindAt1, changeAt1, ece, p50ms, p95ms, cases}
                         (and folders: [{folder, ...}] with several folders)
  --baseline random      score a seeded random order of the services instead of the engine
  --baseline errors      score "the service with the largest error-count increase" instead
  --es URL               seed each bundle into fresh Elasticsearch indices, triage from them, delete them
  --trace-schema S       with --es: elastic-apm (default: elasticsearch.traceSchema) or otel
`;

const BASELINES: Readonly<Record<string, Ranker>> = { random: rankRandomly, errors: rankByErrorIncrease };

/** `causeway eval`: score the ranking on a set of bundles with known root causes. */
export function buildEvalCommand(config: Readonly<Config>, now: () => number): CliCommand {
  return {
    name: 'eval',
    summary: COMMAND_SUMMARIES.eval,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(
        argv,
        {
          json: { type: 'boolean' },
          baseline: { type: 'string' },
          es: ES_TRIAGE_OPTIONS.es,
          'trace-schema': ES_TRIAGE_OPTIONS['trace-schema'],
        },
        true,
      );
      if (!args.ok) return fail(io, `USAGE: ${args.error}`);
      const { values, positionals } = args.value;
      if (values.help) {
        io.stdout(USAGE);
        return 0;
      }
      if (positionals.length === 0) return fail(io, 'USAGE: name at least one folder of bundles');
      const baseline = values.baseline;
      if (baseline !== undefined && (typeof baseline !== 'string' || !BASELINES[baseline])) {
        return fail(io, `USAGE: --baseline must be random or errors, not ${JSON.stringify(baseline)}`);
      }
      const es = esOverrides(values);
      if (!es.ok) return fail(io, `USAGE: ${es.error}`);
      const dirs = await findBundles(positionals.map((p) => resolve(io.cwd, p)));
      if (dirs.length === 0)
        return fail(io, `INPUT_MISSING: no bundle (a folder with alert.json) under ${positionals.join(', ')}`, 1);
      const options = investigateOptionsFromConfig(config);
      const rank = typeof baseline === 'string' ? BASELINES[baseline] : undefined;
      const cases: EvalCase[] = [];
      const folders = positionals.map((p) => resolve(io.cwd, p));
      const folderOf = (dir: string) =>
        folders.find((f) => dir === f || dir.startsWith(`${f}/`)) ?? (folders[0] as string);
      const byFolder = new Map<string, EvalCase[]>(folders.map((f) => [f, []]));
      // A bundle's name when it cannot be opened (else its own id): its path inside the folder it
      // was found in (the folder's own name when it is one).
      const nameOf = (dir: string) => relative(folderOf(dir), dir) || basename(dir);
      const width = Math.min(48, Math.max(32, ...dirs.map((d) => nameOf(d).length)));
      const progress = (c: EvalCase) => {
        const line = `${caseLine(c, width)}\n`;
        if (values.json) io.stderr(line);
        else io.stdout(line);
      };
      let skipped = 0;
      for (const dir of dirs) {
        const truth = await readTruth(dir, config.sources.maxLineBytes);
        if (!truth.ok) return fail(io, `INPUT_INVALID: ${dir}/${truth.error}`, 1);
        if (!truth.value) {
          skipped++;
          continue;
        }
        // With --es, seeding happens before the clock starts: the time is the triage's.
        const seeded = typeof values.es === 'string' ? await seedAndOpen(config, dir, es.value) : undefined;
        const started = now();
        const opened = seeded ?? (await openBundle(dir, config.triage.serviceLabels, config.sources.maxLineBytes));
        const scored: EvalCase = opened.ok
          ? await evaluateBundle({ options, now, ...(rank ? { rank } : {}) }, opened.value, truth.value, started)
          : {
              id: nameOf(dir),
              truth: truth.value,
              rank: null,
              top: [],
              ms: 0,
              error: `${opened.error.code}: ${opened.error.message}`,
            };
        if (seeded?.ok) await seeded.value.close();
        cases.push(scored);
        byFolder.get(folderOf(dir))?.push(scored);
        progress(scored);
      }
      const summary = scoreEval(cases);
      const perFolder =
        folders.length > 1 ? [...byFolder].map(([folder, list]) => ({ folder, ...scoreEval(list) })) : [];
      if (values.json) {
        const folderSummaries = perFolder.map(({ cases: _, ...rest }) => rest);
        io.stdout(
          `${JSON.stringify(folderSummaries.length > 0 ? { ...summary, folders: folderSummaries } : summary, null, 2)}\n`,
        );
      } else {
        const lines = [''];
        for (const f of perFolder) lines.push(`${summaryLine(f)}  ${relative(io.cwd, f.folder) || '.'}`);
        lines.push(
          `${summaryLine(summary)}${skipped ? `  (${plural(skipped, 'bundle')} without truth.json skipped)` : ''}${perFolder.length > 0 ? '  all' : ''}`,
        );
        io.stdout(`${lines.join('\n')}\n`);
      }
      return 0;
    },
  };
}

/** One bundle's line: right or wrong, its name (cut in the middle to fit the column), truth, rank, top answer, time. */
function caseLine(c: EvalCase, width: number): string {
  const top = c.top[0];
  const mark = c.rank === 1 ? '✓' : c.rank !== null && c.rank <= 3 ? '~' : '✗';
  const name =
    c.id.length > width ? `${c.id.slice(0, Math.ceil(width / 2) - 1)}…${c.id.slice(-Math.floor(width / 2))}` : c.id;
  const truth = `${c.truth.service}/${c.truth.kind}`;
  const answer = top ? `${top.service}/${top.kind}${top.changeId ? ` ${top.changeId}` : ''}` : '-';
  const p = top?.probability !== undefined ? ` p ${top.probability.toFixed(2)}` : '';
  return `${mark} ${name.padEnd(width)}  truth ${truth.padEnd(36)} rank ${String(c.rank ?? '-').padStart(2)}  top ${answer}${p}  ${c.ms.toFixed(0)} ms${c.error ? `  ERROR ${c.error}` : ''}`;
}

function summaryLine(s: EvalSummary): string {
  const pct = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  return `n=${s.n}  AC@1 ${pct(s.ac1)}  AC@3 ${pct(s.ac3)}  Avg@5 ${pct(s.avg5)}  kind@1 ${pct(s.kindAt1)}  change@1 ${pct(s.changeAt1)}  ECE ${pct(s.ece)}  p50 ${s.p50ms} ms  p95 ${s.p95ms} ms`;
}

function fail(io: { stderr: (s: string) => void }, message: string, code = 2): number {
  io.stderr(`causeway eval: ${message}\n`);
  return code;
}
