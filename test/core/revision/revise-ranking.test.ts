import { describe, expect, it } from 'vitest';
import { revisionNote } from '../../../src/core/chat/revision-note.ts';
import type { Hypothesis } from '../../../src/core/model/hypothesis.ts';
import type { TriageReport } from '../../../src/core/model/triage-report.ts';
import { dataShortfall } from '../../../src/core/revision/data-shortfall.ts';
import { reviseRanking } from '../../../src/core/revision/revise-ranking.ts';

const AS_OF = Date.UTC(2026, 10, 20, 14, 20, 40);

function report(o: {
  top?: Pick<Hypothesis, 'service' | 'kind'> & { changeId?: string };
  confidence: TriageReport['confidence'];
  dataTo: number;
}): TriageReport {
  const hypotheses = o.top ? [{ id: 'h1', score: 5, evidence: [], reasons: [], ...o.top } as Hypothesis] : [];
  return {
    asOf: AS_OF,
    alerts: [],
    windows: {
      baseline: { from: AS_OF - 3_600_000, to: AS_OF - 600_000 },
      incident: { from: AS_OF - 600_000, to: o.dataTo },
      onset: AS_OF - 600_000,
      onsetReason: 'test',
    },
    sources: { logs: { state: 'ok' }, traces: { state: 'ok' }, changes: { state: 'ok' } },
    hypotheses,
    confidence: o.confidence,
    summary: 'test',
  };
}

describe('reviseRanking', () => {
  const before = report({
    top: { service: 'frontend', kind: 'error_code' },
    confidence: 'low',
    dataTo: AS_OF - 60_000,
  });

  it('the same leader and confidence with more data: no revision', () => {
    const after = report({ top: { service: 'frontend', kind: 'error_code' }, confidence: 'low', dataTo: AS_OF });
    expect(reviseRanking(before, after, 1)).toBeUndefined();
  });

  it('a new leader: what led before and now, and how much more data', () => {
    const after = report({
      top: { service: 'payment', kind: 'deploy', changeId: 'deploy-payment-42' },
      confidence: 'high',
      dataTo: AS_OF + 60_000,
    });
    const r = reviseRanking(before, after, 1);
    expect(r).toMatchObject({
      revision: 1,
      previous: { top: 'frontend (error_code)', confidence: 'low' },
      current: { top: 'payment (deploy)', confidence: 'high' },
      moreDataMs: 120_000,
    });
    expect(revisionNote(r as NonNullable<typeof r>)).toBe(
      ':arrows_counterclockwise: *Revised with late data* (re-triage 1): 120 s more data, now up to 14:21:40 UTC; leading: frontend (error_code) → *payment (deploy)*; confidence: low → *high*.',
    );
  });

  it('the same leader, another confidence: a revision that names only the confidence', () => {
    const after = report({ top: { service: 'frontend', kind: 'error_code' }, confidence: 'medium', dataTo: AS_OF });
    const r = reviseRanking(before, after, 2);
    expect(r?.current.confidence).toBe('medium');
    expect(revisionNote(r as NonNullable<typeof r>)).toMatch(
      /re-triage 2\): 60 s more data.*; confidence: low → \*medium\*\.$/,
    );
    expect(revisionNote(r as NonNullable<typeof r>)).not.toContain('leading:');
  });

  it('dataShortfall: how far before the as-of time the data ends, never negative', () => {
    expect(dataShortfall(before)).toBe(60_000);
    expect(dataShortfall(report({ confidence: 'none', dataTo: AS_OF + 60_000 }))).toBe(0);
  });
});
