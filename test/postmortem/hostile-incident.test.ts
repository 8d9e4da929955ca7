import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { loadIncidentFacts } from '../../src/app/postmortem/load-incident-facts.ts';
import { renderIncidentView } from '../../src/app/postmortem/render-incident-view.ts';
import { buildIncidentTimeline } from '../../src/core/postmortem/build-incident-timeline.ts';
import { buildPostmortem } from '../../src/core/postmortem/build-postmortem.ts';
import { redactFacts } from '../../src/core/postmortem/redact-facts.ts';
import { renderPostmortemMarkdown } from '../../src/core/postmortem/render-postmortem-markdown.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { triageFiles } from '../support/elasticsearch.ts';

const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const SECRET = 'sk-live-hostile-0123456789abcdefghijkl';
const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
let storage: Storage;
let id: string;

beforeAll(async () => {
  const opened = await openStorage('sqlite::memory:', { clock: Date.now, audit: { knownSecrets: [SECRET] } });
  if (!opened.ok) throw new Error(opened.error.message);
  storage = opened.value;
  const report = await triageFiles(EXAMPLE);
  const alert = {
    ...(report.alerts[0] as (typeof report.alerts)[number]),
    name: HOSTILE,
    annotations: { summary: `call with password=${SECRET} failed ${HOSTILE}` },
  };
  const t0 = Date.now();
  const { incident } = await storage.incidents.openOrJoin({ newId: 'INC-hostile', alert, at: t0 });
  id = incident.id;
  await storage.incidents.saveTriage(id, {
    at: Date.now(),
    report: { ...report, alerts: [alert], summary: `${HOSTILE} ${SECRET}` },
  });
  await storage.audit.append({
    actor: 'system',
    action: 'incident.opened',
    subject: `incident:${id}`,
    data: { incidentId: id, title: HOSTILE, note: `token ${SECRET}` },
  });
  await storage.incidents.resolve(id, t0 + 60_000);
}, 60_000);

afterAll(async () => storage?.close());

describe('text from alerts and logs cannot form markup, and no secret reaches a page or a draft', () => {
  const deps = () => ({ storage, checkpointKey: undefined, secrets: [SECRET], slo: { target: 0.999, windowDays: 30 } });

  it('the page and the HTML draft escape everything and redact the secrets', async () => {
    for (const view of ['page', 'report.html'] as const) {
      const r = await renderIncidentView(deps(), id, view, '?sig=x');
      if (!r.ok) throw new Error(r.error.message);
      const html = String(r.value.body);
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain(SECRET);
    }
  });

  it('the Markdown draft backslashes markup and redacts the secrets', async () => {
    const f = await loadIncidentFacts(storage, id);
    if (!f.ok) throw new Error(f.error.message);
    const facts = redactFacts(f.value, [SECRET]);
    const md = renderPostmortemMarkdown(buildPostmortem(facts, buildIncidentTimeline(facts), { sloTarget: 0.999 }));
    expect(md).not.toMatch(/(?<!\\)<script>/);
    expect(md).toContain('\\<script\\>');
    expect(md).not.toContain(SECRET);
    expect(md).toMatch(/\*\*error budget\*\*: 1m 00s of 43m 12s \(2\.3 % of a 30-day budget at 99\.9 %/);
  });

  it('an unknown incident is a 404, not a page', async () => {
    const r = await renderIncidentView(deps(), 'INC-nope', 'page', '');
    expect(r).toEqual({ ok: false, error: { status: 404, message: 'No incident INC-nope.' } });
  });
});
