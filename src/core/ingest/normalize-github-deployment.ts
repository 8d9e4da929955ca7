import type { FieldError } from '../formats/field-error.ts';
import type { ChangeEvent } from '../model/change-event.ts';
import type { Result } from '../result/result.ts';
import { jsonFields as J } from './json-fields.ts';
import type { NormalizedDelivery } from './normalized-delivery.ts';

const STATUS: Readonly<Record<string, string>> = {
  success: 'succeeded',
  failure: 'failed',
  error: 'failed',
  inactive: 'superseded',
  in_progress: 'in_progress',
  queued: 'in_progress',
  pending: 'in_progress',
};
const FINAL = new Set(['success', 'failure', 'error']);

/**
 * A GitHub `deployment_status` event (`X-GitHub-Event: deployment_status`) → one change event
 * `gh-deploy-<deployment id>` (each status update replaces the previous one). The service is
 * `deployment.payload.service` when the workflow sets it, else the repository name; the version
 * is `deployment.payload.version`, else the ref. Other events (ping, push …) are ignored.
 */
export function normalizeGithubDeployment(
  doc: unknown,
  event: string | undefined,
): Result<NormalizedDelivery, FieldError> {
  if (event !== undefined && event !== 'deployment_status')
    return { ok: true, value: { kind: 'ignored', reason: `GitHub event ${event} is not a deployment_status` } };
  if (!J.isObject(doc)) return J.fail('(document)', 'expected a JSON object (a GitHub deployment_status event)');
  const st = doc.deployment_status;
  if (!J.isObject(st)) return J.fail('deployment_status', 'missing or not an object');
  const dep = doc.deployment;
  if (!J.isObject(dep)) return J.fail('deployment', 'missing or not an object');
  const id = J.text(dep.id);
  if (!id) return J.fail('deployment.id', 'missing');
  const state = J.text(st.state);
  if (!state || !(state in STATUS))
    return J.fail('deployment_status.state', `${JSON.stringify(st.state)} is not a GitHub deployment state`);
  const created = J.time(dep.created_at, 'rfc3339', 'deployment.created_at');
  if (!created.ok) return created;
  const startedAt = created.value;
  const updatedField = st.updated_at !== undefined ? 'updated_at' : 'created_at';
  let updated: number | undefined;
  if (st[updatedField] !== undefined && st[updatedField] !== null) {
    const t = J.time(st[updatedField], 'rfc3339', `deployment_status.${updatedField}`);
    if (!t.ok) return t;
    updated = t.value;
  }
  const payload = J.isObject(dep.payload) ? dep.payload : {};
  const repo = J.isObject(doc.repository) ? doc.repository : {};
  const service = J.text(payload.service) ?? J.text(repo.name);
  if (!service) return J.fail('repository.name', 'missing, and deployment.payload.service is not set either');
  const creator = J.isObject(dep.creator) ? J.text(dep.creator.login) : undefined;
  const change: ChangeEvent = {
    id: `gh-deploy-${id}`,
    type: payload.rollback === true || /rollback/i.test(J.text(dep.task) ?? '') ? 'rollback' : 'deploy',
    service,
    startedAt,
    finishedAt: FINAL.has(state) ? updated : undefined,
    environment: J.text(st.environment) ?? J.text(dep.environment),
    version: J.text(payload.version) ?? J.text(dep.ref),
    previousVersion: J.text(payload.previousVersion) ?? J.text(payload.previous_version),
    status: STATUS[state],
    author: creator,
    commit: J.text(dep.sha)?.slice(0, 12),
    url: J.text(st.target_url) ?? J.text(st.log_url) ?? J.text(dep.url),
    description: J.text(st.description) ?? J.text(dep.description),
  };
  return { ok: true, value: { kind: 'changes', changes: [change] } };
}
