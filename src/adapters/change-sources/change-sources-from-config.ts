import type { Config } from '../../core/config/config-schema.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';
import { argocdSource } from './argocd-source.ts';
import { genericChangeSource } from './generic-change-source.ts';
import { githubDeploymentSource } from './github-deployment-source.ts';

/** The change webhook sources that have a secret configured. */
export function changeSourcesFromConfig(config: Readonly<Config>): WebhookSource[] {
  const w = config.webhooks;
  const out: WebhookSource[] = [];
  if (w.github.secret) out.push(githubDeploymentSource(w.github.secret));
  if (w.argocd.token) out.push(argocdSource(w.argocd.token));
  if (w.changes.hmacSecret || w.changes.token)
    out.push(
      genericChangeSource({ hmacSecret: w.changes.hmacSecret, token: w.changes.token }, w.replayWindowSeconds * 1000),
    );
  return out;
}
