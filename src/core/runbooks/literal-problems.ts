import type { RunbookProblem } from './runbook-problem.ts';
import { isTemplated } from './template.ts';

/** Problems for the named fields of `args` that hold a template although they must be written out. */
export function literalProblems(args: Readonly<Record<string, unknown>>, fields: readonly string[]): RunbookProblem[] {
  return fields
    .filter((f) => typeof args[f] === 'string' && isTemplated(args[f] as string))
    .map((f) => ({ path: [f], message: 'must be written out: parameters cannot be used here' }));
}
