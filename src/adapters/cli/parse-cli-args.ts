import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Result } from '../../core/result/result.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export type ParsedArgs = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

/** `node:util` parseArgs, strict, with the error as a value (a one-line usage problem) instead of a throw. */
export function parseCliArgs(
  argv: readonly string[],
  options: Options,
  allowPositionals = false,
): Result<ParsedArgs, string> {
  try {
    const r = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, ...options },
      allowPositionals,
      strict: true,
    });
    return { ok: true, value: { values: r.values as ParsedArgs['values'], positionals: r.positionals } };
  } catch (e) {
    return { ok: false, error: (e as Error).message.split('\n')[0] ?? 'bad arguments' };
  }
}
