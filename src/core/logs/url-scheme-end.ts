import { charCodes } from './char-codes.ts';

/**
 * When `s` starts with a URL scheme (`https://`, `jdbc:postgresql://`, `s3://`), the index
 * just after `://`; otherwise 0. A scheme is a letter then letters, digits, `+`, `-`, `.`
 * or `:` (for nested schemes), and something must follow the `://`.
 */
export function urlSchemeEnd(s: string): number {
  const sep = s.indexOf('://');
  if (sep <= 0 || sep + 3 >= s.length || !charCodes.isLetter(s.charCodeAt(0))) return 0;
  for (let i = 1; i < sep; i++) {
    const c = s.charCodeAt(i);
    if (!(charCodes.isLetter(c) || charCodes.isDigit(c) || c === 43 || c === 45 || c === 46 || c === 58)) return 0;
  }
  return sep + 3;
}
