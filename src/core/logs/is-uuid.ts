import { charCodes } from './char-codes.ts';

/** `8-4-4-4-12` hex digits, any case. */
export function isUuid(s: string): boolean {
  if (s.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = s.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!charCodes.isHex(c)) return false;
  }
  return true;
}
