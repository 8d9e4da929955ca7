/** The formats `causeway templates` can guess without `--format` (Loghub needs its system named). */
export type GuessedLogFormat = 'ecs' | 'lines';

const ECS_EXTENSIONS = ['.ndjson', '.jsonl'];

/**
 * Guesses how to read a log file: by its name (`.ndjson`, `.jsonl` are ECS records), else by its
 * first non-blank line (a JSON object means ECS records), else one message per line.
 */
export function guessLogFormat(fileName: string, firstLine: string | undefined): GuessedLogFormat {
  const lower = fileName.toLowerCase();
  if (ECS_EXTENSIONS.some((ext) => lower.endsWith(ext))) return 'ecs';
  const line = firstLine?.trim() ?? '';
  if (!line.startsWith('{')) return 'lines';
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? 'ecs' : 'lines';
  } catch {
    return 'lines';
  }
}
