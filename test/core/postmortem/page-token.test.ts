import { describe, expect, it } from 'vitest';
import { signPageToken, verifyPageToken } from '../../../src/core/postmortem/page-token.ts';

const KEY = 'page-token-unit-test-key-0123456789abcdef';
const NOW = Date.UTC(2026, 0, 1);

describe('incident page link tokens', () => {
  it('open one incident until they expire', () => {
    const t = signPageToken(KEY, 'INC-1', NOW + 60_000);
    expect(verifyPageToken(KEY, 'INC-1', t, NOW)).toEqual({ ok: true, value: { expiresAtMs: NOW + 60_000 } });
    expect(verifyPageToken(KEY, 'INC-1', t, NOW + 60_000)).toEqual({ ok: false, error: 'expired' });
    expect(verifyPageToken(KEY, 'INC-2', t, NOW)).toEqual({ ok: false, error: 'forged' });
  });

  it('refuse another key, an edited expiry or MAC, and anything malformed', () => {
    const t = signPageToken(KEY, 'INC-1', NOW + 60_000);
    const [exp, mac] = t.split('.') as [string, string];
    expect(verifyPageToken(`${KEY}x`, 'INC-1', t, NOW)).toEqual({ ok: false, error: 'forged' });
    expect(verifyPageToken(KEY, 'INC-1', `${Number(exp) + 3600}.${mac}`, NOW)).toEqual({ ok: false, error: 'forged' });
    const flipped = `${exp}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    expect(verifyPageToken(KEY, 'INC-1', flipped, NOW)).toEqual({ ok: false, error: 'forged' });
    for (const bad of ['', 'abc', `${exp}.`, `.${mac}`, `${exp}.${mac}=`, `0.${mac}`, `${exp}.${mac}.x`])
      expect(verifyPageToken(KEY, 'INC-1', bad, NOW), bad).toEqual({ ok: false, error: 'malformed' });
  });
});
