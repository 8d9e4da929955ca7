import { z } from 'zod';
import type { ExecutorDefinition } from '../executor-definition.ts';
import { literalProblems } from '../literal-problems.ts';
import { parseDuration } from '../parse-duration.ts';
import type { RunbookProblem } from '../runbook-problem.ts';
import { SIGNALS } from '../signal.ts';
import { fillTemplate } from '../template.ts';
import { zodProblems } from '../zod-problems.ts';

const SERVICE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const schema = z
  .strictObject({
    signal: z.enum(SIGNALS, { error: `expected one of ${SIGNALS.join(', ')}` }),
    service: z.string({ error: 'expected a service name' }).min(1),
    below: z.union([z.number(), z.string()], { error: 'expected a number (or {{ params.NAME }})' }).optional(),
    above: z.union([z.number(), z.string()], { error: 'expected a number (or {{ params.NAME }})' }).optional(),
    window: z.string({ error: 'expected a duration such as 5m' }).default('5m'),
    every: z.string({ error: 'expected a duration such as 15s' }).default('15s'),
  })
  .refine((w) => (w.below === undefined) !== (w.above === undefined), {
    error: 'give exactly one of below or above',
    path: ['below'],
  });

const UNIT: Readonly<Record<string, string>> = {
  'error-rate': '',
  'error-logs': ' error lines/min',
  'latency-mean': ' ms',
  'request-rate': ' requests/min',
};

/**
 * `check`: re-reads a triage signal (a service's error rate, error logs, mean latency or request
 * rate over the last window, from the same sources as the triage) every few seconds until it is
 * below (or above) the threshold, or the step times out. Used for `verify`.
 */
function check(args: Readonly<Record<string, unknown>>): RunbookProblem[] {
  const parsed = schema.safeParse(args);
  if (!parsed.success) return zodProblems(parsed.error);
  const problems: RunbookProblem[] = literalProblems(args, ['signal', 'window', 'every']);
  for (const f of ['window', 'every'] as const)
    if (parseDuration(parsed.data[f]) === undefined)
      problems.push({ path: [f], message: 'expected a duration such as 5m' });
  return problems;
}

export const checkDefinition: ExecutorDefinition = {
  name: 'check',
  summary: "re-reads a triage signal (e.g. a service's error rate) until it holds or the step times out",
  risk: () => 'read',
  check,
  render(args, params) {
    const problems = check(args);
    if (problems.length > 0) return { ok: false, error: problems };
    const w = schema.parse(args);
    const service = fillTemplate(w.service, params);
    if (!SERVICE.test(service))
      return { ok: false, error: [{ path: ['service'], message: `"${service}" is not a service name` }] };
    const windowMs = parseDuration(w.window) as number;
    const everyMs = parseDuration(w.every) as number;
    const op = w.below !== undefined ? 'below' : 'above';
    const given = (w.below ?? w.above) as number | string;
    const text = typeof given === 'number' ? String(given) : fillTemplate(given, params);
    const threshold = /^-?\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
    if (!Number.isFinite(threshold))
      return { ok: false, error: [{ path: [op], message: `"${text}" is not a number` }] };
    return {
      ok: true,
      value: {
        action: { signal: w.signal, service, op, threshold, windowMs, everyMs },
        display: [
          `check ${w.signal} of ${service} ${op === 'below' ? '<' : '>'} ${threshold}${UNIT[w.signal] ?? ''} over the last ${w.window}, every ${w.every}, until it holds`,
        ],
      },
    };
  },
};
