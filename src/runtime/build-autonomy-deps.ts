import { createPagerDutyPager } from '../adapters/pagerduty/create-pagerduty-pager.ts';
import type { AutonomyDeps } from '../app/autonomy/autonomy-deps.ts';
import type { RunbookDeps } from '../app/runbooks/runbook-deps.ts';
import { autonomySettingsFromConfig } from '../core/autonomy/autonomy-settings-from-config.ts';
import type { Config } from '../core/config/config-schema.ts';
import type { Storage } from '../core/storage/storage.ts';

/**
 * Earned autonomy over the runbook engine (docs/autonomy.md): the stores, the gates' settings from
 * `autonomy`, and the PagerDuty pager when `autonomy.pagerduty.routingKey` is set.
 */
export function buildAutonomyDeps(config: Readonly<Config>, storage: Storage, runbook: RunbookDeps): AutonomyDeps {
  const pd = config.autonomy.pagerduty;
  return {
    ...runbook,
    autonomy: storage.autonomy,
    feedback: storage.feedback,
    incidents: storage.incidents,
    pager: pd.routingKey
      ? createPagerDutyPager({
          routingKey: pd.routingKey,
          url: pd.url,
          timeoutMs: pd.timeoutSeconds * 1000,
          maxAttempts: pd.maxAttempts,
        })
      : undefined,
    settings: autonomySettingsFromConfig(config.autonomy),
  };
}
