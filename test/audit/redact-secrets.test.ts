import { describe, expect, it } from 'vitest';
import { externalizePayloads } from '../../src/core/audit/externalize-payloads.ts';
import { redactSecrets, redactText } from '../../src/core/audit/redact-secrets.ts';

describe('redactSecrets', () => {
  it.each([
    ['a Slack bot token', 'token is xoxb-123456789012-abcdefABCDEF', 'token is [REDACTED]'],
    ['a Slack webhook', 'POST https://hooks.slack.com/services/T000/B000/XXXXXXXX', 'POST [REDACTED]'],
    ['a GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', '[REDACTED]'],
    ['an AWS key id', 'AKIAIOSFODNN7EXAMPLE', '[REDACTED]'],
    ['an OpenAI-style key', 'sk-proj-abcdefghijklmnopqrstuvwx', '[REDACTED]'],
    [
      'a JWT',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      '[REDACTED]',
    ],
    ['a bearer header', 'Authorization: Bearer abc.def-ghi_jkl', 'Authorization: Bearer [REDACTED]'],
    ['URL credentials', 'redis://default:p4ssw0rd@cache:6379/0', 'redis://default:[REDACTED]@cache:6379/0'],
    ['a password assignment', 'DB_PASSWORD=hunter22 ./start', 'DB_PASSWORD=[REDACTED] ./start'],
    ['a JSON-ish secret', '{"client_secret": "abc123xyz"}', '{"client_secret": "[REDACTED]"}'],
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- done', '[REDACTED] done'],
  ])('removes %s from text', (_, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('keeps ordinary text, hashes and ids', () => {
    for (const text of [
      'kubectl rollout restart deploy/checkout',
      'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7',
      'promptTokens 412, completionTokens 80',
      'user slack:U123ABC approved step 2',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });

  it('replaces strings under secret-sounding keys, keeps numbers (token counts), walks arrays', () => {
    expect(
      redactSecrets({
        botToken: 'anything',
        headers: { authorization: 'x', cookie: 'y', accept: 'json' },
        password: { nested: 'object' },
        promptTokens: 120,
        tokens: 7,
        list: ['fine', 'password=abcdef'],
      }),
    ).toEqual({
      botToken: '[REDACTED]',
      headers: { authorization: '[REDACTED]', cookie: '[REDACTED]', accept: 'json' },
      password: '[REDACTED]',
      promptTokens: 120,
      tokens: 7,
      list: ['fine', 'password=[REDACTED]'],
    });
  });

  it('removes known secret values wherever they appear, and ignores very short ones', () => {
    expect(
      redactSecrets({ out: 'key is Zq8-SECRET-VALUE, again Zq8-SECRET-VALUE', x: 'abc' }, ['Zq8-SECRET-VALUE', 'abc']),
    ).toEqual({
      out: 'key is [REDACTED], again [REDACTED]',
      x: 'abc',
    });
  });
});

describe('externalizePayloads', () => {
  it('moves strings over the limit (in UTF-8 bytes) out, once each, and leaves the rest', () => {
    const big = 'é'.repeat(600); // 1200 bytes, 600 UTF-16 units
    const r = externalizePayloads({ a: big, b: [big, 'small'], c: 'x'.repeat(1000) }, 1000, true);
    expect(r.payloads).toHaveLength(1);
    expect(r.payloads[0]?.content.length).toBe(1200);
    const ref = { $payload: r.payloads[0]?.hash, bytes: 1200 };
    expect(r.value).toEqual({ a: ref, b: [ref, 'small'], c: 'x'.repeat(1000) });
  });
});
