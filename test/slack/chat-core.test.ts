import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAlertPost } from '../../src/core/chat/alerts/build-alert-post.ts';
import { parseAlertMessage } from '../../src/core/chat/alerts/parse-alert-message.ts';
import { prometheusFingerprint } from '../../src/core/chat/alerts/prometheus-fingerprint.ts';
import { buildEvidenceMessages } from '../../src/core/chat/build-evidence-messages.ts';
import { buildIncidentMessage } from '../../src/core/chat/build-incident-message.ts';
import { parseSlashCommand } from '../../src/core/chat/parse-slash-command.ts';
import { truncateText } from '../../src/core/chat/truncate-text.ts';
import { validateMessage } from '../../src/core/chat/validate-message.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';
import {
  alertmanagerDefaultMessage,
  alertmanagerLabelledMessage,
  datadogMessage,
  grafanaMessage,
  pagerdutyMessage,
} from './alert-messages.ts';

const payload = JSON.parse(readFileSync(new URL('../../examples/webshop-deploy/alert.json', import.meta.url), 'utf8'));
const ctx = { serviceLabels: ['service', 'app', 'job'], receivedAt: Date.UTC(2026, 6, 13, 18, 11) };

describe('alert messages from integrations', () => {
  it("Alertmanager, labelled template: each alert's fingerprint is Alertmanager's own", () => {
    const n = parseAlertMessage(alertmanagerLabelledMessage(payload, '1.1', 'C1'), ctx);
    expect(n).toMatchObject({ integration: 'alertmanager', state: 'firing' });
    expect(n?.alerts[0]).toMatchObject({
      fingerprint: '4400d65348a700ba',
      service: 'shippingservice',
      name: 'HighErrorLogRate',
    });
    expect(prometheusFingerprint(payload.alerts[0].labels)).toBe('4400d65348a700ba');
  });
  it('Alertmanager, default template: the group, stable across re-notifications; resolved and warning', () => {
    const a = parseAlertMessage(alertmanagerDefaultMessage(payload, '1.1', 'C1'), ctx);
    const b = parseAlertMessage(alertmanagerDefaultMessage(payload, '2.2', 'C1'), ctx);
    expect(a).toMatchObject({ integration: 'alertmanager', state: 'firing', alerts: [{ name: 'HighErrorLogRate' }] });
    expect(a?.alerts[0]?.fingerprint).toBe(b?.alerts[0]?.fingerprint);
    const resolved = {
      ...payload,
      status: 'resolved',
      alerts: payload.alerts.map((x: object) => ({ ...x, status: 'resolved' })),
    };
    const r = parseAlertMessage(alertmanagerDefaultMessage(resolved, '3.3', 'C1'), ctx);
    expect(r?.state).toBe('resolved');
    expect(r?.alerts[0]?.fingerprint).toBe(a?.alerts[0]?.fingerprint);
    const warn = { ...payload, commonLabels: { ...payload.commonLabels, severity: 'warning' } };
    expect(parseAlertMessage(alertmanagerDefaultMessage(warn, '4.4', 'C1'), ctx)?.state).toBe('warning');
  });
  it('Grafana: labels, firing/resolved, no-data alerts start nothing', () => {
    const f = parseAlertMessage(grafanaMessage('firing', 'CheckoutErrors', '1.1', 'C1'), ctx);
    expect(f).toMatchObject({
      integration: 'grafana',
      state: 'firing',
      alerts: [{ service: 'checkout', name: 'CheckoutErrors' }],
    });
    expect(parseAlertMessage(grafanaMessage('resolved', 'CheckoutErrors', '1.2', 'C1'), ctx)?.state).toBe('resolved');
    expect(parseAlertMessage(grafanaMessage('firing', 'DatasourceNoData', '1.3', 'C1'), ctx)?.state).toBe('no-data');
  });
  it('Datadog: transition, priority and scope tags', () => {
    const t = parseAlertMessage(
      datadogMessage('[P2] [Triggered on {service:checkout,env:prod}] Checkout error rate', '1.1', 'C1'),
      ctx,
    );
    expect(t).toMatchObject({
      integration: 'datadog',
      state: 'firing',
      alerts: [{ service: 'checkout', labels: { env: 'prod', priority: 'P2' } }],
    });
    const re = parseAlertMessage(
      datadogMessage('[P2] [Re-Triggered on {service:checkout,env:prod}] Checkout error rate', '1.2', 'C1'),
      ctx,
    );
    expect(re?.alerts[0]?.fingerprint).toBe(t?.alerts[0]?.fingerprint);
    expect(
      parseAlertMessage(
        datadogMessage('[Recovered on {service:checkout,env:prod}] Checkout error rate', '1.3', 'C1'),
        ctx,
      )?.state,
    ).toBe('resolved');
    expect(
      parseAlertMessage(datadogMessage('[Warn on {service:checkout}] Checkout error rate', '1.4', 'C1'), ctx)?.state,
    ).toBe('warning');
    expect(
      parseAlertMessage(datadogMessage('[No Data on {service:checkout}] Checkout error rate', '1.5', 'C1'), ctx)?.state,
    ).toBe('no-data');
  });
  it('PagerDuty: one fingerprint per incident; only triggered fires', () => {
    const t = parseAlertMessage(pagerdutyMessage('Triggered', '1.1', 'C1'), ctx);
    expect(t).toMatchObject({
      integration: 'pagerduty',
      state: 'firing',
      alerts: [{ service: 'checkout', name: 'Checkout error rate high' }],
    });
    const a = parseAlertMessage(pagerdutyMessage('Acknowledged', '1.2', 'C1'), ctx);
    expect(a?.state).toBe('acknowledged');
    expect(a?.alerts[0]?.fingerprint).toBe(t?.alerts[0]?.fingerprint);
    expect(parseAlertMessage(pagerdutyMessage('Resolved', '1.3', 'C1'), ctx)?.state).toBe('resolved');
  });
  it("Causeway's own posts read back exactly; people's messages are not alerts", () => {
    const alert = {
      fingerprint: '4400d65348a700ba',
      name: 'HighErrorLogRate',
      status: 'firing' as const,
      service: 'shippingservice',
      labels: payload.alerts[0].labels,
      annotations: { summary: 'shippingservice is logging errors <!channel> & more' },
      startsAt: Date.UTC(2026, 6, 13, 18, 10, 58),
      endsAt: undefined,
      generatorUrl: 'http://prom:9090/graph?g0.expr=up&g0.tab=1',
      source: 'webhook',
    };
    const post = buildAlertPost(alert);
    expect(validateMessage(post)).toEqual([]);
    // Slack escapes &, <, > in the text of message events.
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const n = parseAlertMessage(
      { ts: '1.1', text: esc(post.text), blocks: post.blocks as unknown[], bot_id: 'B0OTHER' },
      ctx,
    );
    expect(n?.integration).toBe('causeway');
    expect(n?.alerts[0]).toMatchObject({
      fingerprint: alert.fingerprint,
      service: 'shippingservice',
      labels: alert.labels,
      startsAt: alert.startsAt,
    });
    expect(parseAlertMessage({ ts: '1.2', text: 'is checkout down? [FIRING] no' }, ctx)).toBeUndefined();
  });
});

