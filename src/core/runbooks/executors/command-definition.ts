import { z } from 'zod';
import type { ExecutorDefinition } from '../executor-definition.ts';
import type { ExecutorSettings } from '../executor-settings.ts';
import { isProgramRunner } from '../is-program-runner.ts';
import { literalProblems } from '../literal-problems.ts';
import type { RunbookProblem } from '../runbook-problem.ts';
import { shellQuote } from '../shell-quote.ts';
import { fillTemplate, isTemplated } from '../template.ts';
import { zodProblems } from '../zod-problems.ts';

/** Variables a step may never set: they change which code runs. */
const FORBIDDEN_ENV =
  /^(?:PATH|LD_[A-Z_]*|DYLD_[A-Z_]*|NODE_OPTIONS|BASH_ENV|ENV|IFS|SHELLOPTS|PYTHONPATH|PYTHONSTARTUP)$/;

const schema = z.strictObject({
  executable: z.string({ error: 'expected the executable (a name from runbooks.command.allow)' }).min(1),
  args: z
    .array(z.string({ error: 'every argument is a string (quote numbers)' }), {
      error: 'expected a list of arguments (an argv array, never a shell line)',
    })
    .max(256, { error: 'at most 256 arguments' })
    .default([]),
  cwd: z.string({ error: 'expected an absolute folder path' }).optional(),
  env: z
    .record(
      z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'variable names are upper-case words' }),
      z.string({ error: 'values are strings' }),
      { error: 'expected a mapping of variable names to values' },
    )
    .default({}),
});

/**
 * `command`: an allowlisted executable with an argument array — never a shell. Parameters fill
 * whole arguments or parts of them; each stays one argument, whatever it contains.
 */
export function commandDefinition(settings: ExecutorSettings): ExecutorDefinition {
  const check = (args: Readonly<Record<string, unknown>>): RunbookProblem[] => {
    const parsed = schema.safeParse(args);
    if (!parsed.success) return zodProblems(parsed.error);
    const w = parsed.data;
    const problems = literalProblems(args, ['cwd']);
    const runner = isProgramRunner(w.executable);
    if (isTemplated(w.executable))
      problems.push({
        path: ['executable'],
        message:
          'the program to run is never a parameter: write the executable out (a name from runbooks.command.allow)',
      });
    else if (settings.checkAllowlists !== false && !settings.commandAllow.includes(w.executable))
      problems.push({
        path: ['executable'],
        message: `"${w.executable}" is not in runbooks.command.allow (${settings.commandAllow.join(', ') || 'empty'})`,
      });
    else if (runner && !settings.commandAllowProgramRunners && settings.checkAllowlists !== false)
      problems.push({
        path: ['executable'],
        message: `${w.executable} runs its arguments as a program: refused unless runbooks.command.allowProgramRunners is set (dangerous)`,
      });
    if (runner)
      w.args.forEach((a, i) => {
        if (isTemplated(a))
          problems.push({
            path: ['args', i],
            message: `${w.executable} runs its arguments as a program, so they are never templated: pass parameters through env (read as "$NAME")`,
          });
      });
    if (w.cwd !== undefined && !w.cwd.startsWith('/'))
      problems.push({ path: ['cwd'], message: 'expected an absolute folder path' });
    for (const k of Object.keys(w.env))
      if (FORBIDDEN_ENV.test(k)) problems.push({ path: ['env', k], message: `${k} cannot be set by a runbook` });
    return problems;
  };
  return {
    name: 'command',
    summary:
      'runs an allowlisted executable with an argument array (no shell), killed with its process group on timeout',
    risk: () => 'low',
    check,
    render(args, params) {
      const problems = check(args);
      if (problems.length > 0) return { ok: false, error: problems };
      const w = schema.parse(args);
      const argv = w.args.map((a) => fillTemplate(a, params));
      const env = Object.fromEntries(Object.entries(w.env).map(([k, v]) => [k, fillTemplate(v, params)]));
      const display = [`$ ${[w.executable, ...argv].map(shellQuote).join(' ')}`];
      if (w.cwd) display.push(`in ${w.cwd}`);
      for (const [k, v] of Object.entries(env)) display.push(`env ${k}=${shellQuote(v)}`);
      return {
        ok: true,
        value: {
          action: { executable: w.executable, args: argv, env, ...(w.cwd ? { cwd: w.cwd } : {}) },
          display,
        },
      };
    },
  };
}
