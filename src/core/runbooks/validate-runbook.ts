import type { Result } from '../result/result.ts';
import { AUTONOMY_LEVELS, type AutonomyLevel } from './autonomy-level.ts';
import { checkParamValue } from './check-param-value.ts';
import { parseDuration } from './parse-duration.ts';
import { parseParamFrom } from './parse-param-from.ts';
import { RISKS } from './risk.ts';
import type { ParamSpec, Runbook, RunbookStep, StepApproval } from './runbook.ts';
import {
  type NestedStepDocument,
  type RunbookDocument,
  runbookDocumentSchema,
  type StepDocument,
} from './runbook-document-schema.ts';
import type { RunbookProblem } from './runbook-problem.ts';
import type { RunbookValidationContext } from './runbook-validation-context.ts';
import { templateReferences } from './template.ts';
import { zodProblems } from './zod-problems.ts';

type Path = readonly (string | number)[];

/**
 * Checks a parsed runbook file completely and returns every problem at once (each with the path
 * of its field), or the runbook ready to plan: parameters typed with checked defaults, every
 * step's executor known and its arguments valid, templates referring to declared parameters
 * only, risks no lower than what the executor does, and the approval each step needs after the
 * policy (high-risk steps at least `highRiskMin` approvers; only read steps may skip approval).
 */
export function validateRunbook(raw: unknown, ctx: RunbookValidationContext): Result<Runbook, RunbookProblem[]> {
  const parsed = runbookDocumentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: zodProblems(parsed.error) };
  const doc: RunbookDocument = parsed.data;
  const problems: RunbookProblem[] = [];
  const params = Object.entries(doc.params).map(([name, p]) => checkParam(name, p, ctx, problems));
  const declared = new Set(params.map((p) => p.name));
  const ids = new Set<string>();

  const checkTemplates = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      const refs = templateReferences(value);
      for (const bad of refs.invalid)
        problems.push({
          path,
          message: `${bad} is not a parameter reference: templates may only use {{ params.NAME }}`,
        });
      for (const n of refs.names)
        if (!declared.has(n)) problems.push({ path, message: `{{ params.${n} }} refers to an undeclared parameter` });
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) checkTemplates(v, [...path, i]);
    } else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) checkTemplates(v, [...path, k]);
  };

  const step = (
    s: NestedStepDocument | StepDocument,
    path: Path,
    nested: boolean,
    inherited: AutonomyLevel = doc.autonomy,
  ): RunbookStep => {
    if (ids.has(s.id)) problems.push({ path: [...path, 'id'], message: `step id "${s.id}" is used twice` });
    ids.add(s.id);
    checkTemplates(s.name, [...path, 'name']);
    checkTemplates(s.with, [...path, 'with']);
    const def = ctx.executors.get(s.uses);
    let risk = s.risk ?? 'read';
    if (!def) {
      problems.push({
        path: [...path, 'uses'],
        message: `unknown executor "${s.uses}" (known: ${[...ctx.executors.keys()].join(', ')})`,
      });
    } else {
      const withProblems = def.check(s.with);
      for (const p of withProblems) problems.push({ path: [...path, 'with', ...p.path], message: p.message });
      if (withProblems.length === 0) {
        const least = def.risk(s.with);
        if (s.risk === undefined) risk = least;
        else if (RISKS.indexOf(s.risk) < RISKS.indexOf(least))
          problems.push({
            path: [...path, 'risk'],
            message: `${s.risk} is lower than what this ${s.uses} step does (${least})`,
          });
      }
    }
    const timeoutMs = s.timeout === undefined ? ctx.defaultTimeoutMs : (parseDuration(s.timeout) as number);
    if (timeoutMs > ctx.maxTimeoutMs)
      problems.push({
        path: [...path, 'timeout'],
        message: `longer than runbooks.maxTimeoutSeconds (${ctx.maxTimeoutMs / 1000}s)`,
      });
    const approval = resolveApproval(s, risk, [...path, 'approval'], ctx, problems);
    const full = nested ? undefined : (s as StepDocument);
    const autonomy = full?.autonomy ?? inherited;
    const rollback = (full?.rollback ?? []).map((r, i) => step(r, [...path, 'rollback', i], true, autonomy));
    const verify = full?.verify ? step(full.verify, [...path, 'verify'], true, autonomy) : undefined;
    if (full?.onFailure === 'rollback' && rollback.length === 0)
      problems.push({ path: [...path, 'onFailure'], message: 'rollback needs rollback steps on this step' });
    if (full) checkAutonomy(full, autonomy, risk, doc.autonomy, [...path, 'autonomy'], problems);
    return {
      id: s.id,
      name: s.name,
      uses: s.uses,
      with: s.with,
      risk,
      approval,
      timeoutMs,
      onFailure: full?.onFailure ?? 'stop',
      verify,
      rollback,
      autonomy,
    };
  };

  const steps = doc.steps.map((s, i) => step(s, ['steps', i], false));
  if (problems.length > 0) return { ok: false, error: problems };
  const m = doc.match;
  return {
    ok: true,
    value: {
      id: doc.id,
      title: doc.title,
      description: doc.description,
      autonomy: doc.autonomy,
      match: m && {
        alerts: m.alerts,
        labels: Object.fromEntries(Object.entries(m.labels).map(([k, v]) => [k, [v].flat()])),
        services: m.services,
        kinds: m.kinds,
        top: m.top,
        ...(m.minProbability !== undefined ? { minProbability: m.minProbability } : {}),
      },
      params,
      steps,
    },
  };
}

