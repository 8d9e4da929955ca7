import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/audit/canonical-json.ts';
import { canonicalRecordText } from '../../src/core/audit/canonical-record-text.ts';
import { toJsonValue } from '../../src/core/audit/to-json-value.ts';
import type { JsonValue } from '../../src/core/model/json-value.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth by UTF-16 code units and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, A: true, é: 'x', '10': 0, '9': 0 })).toBe(
      '{"10":0,"9":0,"A":true,"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1,"é":"x"}',
    );
  });

  it('writes numbers and strings as ECMAScript does (the RFC 8785 forms)', () => {
    expect(canonicalJson([1.5, -0, 1e21, 1e-7, 2 ** 53, 0.1 + 0.2])).toBe(
      '[1.5,0,1e+21,1e-7,9007199254740992,0.30000000000000004]',
    );
    expect(canonicalJson('tab\there "quote" \\ \u0001 ✓ \u2028')).toBe(
      '"tab\\there \\"quote\\" \\\\ \\u0001 ✓ \u2028"',
    );
  });

  it('is the same text for equal values built in any key order', () => {
    const a = { x: 1, y: { p: [1, 2], q: 'q' } };
    const b = { y: { q: 'q', p: [1, 2] }, x: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(JSON.parse(canonicalJson(a)) as JsonValue)).toBe(canonicalJson(a));
  });

  it('canonicalRecordText equals the canonical JSON of the record without its hash', () => {
    const record = {
      seq: 42,
      at: '2025-01-01T00:00:00.000Z',
      actor: 'slack:U1',
      action: 'approval.granted',
      subject: 'run:r1/step:"2"',
      data: { stepHash: 'sha256:bb', n: [1, 'ü'] },
      prevHash: 'ab'.repeat(32),
    };
    expect(canonicalRecordText({ ...record, dataJson: canonicalJson(record.data) })).toBe(canonicalJson(record));
  });
});

describe('toJsonValue', () => {
  it('sees values as JSON.stringify does, but keeps bigints as strings and cuts cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'c' };
    cyclic.self = cyclic;
    expect(
      toJsonValue({
        u: undefined,
        f: () => 1,
        n: Number.NaN,
        i: Number.POSITIVE_INFINITY,
        big: 12345678901234567890n,
        d: new Date(Date.UTC(2025, 0, 1)),
        arr: [undefined, 1],
        m: new Map([['k', 1]]),
        s: new Set([1, 2]),
        cyclic,
      }),
    ).toEqual({
      n: null,
      i: null,
      big: '12345678901234567890',
      d: '2025-01-01T00:00:00.000Z',
      arr: [null, 1],
      m: { k: 1 },
      s: [1, 2],
      cyclic: { name: 'c', self: '[circular]' },
    });
  });
});
