import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { autonomySettingsFromConfig } from '../../src/core/autonomy/autonomy-settings-from-config.ts';
import { runCauseway } from '../support/run-causeway.ts';
import { AUTO_RUNBOOK } from './support/autonomy-harness.ts';

const T0 = Date.UTC(2026, 6, 13, 18, 0, 0);

describe('causeway autonomy report', () => {
  it('prints each runbook’s track record and eligibility, as a table and as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'causeway-autonomy-report-'));
    writeFileSync(join(dir, 'restart-auto.yaml'), AUTO_RUNBOOK);
    const db = join(dir, 'causeway.db');
    const opened = await openStorage(`sqlite:${db}`, { clock: () => T0 });
    if (!opened.ok) throw new Error(opened.error.message);
    const s = opened.value;
    for (let i = 1; i <= 4; i++) {
      const { record } = await s.autonomy.recordShadow({
        id: `s${i}`,
        incidentId: `INC-${i}`,
        runbookId: 'restart-auto',
        hypothesisId: `h${i}`,
        service: 'checkout',
        kind: 'resource_exhaustion',
        probability: 0.9,
        planHash: 'sha256:p',
        steps: [{ index: 0, id: 'restart', hash: 'sha256:s' }],
        recordedAt: T0 + i,
      });
      if (i < 4) await s.autonomy.score(record.id, i === 3 ? 'disagreed' : 'agreed', 'test', T0 + 10);
    }
    await s.autonomy.pause({ scope: 'checkout', by: 'slack:U0SRE1', reason: 'game day', at: T0 });
    await s.close();

    const text = await runCauseway(['autonomy', 'report', '--dir', dir, '--db', db], {}, dir);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/restart-auto\s+autonomous\s+4\s+3\s+66\.7%\s+50%\s+no/);
    expect(text.stdout).toContain('restart-auto: 3 of 10 scored shadow incidents; agreement 66.7% below 90%');
    expect(text.stdout).toContain('checkout by slack:U0SRE1 since 2026-07-13T18:00:00.000Z: game day');

    const json = await runCauseway(['autonomy', 'report', '--json', '--dir', dir, '--db', db], {}, dir);
    expect(JSON.parse(json.stdout)).toEqual({
      runbooks: [
        {
          runbook: 'restart-auto',
          title: 'Restart a leaking service',
          level: 'autonomous',
          incidents: 4,
          scored: 3,
          agreed: 2,
          disagreed: 1,
          agreement: 2 / 3,
          precision: 0.5,
          eligible: false,
          whyNot: ['3 of 10 scored shadow incidents', 'agreement 66.7% below 90%'],
          earnedBy: 's2',
        },
      ],
      pauses: [{ scope: 'checkout', by: 'slack:U0SRE1', reason: 'game day', at: '2026-07-13T18:00:00.000Z' }],
    });
    expect((await runCauseway(['autonomy', 'nonsense'], {}, dir)).code).toBe(2);
  });

  it('reads the autonomy configuration: defaults, change freezes, and their mistakes', () => {
    const ok = loadConfig({
      env: {},
      file: {
        path: 'c.yaml',
        text: `autonomy:
  minIncidents: 5
  freezes:
    - {from: '2026-12-24T00:00:00Z', to: '2026-12-27T00:00:00Z', reason: holidays}
`,
      },
    });
    if (!ok.ok) throw new Error(JSON.stringify(ok.error));
    expect(autonomySettingsFromConfig(ok.value.autonomy)).toEqual({
      enabled: true,
      minIncidents: 5,
      minAgreement: 0.9,
      minProbability: 0.8,
      maxRunsPerServicePerHour: 1,
      countdownMs: 60_000,
      freezes: [{ from: Date.UTC(2026, 11, 24), to: Date.UTC(2026, 11, 27), services: [], reason: 'holidays' }],
    });
    const off = loadConfig({ env: { CAUSEWAY_AUTONOMY_ENABLED: 'false' } });
    expect(off.ok && off.value.autonomy.enabled).toBe(false);
    const bad = loadConfig({
      env: {},
      file: {
        path: 'c.yaml',
        text: `autonomy:
  minAgreement: 1.5
  freezes:
    - {from: '2026-12-27T00:00:00Z', to: '2026-12-24T00:00:00Z'}
`,
      },
    });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad.ok ? '' : bad.error)).toMatch(/minAgreement[\s\S]*between 0 and 1/);
    expect(JSON.stringify(bad.ok ? '' : bad.error)).toContain('to must be after from');
  });
});
