import type { FieldError } from '../formats/field-error.ts';
import type { ChangeEvent } from '../model/change-event.ts';
import type { Result } from '../result/result.ts';
import { jsonFields as J } from './json-fields.ts';
import type { NormalizedDelivery } from './normalized-delivery.ts';

const STATUS: Readonly<Record<string, string>> = {
  Succeeded: 'succeeded',
  Failed: 'failed',
  Error: 'failed',
  Running: 'in_progress',
  Terminating: 'in_progress',
};

/**
 * An Argo CD notification sent with the documented webhook template (docs/webhooks.md: `app`,
 * `service`, `environment`, `revision`, `phase`, `startedAt`, `finishedAt`, `author`, `url`, …) →
 * one change event `argocd-<app>-<revision>`: a sync is a deploy. Running/Succeeded/Failed
 * notifications for one sync update the same event.
 */
export function normalizeArgocd(doc: unknown): Result<NormalizedDelivery, FieldError> {
  if (!J.isObject(doc)) return J.fail('(document)', 'expected a JSON object (the Argo CD webhook template body)');
  const app = J.text(doc.app);
  if (!app) return J.fail('app', 'missing (the template sets it to {{.app.metadata.name}})');
  const revision = J.text(doc.revision);
  if (!revision)
    return J.fail('revision', 'missing (the template sets it to {{.app.status.operationState.syncResult.revision}})');
  const started = J.time(
    doc.startedAt,
    'rfc3339-or-epoch',
    'startedAt',
    'the template sets it to {{.app.status.operationState.startedAt}}',
  );
  if (!started.ok) return started;
  const startedAt = started.value;
  let finishedAt: number | undefined;
  if (J.text(doc.finishedAt) !== undefined) {
    const finished = J.time(doc.finishedAt, 'rfc3339-or-epoch', 'finishedAt');
    if (!finished.ok) return finished;
    finishedAt = finished.value;
  }
  const phase = J.text(doc.phase);
  if (phase !== undefined && !(phase in STATUS))
    return J.fail(
      'phase',
      `${JSON.stringify(phase)} is not an Argo CD operation phase (Running, Succeeded, Failed, Error)`,
    );
  const change: ChangeEvent = {
    id: `argocd-${app}-${revision.slice(0, 12)}`,
    type: 'deploy',
    service: J.text(doc.service) ?? app,
    startedAt,
    finishedAt,
    environment: J.text(doc.environment),
    version: J.text(doc.version) ?? revision.slice(0, 12),
    previousVersion: J.text(doc.previousVersion),
    status: phase ? STATUS[phase] : undefined,
    author: J.text(doc.author),
    commit: revision.slice(0, 12),
    url: J.text(doc.url),
    description:
      J.text(doc.message) ?? `Argo CD sync of ${app}${J.text(doc.project) ? ` (project ${J.text(doc.project)})` : ''}`,
  };
  return { ok: true, value: { kind: 'changes', changes: [change] } };
}
