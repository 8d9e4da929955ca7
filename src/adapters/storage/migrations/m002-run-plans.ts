import type { Migration } from './migration.ts';

/**
 * Runbook runs keep their plan (the resolved parameters and every rendered step, as canonical
 * JSON) so a step can be re-rendered and compared with its approved hash by any replica after a
 * restart; pending approval requests are found by expiry.
 */
export const m002RunPlans: Migration = {
  version: 2,
  name: 'run plans',
  statements: () => [
    'ALTER TABLE runs ADD COLUMN plan TEXT',
    'CREATE INDEX approval_requests_pending ON approval_requests (state, expires_at)',
  ],
};
