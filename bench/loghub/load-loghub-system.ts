import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logFormatRegex } from '../../src/core/logs/log-format-regex.ts';
import { parseCsvLine } from './parse-csv-line.ts';

export type LoghubSample = {
  readonly name: string;
  /** The raw lines, as in `X_2k.log`. */
  readonly lines: string[];
  /** The message of each line, cut from its header with the system's log format. */
  readonly contents: string[];
  /** The true template of each line, per ground truth (`original`, and `corrected` when present). */
  readonly truths: { readonly original: string[]; readonly corrected?: string[] };
  /** Lines whose extracted message differs from the truth file's `Content` beyond whitespace. */
  readonly contentMismatches: number;
};

function readTemplates(file: string): { contents: string[]; templates: string[] } {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const header = parseCsvLine(rows[0]!);
  const contentAt = header.indexOf('Content');
  const templateAt = header.indexOf('EventTemplate');
  const contents: string[] = [];
  const templates: string[] = [];
  for (const row of rows.slice(1)) {
    const fields = parseCsvLine(row);
    contents.push(fields[contentAt]!);
    templates.push(fields[templateAt]!);
  }
  return { contents, templates };
}

/** Reads one system's sample and ground truth from `dir/<name>/`. */
export function loadLoghubSystem(dir: string, name: string, format: string): LoghubSample {
  const base = join(dir, name, `${name}_2k.log`);
  const regex = logFormatRegex(format);
  const lines = readFileSync(base, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const contents = lines.map((line, i) => {
    const match = regex.exec(line.trim());
    if (match?.groups?.Content === undefined) throw new Error(`${base}:${i + 1}: header does not match the log format`);
    return match.groups.Content;
  });
  const original = readTemplates(`${base}_structured.csv`);
  const correctedFile = `${base}_structured_corrected.csv`;
  const corrected = existsSync(correctedFile) ? readTemplates(correctedFile).templates : undefined;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  let contentMismatches = 0;
  contents.forEach((c, i) => {
    if (squash(c) !== squash(original.contents[i] ?? '')) contentMismatches++;
  });
  if (original.templates.length !== contents.length)
    throw new Error(`${name}: truth has ${original.templates.length} rows`);
  return {
    name,
    lines,
    contents,
    truths: corrected === undefined ? { original: original.templates } : { original: original.templates, corrected },
    contentMismatches,
  };
}
