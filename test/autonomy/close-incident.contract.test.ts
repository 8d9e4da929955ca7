import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPagerDutyPager } from '../../src/adapters/pagerduty/create-pagerduty-pager.ts';
import { closeIncidentAutonomy } from '../../src/app/autonomy/close-incident-autonomy.ts';
import { pageIncident } from '../../src/app/autonomy/page-incident.ts';
import { recordShadowPlans } from '../../src/app/autonomy/record-shadow-plans.ts';
import { catalogOf, runbookTestEnv, T0, testClock } from '../runbooks/support/runbook-harness.ts';
import { BACKENDS } from '../storage/support/backends.ts';
import { startFakePagerDuty } from '../support/fake-pagerduty.ts';
import { AUTO_RUNBOOK, autonomyDeps, reportFor, settableProbe } from './support/autonomy-harness.ts';

describe.each(BACKENDS)('when an incident resolves: $name', (backend) => {
  const env = runbookTestEnv(backend);
  let pd: Awaited<ReturnType<typeof startFakePagerDuty>>;
  beforeEach(async () => {
    pd = await startFakePagerDuty();
  });
  afterEach(async () => pd.close());

  it('its page is resolved with the same dedup key (only if one was sent), and its shadow records get no outcome', async () => {
    const db = await env.fresh();
    const clock = testClock(T0);
    const storage = await db.open({ clock: clock.now });
    const pager = createPagerDutyPager({
      routingKey: '0123456789abcdef0123456789abcdef',
      url: pd.url,
      timeoutMs: 2000,
      maxAttempts: 2,
      backoffMs: 1,
    });
    const a = autonomyDeps(storage, {
      catalog: catalogOf([AUTO_RUNBOOK]),
      path: env.kubectl.path,
      probe: settableProbe(0.01),
      clock,
      pager,
    });
    for (const n of [1, 2]) {
      const report = reportFor(n, { at: T0 });
      const { incident } = await storage.incidents.openOrJoin({
        newId: `INC-${n}`,
        alert: report.alerts[0] as NonNullable<(typeof report.alerts)[0]>,
        at: T0,
        groupKey: `INC-${n}`,
      });
      expect(incident.id).toBe(`INC-${n}`);
      await recordShadowPlans(a, { incidentId: incident.id, report });
    }
    await pageIncident(a, { action: 'trigger', incidentId: 'INC-1', summary: 'not resolved', service: 'checkout' });
    for (const id of ['INC-1', 'INC-2']) {
      await storage.incidents.resolve(id, T0 + 1000);
      await closeIncidentAutonomy(a, { incidentId: id });
    }
    await closeIncidentAutonomy(a, { incidentId: 'INC-1' });
    expect(pd.events.map((e) => [e.event_action, e.dedup_key])).toEqual([
      ['trigger', 'causeway/INC-1'],
      ['resolve', 'causeway/INC-1'],
    ]);
    expect((await storage.autonomy.shadowsOf('INC-2')).map((s) => s.outcome)).toEqual(['no-outcome']);
    const pages = (await storage.audit.query({ incidentId: 'INC-1' })).filter((r) => r.action === 'page.sent');
    expect(pages.map((r) => [r.data.event, r.data.outcome])).toEqual([
      ['trigger', 'sent'],
      ['resolve', 'sent'],
    ]);
    expect(JSON.stringify(pages)).not.toContain('0123456789abcdef0123456789abcdef');
  });
});
