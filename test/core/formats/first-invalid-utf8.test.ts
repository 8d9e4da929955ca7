import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../../src/core/formats/first-invalid-utf8.ts';

describe('firstInvalidUtf8', () => {
  it('is -1 for valid UTF-8 (ASCII, 2-, 3- and 4-byte characters, the edges of each range)', () => {
    for (const s of ['', 'plain', 'é', '✓', '😀', '\u0080\u07ff\u0800\uffff', '\u{10000}\u{10ffff}', 'a\ud7ffb\ue000'])
      expect(firstInvalidUtf8(Buffer.from(s)), JSON.stringify(s)).toBe(-1);
  });

  it('gives the offset of the sequence that is not well formed', () => {
    const at = (bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
    expect(at([0x61, 0x80])).toBe(1); // a lone continuation byte
    expect(at([0x61, 0x62, 0xc0, 0xaf])).toBe(2); // overlong '/'
    expect(at([0xe0, 0x80, 0xaf])).toBe(0); // overlong 3-byte form
    expect(at([0x61, 0xed, 0xa0, 0x80])).toBe(1); // a UTF-16 surrogate
    expect(at([0xf4, 0x90, 0x80, 0x80])).toBe(0); // above U+10FFFF
    expect(at([0xf5, 0x80, 0x80, 0x80])).toBe(0);
    expect(at([0x61, 0xe2, 0x82])).toBe(1); // truncated at the end
    expect(at([0xe2, 0x82, 0x61])).toBe(0); // truncated before ASCII
    expect(at([0xff])).toBe(0);
  });

  it('agrees with node:buffer isUtf8 on many random byte strings, and the bytes before the offset are valid', () => {
    let s = 11;
    const next = () => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s;
    };
    // Biased towards bytes that start or continue multi-byte sequences.
    const pool = [
      0x61, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
    ];
    for (let n = 0; n < 20_000; n++) {
      const bytes = Uint8Array.from({ length: 1 + (n % 7) }, () => pool[next() % pool.length] as number);
      const at = firstInvalidUtf8(bytes);
      expect(at === -1, Buffer.from(bytes).toString('hex')).toBe(isUtf8(bytes));
      if (at >= 0) expect(isUtf8(bytes.subarray(0, at)), Buffer.from(bytes).toString('hex')).toBe(true);
    }
  });
});
