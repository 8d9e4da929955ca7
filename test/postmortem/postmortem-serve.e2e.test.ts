import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPageToken } from '../../src/core/postmortem/page-token.ts';
import { waitFor } from '../serve/support/wait-for.ts';
import { runCauseway } from '../support/run-causeway.ts';
import {
  type DrivenIncident,
  driveIncidentThroughServe,
  INCIDENTS,
  PAGE_KEY,
} from './support/incident-through-serve.ts';

let it_: DrivenIncident;

beforeAll(async () => {
  it_ = await driveIncidentThroughServe();
}, 120_000);

afterAll(async () => {
  await it_?.close();
});

const text = (blocks: unknown) => JSON.stringify(blocks);

describe('after an incident driven through serve and the local Slack: timeline, report, page', () => {
  it('the Timeline button posts the timeline, its durations and a signed page link in the thread', async () => {
    const { slack, incidentId } = it_;
    expect(await it_.click('causeway_timeline', 'U0ONCALL')).toBe(200);
    const posted = await waitFor('the timeline in the thread', async () =>
      slack.messages.find((m) => m.channel === INCIDENTS && m.thread_ts && /Timeline of/.test(m.text)),
    );
    const t = text(posted.blocks);
    expect(t).toContain(`Timeline of ${incidentId}`);
    expect(t).toMatch(/time to first hypothesis \(alert received → first ranking\): \*\d+s\*/);
    expect(t).toMatch(/incident opened: /);
    expect(t).toMatch(/ranking 1: \d+ hypotheses, leading quoterservice \(deploy\)/);
    expect(t).toMatch(/slack:U0ONCALL marked hypothesis \S+ 👍 right/);
    expect(t).toMatch(/incident resolved \(every alert resolved\)/);
    expect(t).toMatch(/_\(#\d+\)_/);
    const link = /<(https:\/\/causeway\.example\.test\/incidents\/[^|>]+)\|Open the incident page>/.exec(t)?.[1];
    expect(link).toBeDefined();
    // The link opens the page on serve (same path and signature, serve's own address).
    const url = new URL((link as string).replace(/&amp;/g, '&'));
    const page = await fetch(`${it_.serve.url}${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Hypotheses and evidence');
  });

  it('causeway incident timeline --json gives the entries with their records and the four durations', async () => {
    const r = await runCauseway(['incident', 'timeline', it_.incidentId, '--json', '--db', `sqlite:${it_.db}`], {});
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      durationsMs: Record<string, number | null>;
      entries: { kind: string; audit?: number; evidence?: string }[];
    };
    expect(j.durationsMs.firstHypothesis).toBeGreaterThanOrEqual(0);
    expect(j.durationsMs.resolve).toBeGreaterThan(0);
    expect(j.durationsMs.detect).toBeGreaterThanOrEqual(0);
    expect(j.durationsMs.mitigate).toBeNull();
    const kinds = j.entries.map((e) => e.kind);
    for (const k of ['alert', 'opened', 'onset', 'source', 'hypotheses', 'feedback', 'resolved'])
      expect(kinds).toContain(k);
    expect(j.entries.filter((e) => e.kind !== 'onset').every((e) => e.audit !== undefined)).toBe(true);
    expect(j.entries.find((e) => e.kind === 'hypotheses')?.evidence).toMatch(/quoterservice/);
  });

  it('causeway incident report gives the Markdown and HTML drafts: confirmed root cause, runner-up, follow-ups', async () => {
    const md = await runCauseway(['incident', 'report', it_.incidentId, '--db', `sqlite:${it_.db}`], {});
    expect(md.code, md.stderr).toBe(0);
    for (const h of ['## Summary', '## Impact', '## Root cause', '## Timeline', '## What was done', '## Follow-ups'])
      expect(md.stdout).toContain(h);
    expect(md.stdout).toMatch(/quoterservice \(deploy, gl-deploy-94201\).*confirmed by feedback/);
    expect(md.stdout).toMatch(/Runner-up: /);
    expect(md.stdout).toMatch(/- \[ \] /);
    const html = await runCauseway(
      ['incident', 'report', it_.incidentId, '--format', 'html', '--db', `sqlite:${it_.db}`],
      {},
    );
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('<h2>Root cause</h2>');
    expect(html.stdout).not.toMatch(/<script/i);
  });

  it('the page answers 403 to a forged, expired, other-incident or missing token, and never shows a secret', async () => {
    const { serve, incidentId } = it_;
    const path = `${serve.url}/incidents/${incidentId}`;
    const good = signPageToken(PAGE_KEY, incidentId, Date.now() + 60_000);
    const ok = await fetch(`${path}?sig=${encodeURIComponent(good)}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const body = await ok.text();
    for (const secret of Object.entries(it_.env).filter(([k]) => /TOKEN|SECRET|KEY/.test(k)))
      expect(body, secret[0]).not.toContain(secret[1]);
    const forged = signPageToken('another-key-entirely-0123456789abcdef', incidentId, Date.now() + 60_000);
    const expired = signPageToken(PAGE_KEY, incidentId, Date.now() - 1000);
    const other = signPageToken(PAGE_KEY, 'inc-other', Date.now() + 60_000);
    for (const sig of [forged, expired, other, '', 'garbage', `${good.split('.')[0]}.${'A'.repeat(43)}`]) {
      const r = await fetch(`${path}${sig ? `?sig=${encodeURIComponent(sig)}` : ''}`);
      expect(r.status, sig).toBe(403);
      expect(await r.text()).not.toContain('Hypotheses');
    }
    const md = await fetch(`${path}/report.md?sig=${encodeURIComponent(good)}`);
    expect(md.status).toBe(200);
    expect(await md.text()).toContain('## Root cause');
    expect((await fetch(`${path}/report.md?sig=${encodeURIComponent(expired)}`)).status).toBe(403);
  });

  it('the user header of a trusted proxy opens nothing while it is not enabled (enabled: the Chromium test)', async () => {
    const r = await fetch(`${it_.serve.url}/incidents/${it_.incidentId}`, { headers: { 'x-forwarded-user': 'alice' } });
    expect(r.status).toBe(403);
  });

  it('the fault recurs: the new incident message says it was seen before, with the confirmed cause', async () => {
    const { slack, incidentId } = it_;
    const second = await it_.fireAgain();
    expect(second).not.toBe(incidentId);
    const message = await waitFor(
      'the second incident message with "Seen before"',
      async () =>
        slack.messages.find(
          (m) =>
            m.channel === INCIDENTS &&
            !m.thread_ts &&
            text(m.blocks).includes('Seen before') &&
            text(m.blocks).includes(second),
        ),
      60_000,
    );
    const t = text(message.blocks);
    expect(t).toContain(`\`${incidentId}\``);
    expect(t).toMatch(/cause quoterservice \(deploy\) 👍/);
    expect(t).toMatch(/similarity (?:0\.\d\d|1\.00)/);
  });

  it('causeway stats counts the incidents, the medians, the confirmed leading hypotheses and the runs', async () => {
    const r = await runCauseway(['stats', '--since', '1d', '--json', '--db', `sqlite:${it_.db}`], {});
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as {
      incidents: number;
      resolved: number;
      medianFirstHypothesisMs: number;
      medianResolveMs: number;
      topConfirmed: { confirmed: number; ranked: number };
    };
    expect(s.incidents).toBe(2);
    expect(s.resolved).toBe(1);
    expect(s.medianFirstHypothesisMs).toBeGreaterThanOrEqual(0);
    expect(s.medianResolveMs).toBeGreaterThan(0);
    expect(s.topConfirmed.confirmed).toBe(1);
    const text = await runCauseway(['stats', '--db', `sqlite:${it_.db}`], {});
    expect(text.stdout).toMatch(/incidents\s+2 \(1 resolved\)/);
    expect(text.stdout).toMatch(/leading hypothesis confirmed \(👍 or fix\)\s+50 % \(1 of 2 ranked\)/);
    expect((await runCauseway(['stats', '--since', 'soon', '--db', `sqlite:${it_.db}`], {})).code).toBe(2);
  });
});
