import { z } from 'zod';
import { isProgramRunner } from './is-program-runner.ts';

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `expected a number of ${what}` })
    .int({ error: `must be a whole number of ${what}` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

/** A Slack user (U…/W…) or user group (S…) id. */
const member = z
  .string({ error: 'expected a Slack user id (U…, W…) or user group id (S…)' })
  .regex(/^[UWS][A-Z0-9]{2,32}$/, { error: 'expected a Slack user id (U…, W…) or user group id (S…), not a name' });

const hostName = z
  .string({ error: 'expected a host, or host:port' })
  .regex(/^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/, {
    error: 'expected a host name or address, optionally with :port (no scheme, no path)',
  });

/**
 * The `runbooks` section of the configuration (docs/runbooks.md): where runbook files are, the
 * approval policy, and what the executors may touch. Everything an executor may reach is
 * allowlisted here; the defaults allow nothing but reading.
 */
export const runbooksConfigSchema = z
  .strictObject({
    dir: z
      .string({ error: 'expected a folder path' })
      .min(1)
      .optional()
      .describe(
        'The folder of runbook files (*.yaml), relative to the working directory. Unset: no runbooks are offered (the shipped examples in runbooks/ need approver groups and allowlists first).',
      ),
    defaultTimeoutSeconds: whole('seconds', 1, 86_400)
      .default(300)
      .describe('A step without its own timeout gets this long (seconds).'),
    maxTimeoutSeconds: whole('seconds', 1, 86_400)
      .default(3600)
      .describe('The longest timeout a step may ask for (seconds).'),
    approval: z
      .strictObject({
        expiryMinutes: whole('minutes', 1, 1440)
          .default(30)
          .describe('An approval request expires after this many minutes.'),
        highRiskMin: whole('approvers', 1, 10)
          .default(2)
          .describe('At least this many distinct approvers for a high-risk step (a runbook may ask for more).'),
        groups: z
          .record(
            z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: 'group names are lower-case words' }),
            z.array(member),
            {
              error: 'expected a mapping of group name to a list of Slack user or user group ids',
            },
          )
          .default({})
          .describe('Approver groups by name: lists of Slack user ids and/or user group ids.'),
        defaultFrom: z
          .array(z.string().min(1), { error: 'expected a list of group names' })
          .default([])
          .describe('The groups that approve a step whose runbook names none.'),
      })
      .prefault({})
      .superRefine((a, ctx) => {
        a.defaultFrom.forEach((g, i) => {
          if (!Object.hasOwn(a.groups, g))
            ctx.addIssue({
              code: 'custom',
              path: ['defaultFrom', i],
              message: `no approver group "${g}" in runbooks.approval.groups`,
            });
        });
      }),
    http: z
      .strictObject({
        allowHosts: z
          .array(hostName, { error: 'expected a list of hosts' })
          .default([])
          .describe('Hosts (optionally host:port) the http executor may call; nothing else is ever requested.'),
      })
      .prefault({}),
    command: z
      .strictObject({
        allow: z
          .array(
            z
              .string({ error: 'expected an executable name or absolute path' })
              .regex(/^(?:\/[^\0\n]+|[A-Za-z0-9][A-Za-z0-9._+-]*)$/, {
                error: 'expected an executable name (found on PATH) or an absolute path',
              }),
            { error: 'expected a list of executables' },
          )
          .default([])
          .describe('Executables the command executor may start: names found on PATH, or absolute paths.'),
        allowProgramRunners: z
          .boolean({ error: 'expected true or false' })
          .default(false)
          .describe(
            'DANGEROUS. Lets command.allow list shells, interpreters and program wrappers (sh, bash, env, xargs, sudo, python …), which run whatever their arguments say. Even then their arguments are never templated: parameters reach them only through env.',
          ),
      })
      .prefault({}),
    kubectl: z
      .strictObject({
        path: z
          .string({ error: 'expected the kubectl executable (name on PATH or absolute path)' })
          .min(1)
          .default('kubectl')
          .describe('The kubectl executable (name on PATH or absolute path).'),
        namespaces: z
          .array(z.string().min(1), { error: 'expected a list of namespaces' })
          .default([])
          .describe('When set, kubectl steps may only name these namespaces.'),
      })
      .prefault({}),
    secretEnv: z
      .array(z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'expected an environment variable name' }), {
        error: 'expected a list of environment variable names',
      })
      .default([])
      .describe(
        'Environment variables that runbooks may reference as secrets (http headers); others are refused at load.',
      ),
    maxOutputBytes: whole('bytes', 1024, 16 * 1_048_576)
      .default(65_536)
      .describe('Output kept per step (bytes), after which it is cut with a note.'),
    maxParamLength: whole('characters', 1, 4096)
      .default(256)
      .describe('The longest parameter value accepted (characters); a parameter may set a lower maxLength.'),
  })
  .superRefine((r, ctx) => {
    if (r.command.allowProgramRunners) return;
    const refuse = (path: (string | number)[], executable: string) =>
      ctx.addIssue({
        code: 'custom',
        path,
        message: `${executable} runs its arguments as a program (a shell, interpreter or wrapper), so a runbook could run anything: allow the tools themselves, or set runbooks.command.allowProgramRunners: true (dangerous, see docs/runbooks.md)`,
      });
    r.command.allow.forEach((x, i) => {
      if (isProgramRunner(x)) refuse(['command', 'allow', i], x);
    });
    if (isProgramRunner(r.kubectl.path)) refuse(['kubectl', 'path'], r.kubectl.path);
  })
  .prefault({});

export type RunbooksConfig = z.infer<typeof runbooksConfigSchema>;
