import type { ConfigProblem } from './config-problem.ts';

/** All configuration problems as one message, one line each. */
export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  const head = `CONFIG_INVALID: the configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`;
  const lines = problems.map((p) => `  - ${p.key} = ${p.value} (from ${p.source}): ${p.message}`);
  return [head, ...lines].join('\n');
}
