import { z } from 'zod';
import type { ExecutorDefinition } from '../executor-definition.ts';
import type { ExecutorSettings } from '../executor-settings.ts';
import { literalProblems } from '../literal-problems.ts';
import { parseDuration } from '../parse-duration.ts';
import type { Risk } from '../risk.ts';
import type { RunbookProblem } from '../runbook-problem.ts';
import { shellQuote } from '../shell-quote.ts';
import { fillTemplate } from '../template.ts';
import { zodProblems } from '../zod-problems.ts';

const VERBS = ['rollout undo', 'rollout restart', 'rollout status', 'scale'] as const;
type Verb = (typeof VERBS)[number];

const RISK: Readonly<Record<Verb, Risk>> = {
  'rollout status': 'read',
  'rollout restart': 'low',
  scale: 'low',
  'rollout undo': 'high',
};

const KINDS: Readonly<Record<Verb, RegExp>> = {
  'rollout undo': /^(?:deployment|deploy|statefulset|sts|daemonset|ds)$/,
  'rollout restart': /^(?:deployment|deploy|statefulset|sts|daemonset|ds)$/,
  'rollout status': /^(?:deployment|deploy|statefulset|sts|daemonset|ds)$/,
  scale: /^(?:deployment|deploy|statefulset|sts|replicaset|rs)$/,
};

/** A DNS-1123 subdomain (Kubernetes object names) and label (namespaces). */
const NAME = /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

const text = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });
const schema = z.strictObject({
  verb: z.enum(VERBS, { error: `expected one of: ${VERBS.join(', ')}` }),
  resource: text('kind/name, e.g. deployment/{{ params.service }}'),
  namespace: text('a namespace').optional(),
  context: text('a kubeconfig context').optional(),
  replicas: z.union([z.number().int(), z.string()], { error: 'expected a whole number of replicas' }).optional(),
  toRevision: z.union([z.number().int(), z.string()], { error: 'expected a revision number' }).optional(),
  timeout: text('a duration such as 5m').optional(),
});

/**
 * `kubectl`: a `command` with a fixed verb set (rollout undo/restart/status, scale) whose argv is
 * built here, never from a free-form line: `kubectl rollout undo deployment/x --namespace=ns`.
 */
export function kubectlDefinition(settings: ExecutorSettings): ExecutorDefinition {
  const check = (args: Readonly<Record<string, unknown>>): RunbookProblem[] => {
    const parsed = schema.safeParse(args);
    if (!parsed.success) return zodProblems(parsed.error);
    const w = parsed.data;
    const problems = literalProblems(args, ['verb', 'context']);
    const only = (field: keyof typeof w, verbs: readonly Verb[]) => {
      if (w[field] !== undefined && !verbs.includes(w.verb))
        problems.push({ path: [field], message: `only for ${verbs.join(', ')}` });
    };
    only('replicas', ['scale']);
    only('toRevision', ['rollout undo']);
    only('timeout', ['rollout status']);
    if (w.verb === 'scale' && w.replicas === undefined)
      problems.push({ path: ['replicas'], message: 'scale needs replicas' });
    return problems;
  };
  return {
    name: 'kubectl',
    summary: 'kubectl rollout undo/restart/status or scale of one workload (argv built by Causeway)',
    risk: (args) => {
      const v = args.verb;
      return typeof v === 'string' && (VERBS as readonly string[]).includes(v) ? RISK[v as Verb] : 'high';
    },
    check,
    render(args, params) {
      const problems = check(args);
      if (problems.length > 0) return { ok: false, error: problems };
      const w = schema.parse(args);
      const fill = (v: string | number) => (typeof v === 'number' ? String(v) : fillTemplate(v, params));
      const resource = fill(w.resource);
      const [kind = '', name = '', ...more] = resource.split('/');
      if (more.length > 0 || !KINDS[w.verb].test(kind) || !NAME.test(name))
        problems.push({
          path: ['resource'],
          message: `"${resource}" is not kind/name for ${w.verb} (kinds: ${KINDS[w.verb].source.replace(/[\^$()?:]/g, '')}; names are lower-case DNS names)`,
        });
      const argv = [...w.verb.split(' '), resource];
      if (w.namespace !== undefined) {
        const ns = fill(w.namespace);
        if (!NAMESPACE.test(ns)) problems.push({ path: ['namespace'], message: `"${ns}" is not a namespace name` });
        else if (
          settings.checkAllowlists !== false &&
          settings.kubectlNamespaces.length > 0 &&
          !settings.kubectlNamespaces.includes(ns)
        )
          problems.push({
            path: ['namespace'],
            message: `namespace "${ns}" is not in runbooks.kubectl.namespaces (${settings.kubectlNamespaces.join(', ')})`,
          });
        argv.push(`--namespace=${ns}`);
      } else if (settings.checkAllowlists !== false && settings.kubectlNamespaces.length > 0) {
        problems.push({ path: ['namespace'], message: 'runbooks.kubectl.namespaces is set: name the namespace' });
      }
      const whole = (field: 'replicas' | 'toRevision', v: string | number, min: number, max: number) => {
        const s = fill(v);
        const n = /^\d{1,6}$/.test(s) ? Number(s) : Number.NaN;
        if (!(n >= min && n <= max))
          problems.push({ path: [field], message: `"${s}" is not a whole number from ${min} to ${max}` });
        return n;
      };
      if (w.replicas !== undefined) argv.push(`--replicas=${whole('replicas', w.replicas, 0, 1000)}`);
      if (w.toRevision !== undefined) argv.push(`--to-revision=${whole('toRevision', w.toRevision, 1, 1_000_000)}`);
      if (w.timeout !== undefined) {
        const ms = parseDuration(fill(w.timeout));
        if (ms === undefined) problems.push({ path: ['timeout'], message: 'expected a duration such as 5m' });
        else argv.push(`--timeout=${Math.ceil(ms / 1000)}s`);
      }
      if (w.context !== undefined) argv.push(`--context=${w.context}`);
      if (problems.length > 0) return { ok: false, error: problems };
      return {
        ok: true,
        value: {
          action: { executable: settings.kubectlPath, args: argv, env: {} },
          display: [`$ ${['kubectl', ...argv].map(shellQuote).join(' ')}`],
        },
      };
    },
  };
}
