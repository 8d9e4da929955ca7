import type { Config } from './config-schema.ts';

/**
 * Whether the configuration sets any of the runbook policy a deployment owns: the executors'
 * allowlists (HTTP hosts, commands, kubectl namespaces, secret variables) or approver groups.
 * Without any, `runbooks validate` can check only the runbooks' own structure.
 */
export function runbookPolicyConfigured(config: Readonly<Config>): boolean {
  const r = config.runbooks;
  return (
    r.http.allowHosts.length > 0 ||
    r.command.allow.length > 0 ||
    r.kubectl.namespaces.length > 0 ||
    r.secretEnv.length > 0 ||
    Object.keys(r.approval.groups).length > 0 ||
    r.approval.defaultFrom.length > 0
  );
}
