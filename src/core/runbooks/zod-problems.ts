import type { z } from 'zod';
import type { RunbookProblem } from './runbook-problem.ts';

/** A zod error as runbook problems, each path prefixed (e.g. with `['with']`). */
export function zodProblems(error: z.ZodError, prefix: readonly (string | number)[] = []): RunbookProblem[] {
  const out: RunbookProblem[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys)
        out.push({ path: [...path, k], message: 'unknown field: remove it or check its spelling' });
    } else out.push({ path, message: issue.message });
  }
  return out;
}
