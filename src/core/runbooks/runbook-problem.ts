/** One problem with a runbook: where (a path into the document: `['steps', 0, 'with', 'url']`) and what. */
export type RunbookProblem = { readonly path: readonly (string | number)[]; readonly message: string };
