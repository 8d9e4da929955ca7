import type { Result } from '../../core/result/result.ts';

const NEEDS_PATH = 'USAGE: --config needs a file path (causeway --config FILE <command> …)';

/**
 * Takes `--config FILE` (or `--config=FILE`) out of the command line, wherever it is: the path
 * and the remaining arguments. A missing or empty path (`--config` last, `--config --json`,
 * `--config=`) is a usage error, never a silent run without the file.
 */
export function takeConfigFlag(
  argv: readonly string[],
): Result<{ readonly argv: readonly string[]; readonly path: string | undefined }, string> {
  const rest: string[] = [];
  let path: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    let value: string | undefined;
    if (a === '--config') {
      value = argv[i + 1];
      i++;
      if (value === undefined || value === '' || value.startsWith('-')) return { ok: false, error: NEEDS_PATH };
    } else if (a.startsWith('--config=')) {
      value = a.slice('--config='.length);
      if (value === '') return { ok: false, error: NEEDS_PATH };
    } else {
      rest.push(a);
      continue;
    }
    if (path !== undefined) return { ok: false, error: 'USAGE: --config is given twice: pass one file' };
    path = value;
  }
  return { ok: true, value: { argv: rest, path } };
}
