import { describe, expect, it } from 'vitest';
import { seenBeforeSummaryCodec } from '../../../src/core/formats/seen-before-summary-codec.ts';
import type { SeenBeforeSummary } from '../../../src/core/storage/seen-before-store.ts';

const summary: SeenBeforeSummary = {
  title: 'HighErrorRate',
  service: 'checkout',
  cause: 'checkout (deploy)',
  confirmed: true,
  fixedBy: 'rollback-last-deploy',
  rootCause: { service: 'checkout', kind: 'deploy', confirmedBy: 'feedback' },
};

describe('the stored seen-before summary', () => {
  it('reads back what was written, the cause as data included', () => {
    expect(seenBeforeSummaryCodec.decode(seenBeforeSummaryCodec.encode(summary))).toEqual({ ok: true, value: summary });
    const bare: SeenBeforeSummary = {
      title: 't',
      service: undefined,
      cause: undefined,
      confirmed: false,
      fixedBy: undefined,
    };
    expect(seenBeforeSummaryCodec.decode(seenBeforeSummaryCodec.encode(bare))).toEqual({ ok: true, value: bare });
  });

  it('reads a summary kept before the cause was stored as data, without one', () => {
    const old = JSON.stringify({ title: 't', service: 'checkout', cause: 'checkout (deploy)', confirmed: true });
    const r = seenBeforeSummaryCodec.decode(old);
    expect(r).toEqual({
      ok: true,
      value: { title: 't', service: 'checkout', cause: 'checkout (deploy)', confirmed: true, fixedBy: undefined },
    });
    expect(r.ok && 'rootCause' in r.value).toBe(false);
  });

  it('names the wrong field, and says when the text is not JSON', () => {
    const bad = JSON.stringify({ ...summary, rootCause: { ...summary.rootCause, kind: 'gremlins' } });
    const r = seenBeforeSummaryCodec.decode(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('rootCause.kind');
    expect(seenBeforeSummaryCodec.decode('{"title":')).toEqual({
      ok: false,
      error: { field: '(document)', message: 'not JSON' },
    });
    const noTitle = seenBeforeSummaryCodec.decode(JSON.stringify({ confirmed: true }));
    expect(noTitle.ok).toBe(false);
    if (!noTitle.ok) expect(noTitle.error.field).toBe('title');
  });
});