describe('Block Kit builders and the limits validator', () => {
  const huge = 'x'.repeat(10_000);
  const ev = (i: number) => ({
    id: `e${i}`,
    source: 'logs' as const,
    kind: 'k',
    service: 'svc',
    summary: `${huge} <@U123> & <!channel>`,
    stance: (i % 2 ? 'refutes' : 'supports') as 'refutes' | 'supports',
    data: {},
    link: `https://kibana.example/app/discover#/?q=${i}&x=<y>`,
  });
  const report: TriageReport = {
    asOf: 0,
    alerts: [],
    windows: { baseline: { from: 0, to: 1 }, incident: { from: 1, to: 2 }, onset: 1, onsetReason: '' },
    sources: {
      logs: { state: 'ok' },
      traces: { state: 'failed', code: 'SOURCE_TIMEOUT', detail: huge },
      changes: { state: 'no-data' },
    },
    hypotheses: Array.from({ length: 40 }, (_, i) => ({
      id: `h${i + 1}`,
      service: `service-${i}-${huge.slice(0, 300)}`,
      kind: 'deploy' as const,
      changeId: `c${i}`,
      score: 100 - i,
      evidence: Array.from({ length: 30 }, (_, j) => ev(j)),
      reasons: Array.from({ length: 10 }, () => ({ rule: 'r', points: 1, text: huge })),
    })),
    confidence: 'high',
    summary: huge,
  };
  it('an oversized triage still renders within every limit, escaped', () => {
    const m = buildIncidentMessage({
      incidentId: 'INC-1',
      alertName: huge,
      service: 'svc',
      startedAt: 0,
      progress: { logs: { state: 'ok' }, traces: { state: 'failed', detail: huge }, changes: { state: 'running' } },
      report,
      narrative: {
        sentences: [
          { text: huge, evidenceIds: ['e0'] },
          { text: 'uncited', evidenceIds: ['nope'] },
        ],
      },
      notifications: 3,
      runbooks: Array.from({ length: 30 }, (_, i) => ({ id: `rb${i}`, title: huge })),
      feedback: { right: 2, wrong: 1, last: { user: 'U1', verdict: 'confirmed' } },
      resolved: false,
    });
    expect(validateMessage(m)).toEqual([]);
    expect(JSON.stringify(m)).not.toContain('<!channel>');
    expect(JSON.stringify(m)).not.toContain('uncited');
    for (const x of buildEvidenceMessages(report.hypotheses, 40)) expect(validateMessage(x)).toEqual([]);
  });
  it('says how confident it is once (the summary carries the words, the emoji the colour)', () => {
    const m = buildIncidentMessage({
      incidentId: 'INC-2',
      alertName: 'HighErrorRate',
      service: 'svc',
      startedAt: 0,
      progress: { logs: { state: 'ok' }, traces: { state: 'ok' }, changes: { state: 'ok' } },
      report: { ...report, summary: 'Most likely (high confidence, p ≈ 92%): a deploy in svc.' },
      notifications: 1,
      runbooks: [],
      resolved: false,
    });
    const text = JSON.stringify(m.blocks);
    expect(text).toContain(':large_green_circle: Most likely (high confidence, p ≈ 92%)');
    expect(text.match(/confidence/gi)).toHaveLength(1);
  });
  it('the validator names each problem', () => {
    const problems = validateMessage({
      text: '',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
        { type: 'section', block_id: 'a', text: { type: 'mrkdwn', text: 's'.repeat(3001) } },
        { type: 'section', block_id: 'a' },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'x', text: { type: 'plain_text', text: 'b'.repeat(76) } },
            { type: 'button', action_id: 'x', text: { type: 'plain_text', text: 'ok' }, value: 'v'.repeat(2001) },
          ],
        },
        ...Array.from({ length: 50 }, () => ({ type: 'divider' as const })),
      ],
    });
    expect(problems.join('\n')).toMatch(/text: empty/);
    expect(problems.join('\n')).toMatch(/54 blocks \(max 50\)/);
    expect(problems.join('\n')).toMatch(/blocks\[0\]\.text: 151 characters \(max 150\)/);
    expect(problems.join('\n')).toMatch(/blocks\[1\]\.text: 3001 characters/);
    expect(problems.join('\n')).toMatch(/"a" is not unique/);
    expect(problems.join('\n')).toMatch(/needs text or fields/);
    expect(problems.join('\n')).toMatch(/action_id: "x" is not unique/);
    expect(problems.join('\n')).toMatch(/value: 2001 characters/);
  });
  it('truncation never splits surrogate pairs, links, entities or code fences', () => {
    expect(truncateText('abc', 10)).toBe('abc');
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
    expect(truncateText('see <https://x.io/a|link> now', 12)).toBe('see…');
    expect(truncateText('a &amp; b', 5)).toBe('a…');
    const t = truncateText(`\`\`\`${'x'.repeat(50)}\`\`\``, 20);
    expect(t.length).toBeLessThanOrEqual(20);
    expect(t.match(/```/g)).toHaveLength(2);
  });
  it('slash commands', () => {
    expect(parseSlashCommand('triage checkout --since 30m')).toEqual({
      kind: 'triage',
      target: 'checkout',
      sinceMs: 1_800_000,
    });
    expect(parseSlashCommand('triage --since 1h30m [FIRING:1] HighErrorRate checkout')).toMatchObject({
      kind: 'triage',
      target: '[FIRING:1] HighErrorRate checkout',
      sinceMs: 5_400_000,
    });
    expect(parseSlashCommand('triage')).toMatchObject({ kind: 'invalid' });
    expect(parseSlashCommand('status INC-1')).toEqual({ kind: 'status', incidentId: 'INC-1' });
    expect(parseSlashCommand('runbooks disk full')).toEqual({ kind: 'runbooks', query: 'disk full' });
    expect(parseSlashCommand('')).toEqual({ kind: 'help' });
  });

  it('reads `run <runbook> <incident> [key=value …]`, quoted values kept whole, and says what is wrong', () => {
    expect(parseSlashCommand('run rollback-last-deploy INC-1 service=checkout reason="bad config push"')).toEqual({
      kind: 'run',
      runbookId: 'rollback-last-deploy',
      incidentId: 'INC-1',
      params: { service: 'checkout', reason: 'bad config push' },
    });
    expect(parseSlashCommand('run scale-out INC-2')).toEqual({
      kind: 'run',
      runbookId: 'scale-out',
      incidentId: 'INC-2',
      params: {},
    });
    expect(parseSlashCommand('run')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('which runbook'),
    });
    expect(parseSlashCommand('run scale-out')).toEqual({
      kind: 'run',
      runbookId: 'scale-out',
      incidentId: undefined,
      params: {},
    });
    expect(parseSlashCommand('run scale-out replicas=3')).toEqual({
      kind: 'run',
      runbookId: 'scale-out',
      incidentId: undefined,
      params: { replicas: '3' },
    });
    expect(parseSlashCommand('run scale-out INC-2 replicas')).toMatchObject({
      message: expect.stringContaining('not key=value'),
    });
    expect(parseSlashCommand('run scale-out INC-2 a=1 a=2')).toMatchObject({ message: 'a is given twice' });
    expect(parseSlashCommand('run scale-out INC-2 =3')).toMatchObject({ kind: 'invalid' });
  });
});
