import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../../src/core/formats/first-invalid-utf8.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const decodes = (b: Uint8Array) => {
  try {
    strict.decode(b);
    return true;
  } catch {
    return false;
  }
};

describe('findInvalidUtf8', () => {
  it('finds the first bad byte of known cases', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
    expect(at(0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x9a, 0xa8)).toBe(-1); // A é € 🚨
    expect(at(0x41, 0xf4, 0x90, 0x80, 0x80)).toBe(1); // above U+10FFFF
    expect(at(0x41, 0x42, 0xe0, 0x80, 0xaf)).toBe(2); // overlong
    expect(at(0x80)).toBe(0); // a lone continuation byte
    expect(at(0x41, 0xf0, 0x9f, 0x9a)).toBe(1); // truncated at the end
  });

  it('agrees with a strict decoder on random bytes, and the bytes before the offset decode', () => {
    let seed = 16;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 5000; n++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rand() * 12) }, () =>
        rand() < 0.5 ? Math.floor(rand() * 0x80) : 0x80 + Math.floor(rand() * 0x80),
      );
      const i = firstInvalidUtf8(bytes);
      expect(i === -1, Buffer.from(bytes).toString('hex')).toBe(decodes(bytes));
      if (i >= 0) expect(decodes(bytes.subarray(0, i))).toBe(true);
    }
  });
});
