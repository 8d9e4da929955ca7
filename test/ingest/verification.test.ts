import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkReplayWindow } from '../../src/core/ingest/check-replay-window.ts';
import { timingSafeEqualText } from '../../src/core/ingest/timing-safe-equal-text.ts';
import { verifyBearer } from '../../src/core/ingest/verify-bearer.ts';
import { verifyHmacSignature } from '../../src/core/ingest/verify-hmac-signature.ts';

const body = new TextEncoder().encode('{"a":1}');
const req = (headers: Record<string, string>) => ({ headers, body, receivedAt: 1_800_000_000_000 });
const sig = (s: string) => createHmac('sha256', s).update(body).digest('hex');

describe('webhook verification primitives', () => {
  it('constant-time text equality handles different lengths', () => {
    expect(timingSafeEqualText('abc', 'abc')).toBe(true);
    expect(timingSafeEqualText('abc', 'abcd')).toBe(false);
    expect(timingSafeEqualText('', '')).toBe(true);
  });

  it('bearer: missing, malformed, wrong, right', () => {
    expect(verifyBearer(req({}), 't0ken-0123456789')).toMatchObject({
      ok: false,
      error: { status: 401, field: 'authorization' },
    });
    expect(verifyBearer(req({ authorization: 'Basic x' }), 't0ken-0123456789').ok).toBe(false);
    expect(verifyBearer(req({ authorization: 'Bearer nope' }), 't0ken-0123456789').ok).toBe(false);
    expect(verifyBearer(req({ authorization: 'Bearer t0ken-0123456789' }), 't0ken-0123456789').ok).toBe(true);
  });

  it('HMAC: any of several candidates (rotation), prefix, upper-case hex', () => {
    const good = sig('s3cret-0123456789');
    expect(verifyHmacSignature('x-sig', `v1=${'0'.repeat(64)},v1=${good}`, 's3cret-0123456789', [body], 'v1=').ok).toBe(
      true,
    );
    expect(
      verifyHmacSignature('x-sig', `sha256=${good.toUpperCase()}`, 's3cret-0123456789', [body], 'sha256=').ok,
    ).toBe(true);
    expect(verifyHmacSignature('x-sig', good, 'other-secret-0123456', [body]).ok).toBe(false);
    expect(verifyHmacSignature('x-sig', 'sha1=abc', 's3cret-0123456789', [body], 'sha256=')).toMatchObject({
      ok: false,
      error: { field: 'x-sig' },
    });
  });

  it('replay window: seconds or milliseconds, past and future, missing', () => {
    const now = 1_800_000_000_000;
    expect(checkReplayWindow(String(now / 1000 - 299), now, 300_000, 'ts').ok).toBe(true);
    expect(checkReplayWindow(String(now - 299_000), now, 300_000, 'ts').ok).toBe(true);
    expect(checkReplayWindow(String(now / 1000 - 301), now, 300_000, 'ts')).toMatchObject({
      ok: false,
      error: { code: 'WEBHOOK_REPLAYED', field: 'ts' },
    });
    expect(checkReplayWindow(String(now / 1000 + 600), now, 300_000, 'ts')).toMatchObject({ ok: false });
    expect(checkReplayWindow(undefined, now, 300_000, 'ts')).toMatchObject({
      ok: false,
      error: { code: 'WEBHOOK_UNAUTHORIZED' },
    });
  });
});
