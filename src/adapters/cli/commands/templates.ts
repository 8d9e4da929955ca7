import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createTemplateMiner } from '../../../core/logs/create-template-miner.ts';
import { findMessageField } from '../../../core/logs/find-message-field.ts';
import { guessLogFormat } from '../../../core/logs/guess-log-format.ts';
import { logFormatRegex } from '../../../core/logs/log-format-regex.ts';
import { loghubLogFormats } from '../../../core/logs/loghub-log-formats.ts';
import type { CliCommand } from '../cli-command.ts';
import { COMMAND_SUMMARIES } from '../command-summaries.ts';

const systems = loghubLogFormats.map((s) => s.name);

const USAGE = `usage: causeway templates FILE [--format lines|ecs|loghub] [--system NAME] [--json]

Mines log templates from FILE, streamed line by line (the file is never loaded whole), and
prints each template with its id and line count. Variables are written <*>.

Without --format the format is guessed: a .ndjson or .jsonl file, or one whose first
non-blank line is a JSON object, is read as ecs; anything else as lines.

  --format lines   one message per line; blank lines are skipped
  --format ecs     NDJSON, one record per line; the message is the record's "message"
                   string, top level or nested (e.g. {"_source":{"message":...}})
  --format loghub  a Loghub log file; each line's header is cut off with the system's
                   log format (--system, or guessed from a file name such as HDFS_2k.log)
  --system NAME    the Loghub system: ${systems.join(', ')}
  --json           print JSON instead: {"templates":[{id,count,template}],
                   "lines":[{line,id}]}, the template id of every message line
  -h, --help       print this help
`;

type Format = 'lines' | 'ecs' | 'loghub';
type Extract = (line: string) => string | { error: string } | undefined;

function extractor(format: Format, system: string | undefined): Extract {
  if (format === 'lines') return (line) => (line.trim() === '' ? undefined : line);
  if (format === 'ecs') {
    return (line) => {
      if (line.trim() === '') return undefined;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        return { error: 'not a JSON record' };
      }
      return findMessageField(record) ?? { error: 'the record has no "message" string' };
    };
  }
  const format_ = loghubLogFormats.find((s) => s.name === system)!.format;
  const regex = logFormatRegex(format_);
  return (line) => {
    if (line.trim() === '') return undefined;
    const content = regex.exec(line.trim())?.groups?.Content;
    return content ?? { error: `the line does not match the ${system} log format` };
  };
}

/** `causeway templates FILE`: mines and prints the log templates of a file. */
export const templatesCommand: CliCommand = {
  name: 'templates',
  summary: COMMAND_SUMMARIES.templates,
  usage: USAGE,
  async run(argv, io) {
    const fail = (code: string, message: string, exit: number) => {
      io.stderr(`causeway templates: ${code}: ${message}\n`);
      return exit;
    };
    let parsed: ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>;
    const optionSpec = {
      format: { type: 'string' },
      system: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    } as const;
    try {
      parsed = parseArgs({ args: [...argv], options: optionSpec, allowPositionals: true, strict: true });
    } catch (e) {
      return fail('USAGE', `${(e as Error).message} (see --help)`, 2);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (positionals.length !== 1) return fail('USAGE', 'expected exactly one FILE (see --help)', 2);
    const file = positionals[0]!;
    const given = values.format;
    if (given !== undefined && given !== 'lines' && given !== 'ecs' && given !== 'loghub') {
      return fail('USAGE', `unknown --format ${given}: use lines, ecs or loghub`, 2);
    }
    let system = values.system;
    if (given === 'loghub' && system === undefined) {
      system = systems.find((name) => basename(file).toLowerCase().startsWith(`${name.toLowerCase()}_`));
      if (system === undefined)
        return fail('USAGE', `--format loghub needs --system (one of ${systems.join(', ')})`, 2);
    }
    if (system !== undefined && !systems.includes(system as (typeof systems)[number])) {
      return fail('USAGE', `unknown --system ${system}: use one of ${systems.join(', ')}`, 2);
    }
    // Without --format, the first non-blank line decides (guessLogFormat), so the file is still read once.
    let extract: Extract | undefined = given === undefined ? undefined : extractor(given, system);
    const nameGuess = given === undefined ? guessLogFormat(file, undefined) : undefined;
    if (nameGuess === 'ecs') extract = extractor('ecs', system);
    const unreadable = (e: unknown) => {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code ?? (e as Error).message;
      return fail(code === 'ENOENT' ? 'INPUT_MISSING' : 'INPUT_INVALID', `cannot read ${file}: ${reason}`, 1);
    };

    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(resolve(io.cwd, file), 'r');
    } catch (e) {
      return unreadable(e);
    }
    const miner = createTemplateMiner();
    const lines: { line: number; id: number }[] = [];
    let lineNumber = 0;
    try {
      const reader = createInterface({ input: handle.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const line of reader) {
        lineNumber++;
        if (extract === undefined) {
          if (line.trim() === '') continue;
          extract = extractor(guessLogFormat(file, line), system);
        }
        const message = extract(line);
        if (message === undefined) continue;
        if (typeof message !== 'string') {
          reader.close();
          return fail('INPUT_INVALID', `${file}:${lineNumber}: ${message.error}`, 1);
        }
        const { id } = miner.add(message);
        if (values.json) lines.push({ line: lineNumber, id });
      }
    } catch (e) {
      return unreadable(e);
    } finally {
      await handle.close();
    }

    const templates = miner.templates();
    if (values.json) {
      io.stdout(`${JSON.stringify({ templates, lines })}\n`);
      return 0;
    }
    const idWidth = Math.max(2, ...templates.map((t) => String(t.id).length));
    const countWidth = Math.max(5, ...templates.map((t) => String(t.count).length));
    let out = `${'id'.padStart(idWidth)}  ${'count'.padStart(countWidth)}  template\n`;
    for (const t of templates)
      out += `${String(t.id).padStart(idWidth)}  ${String(t.count).padStart(countWidth)}  ${t.template}\n`;
    io.stdout(out);
    return 0;
  },
};
