import type { LocatedRunbookProblem } from './located-runbook-problem.ts';

/** `runbooks/restart.yaml:14: steps[0].with.url: host evil.example is not in runbooks.http.allowHosts` */
export function formatRunbookProblem(p: LocatedRunbookProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}
