import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Result } from '../../core/result/result.ts';
import type { Runbook } from '../../core/runbooks/runbook.ts';
import type { RunbookCatalog } from '../../core/runbooks/runbook-catalog.ts';
import type { RunbookValidationContext } from '../../core/runbooks/runbook-validation-context.ts';
import type { LocatedRunbookProblem } from './located-runbook-problem.ts';
import { parseRunbookFile } from './parse-runbook-file.ts';

/**
 * Loads every `*.yaml` / `*.yml` file of a folder (not its subfolders) as a runbook, validating
 * each completely: every problem of every file at once, located by file, line and field; an id
 * used by two files is a problem too. Files are named relative to `cwd` in messages. A missing
 * folder is a problem (start-up refuses to run with a catalog it cannot read).
 */
export async function loadRunbookCatalog(
  dir: string,
  ctx: RunbookValidationContext,
  cwd: string,
): Promise<Result<RunbookCatalog, LocatedRunbookProblem[]>> {
  const shown = (p: string) => relative(cwd, p) || p;
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (e) {
    return {
      ok: false,
      error: [
        {
          file: shown(dir),
          line: undefined,
          field: '',
          message: `cannot read the runbook folder: ${(e as Error).message}`,
        },
      ],
    };
  }
  const problems: LocatedRunbookProblem[] = [];
  const catalog = new Map<string, Runbook>();
  const firstFile = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const file = shown(path);
    const text = await readFile(path, 'utf8');
    const r = parseRunbookFile(file, text, ctx);
    if (!r.ok) {
      problems.push(...r.error);
      continue;
    }
    const id = r.value.runbook.id;
    const earlier = firstFile.get(id);
    if (earlier) {
      problems.push({
        file,
        line: r.value.idLine,
        field: 'id',
        message: `runbook id "${id}" is also used by ${earlier}`,
      });
      continue;
    }
    firstFile.set(id, file);
    catalog.set(id, r.value.runbook);
  }
  return problems.length > 0 ? { ok: false, error: problems } : { ok: true, value: catalog };
}
