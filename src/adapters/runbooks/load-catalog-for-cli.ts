import { resolve } from 'node:path';
import type { Config } from '../../core/config/config-schema.ts';
import { executorSettingsFromConfig } from '../../core/config/executor-settings-from-config.ts';
import { validationContextFromConfig } from '../../core/config/validation-context-from-config.ts';
import type { Result } from '../../core/result/result.ts';
import { executorDefinitions } from '../../core/runbooks/executor-definitions.ts';
import type { RunbookCatalog } from '../../core/runbooks/runbook-catalog.ts';
import { loadRunbookCatalog } from './load-runbook-catalog.ts';
import type { LocatedRunbookProblem } from './located-runbook-problem.ts';

/**
 * The runbook folder (`dir`, else runbooks.dir, else ./runbooks) loaded and validated against the
 * configuration. `readOnly` (list, a dry-run plan, validate without any policy configured) checks
 * everything but the allowlists and approver group names: what only executing needs.
 */
export async function loadCatalogForCli(
  config: Readonly<Config>,
  cwd: string,
  dir?: string,
  readOnly = false,
): Promise<Result<{ readonly dir: string; readonly catalog: RunbookCatalog }, LocatedRunbookProblem[]>> {
  const folder = resolve(cwd, dir ?? config.runbooks.dir ?? 'runbooks');
  const defs = executorDefinitions({
    ...executorSettingsFromConfig(config),
    ...(readOnly ? { checkAllowlists: false } : {}),
  });
  const ctx = { ...validationContextFromConfig(config, defs), ...(readOnly ? { checkApproverGroups: false } : {}) };
  const r = await loadRunbookCatalog(folder, ctx, cwd);
  return r.ok ? { ok: true, value: { dir: folder, catalog: r.value } } : r;
}