/**
 * A step is never more autonomous than its runbook; an autonomous step that changes something is
 * low-risk, checked by a verify step and undone by rollback steps (what runs when the check fails
 * and what [Undo] runs).
 */
function checkAutonomy(
  s: StepDocument,
  level: AutonomyLevel,
  risk: RunbookStep['risk'],
  runbookLevel: AutonomyLevel,
  path: Path,
  problems: RunbookProblem[],
): void {
  if (AUTONOMY_LEVELS.indexOf(level) > AUTONOMY_LEVELS.indexOf(runbookLevel))
    problems.push({ path, message: `${level} is more than the runbook's autonomy (${runbookLevel})` });
  if (level !== 'autonomous' || risk === 'read') return;
  if (risk === 'high')
    problems.push({ path, message: 'a high-risk step is never autonomous: set autonomy: supervised on it' });
  if (!s.verify) problems.push({ path, message: 'an autonomous step needs a verify step (it decides)' });
  if (s.rollback.length === 0)
    problems.push({ path, message: 'an autonomous step needs rollback steps (run on a failed verify and by Undo)' });
  else if (s.onFailure !== 'rollback')
    problems.push({ path, message: 'an autonomous step rolls back when its verify fails: set onFailure: rollback' });
}

function resolveApproval(
  s: NestedStepDocument,
  risk: RunbookStep['risk'],
  path: Path,
  ctx: RunbookValidationContext,
  problems: RunbookProblem[],
): StepApproval | undefined {
  if (s.approval === 'none') {
    if (risk !== 'read')
      problems.push({ path, message: `a ${risk}-risk step needs approval: only read steps may say none` });
    return undefined;
  }
  if (risk === 'read' && s.approval === undefined) return undefined;
  const from = s.approval?.from ?? ctx.defaultFrom;
  const checkGroups = ctx.checkApproverGroups !== false;
  if (from.length === 0 && checkGroups)
    problems.push({
      path,
      message: 'no approver group: set approval.from here or runbooks.approval.defaultFrom in the configuration',
    });
  for (const g of from)
    if (checkGroups && !ctx.approverGroups.includes(g))
      problems.push({
        path: s.approval?.from ? [...path, 'from'] : path,
        message: `no approver group "${g}" in runbooks.approval.groups`,
      });
  const asked = s.approval?.min ?? 1;
  return { min: risk === 'high' ? Math.max(asked, ctx.highRiskMin) : asked, from };
}

function checkParam(
  name: string,
  p: RunbookDocument['params'][string],
  ctx: RunbookValidationContext,
  problems: RunbookProblem[],
): ParamSpec {
  const path = ['params', name];
  const bound = (field: 'min' | 'max'): number | undefined => {
    const v = p[field];
    if (v === undefined) return undefined;
    if (p.type === 'int' && typeof v === 'number' && Number.isInteger(v)) return v;
    if (p.type === 'duration' && typeof v === 'string' && parseDuration(v) !== undefined) return parseDuration(v);
    problems.push({
      path: [...path, field],
      message:
        p.type === 'int'
          ? 'expected a whole number'
          : p.type === 'duration'
            ? 'expected a duration'
            : `only for int and duration parameters`,
    });
    return undefined;
  };
  if (p.pattern !== undefined) {
    if (p.type !== 'string') problems.push({ path: [...path, 'pattern'], message: 'only for string parameters' });
    try {
      new RegExp(p.pattern, 'u');
    } catch {
      problems.push({ path: [...path, 'pattern'], message: 'is not a valid regular expression' });
    }
  }
  if (p.type === 'enum' && !p.values) problems.push({ path: [...path, 'values'], message: 'an enum needs its values' });
  if (p.type !== 'enum' && p.values) problems.push({ path: [...path, 'values'], message: 'only for enum parameters' });
  if (p.maxLength !== undefined && p.maxLength > ctx.maxParamLength)
    problems.push({ path: [...path, 'maxLength'], message: `above runbooks.maxParamLength (${ctx.maxParamLength})` });
  const from = p.from === undefined ? undefined : parseParamFrom(p.from);
  if (p.from !== undefined && !from)
    problems.push({
      path: [...path, 'from'],
      message: `"${p.from}" is not alert.labels.NAME, alert.service, alert.name, hypothesis.service, hypothesis.kind or hypothesis.changeId`,
    });
  const spec: ParamSpec = {
    name,
    type: p.type,
    description: p.description,
    pattern: p.pattern,
    maxLength: Math.min(p.maxLength ?? ctx.maxParamLength, ctx.maxParamLength),
    min: bound('min'),
    max: bound('max'),
    values: p.values,
    default: undefined,
    from,
    fromText: p.from,
  };
  if (p.default === undefined) return spec;
  const checked = problems.some((x) => x.path[0] === 'params' && x.path[1] === name)
    ? undefined
    : checkParamValue(spec, p.default);
  if (checked && !checked.ok) problems.push({ path: [...path, 'default'], message: checked.error });
  return { ...spec, default: checked?.ok ? checked.value : undefined };
}
