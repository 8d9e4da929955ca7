import type { Result } from '../result/result.ts';
import { checkParamValue } from './check-param-value.ts';
import type { ParamContext } from './param-context.ts';
import type { ParamValue, ParamValues } from './param-value.ts';
import type { ParamFrom, Runbook } from './runbook.ts';

/** Where each parameter's value came from: `given`, `default`, or the `from:` text (e.g. `alert.labels.namespace`). */
export type ResolvedParams = { readonly values: ParamValues; readonly sources: Readonly<Record<string, string>> };

/** A parameter that could not be resolved: its name and why. */
export type ParamProblem = { readonly param: string; readonly message: string };

function fromContext(from: ParamFrom, ctx: ParamContext): string | undefined {
  switch (from.kind) {
    case 'alert.label':
      return ctx.alert?.labels[from.label];
    case 'alert.service':
      return ctx.alert?.service;
    case 'alert.name':
      return ctx.alert?.name;
    case 'hypothesis.service':
      return ctx.hypothesis?.service;
    case 'hypothesis.kind':
      return ctx.hypothesis?.kind;
    case 'hypothesis.changeId':
      return ctx.hypothesis?.changeId;
  }
}

/**
 * The runbook's parameters: a given value wins, then `from:` (the alert or hypothesis), then
 * the default. Every value — including those from an alert, which is attacker-controlled text —
 * passes the same checks (`checkParamValue`). Unknown and missing parameters are problems; all
 * problems are returned at once.
 */
export function resolveParams(
  runbook: Runbook,
  given: Readonly<Record<string, string>>,
  ctx: ParamContext,
): Result<ResolvedParams, ParamProblem[]> {
  const problems: ParamProblem[] = [];
  const values: Record<string, ParamValue> = {};
  const sources: Record<string, string> = {};
  for (const name of Object.keys(given))
    if (!runbook.params.some((p) => p.name === name))
      problems.push({
        param: name,
        message: `${runbook.id} has no parameter "${name}"${runbook.params.length ? ` (it takes ${runbook.params.map((p) => p.name).join(', ')})` : ''}`,
      });
  for (const spec of runbook.params) {
    const own = Object.hasOwn(given, spec.name) ? given[spec.name] : undefined;
    const derived = own === undefined && spec.from ? fromContext(spec.from, ctx) : undefined;
    const raw = own ?? derived ?? spec.default;
    if (raw === undefined) {
      problems.push({
        param: spec.name,
        message: `needs a value (${spec.name}=…${spec.fromText ? `; ${spec.fromText} is not set here` : ''})`,
      });
      continue;
    }
    const checked = checkParamValue(spec, raw);
    if (!checked.ok) {
      const where = own !== undefined ? '' : derived !== undefined ? ` (from ${spec.fromText})` : ' (the default)';
      problems.push({ param: spec.name, message: `${checked.error}${where}` });
      continue;
    }
    values[spec.name] = checked.value;
    sources[spec.name] = own !== undefined ? 'given' : derived !== undefined ? (spec.fromText as string) : 'default';
  }
  return problems.length > 0 ? { ok: false, error: problems } : { ok: true, value: { values, sources } };
}
