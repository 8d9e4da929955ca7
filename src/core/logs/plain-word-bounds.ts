import { charCodes } from './char-codes.ts';

function isOpening(c: number): boolean {
  return c === 40 || c === 91 || c === 34 || c === 39 || c === 123 || c === 60;
}

function isClosing(c: number): boolean {
  return (
    c === 41 ||
    c === 93 ||
    c === 34 ||
    c === 39 ||
    c === 125 ||
    c === 62 ||
    c === 44 ||
    c === 58 ||
    c === 46 ||
    c === 59
  );
}

/**
 * When `token` reads as wording, the bounds of its word as `start * 65536 + end` (so
 * `(Started)` gives the bounds of `Started`); otherwise -1. Wording is letters with inner
 * `_`, `-` or `'` (`Started`, `scheduler_evaluate_activity`), or letters and one final
 * digit (`SOCKS5`, `eth0`, `ssh2`), once wrapping punctuation such as `(`, `)`, `[`, `]`,
 * `"`, `,`, `:`, `.` or a trailing `()` is set aside. Two different plain words at the same
 * place usually mean two different events (`VM Started` / `VM Paused`), unlike ids and
 * numbers. Tokens longer than 65535 are never words.
 */
export function plainWordBounds(token: string): number {
  let start = 0;
  let end = token.length;
  if (end > 65535) return -1;
  while (start < end && !charCodes.isLetter(token.charCodeAt(start))) {
    if (!isOpening(token.charCodeAt(start))) return -1;
    start++;
  }
  if (end - start > 2 && token.charCodeAt(end - 1) === 41 && token.charCodeAt(end - 2) === 40) end -= 2;
  let digitAt = -1;
  while (end > start && !charCodes.isLetter(token.charCodeAt(end - 1))) {
    const c = token.charCodeAt(end - 1);
    if (charCodes.isDigit(c) && charCodes.isLetter(token.charCodeAt(end - 2))) {
      digitAt = --end;
      break;
    }
    if (!isClosing(c)) return -1;
    end--;
  }
  if (start === end) return -1;
  for (let i = start; i < end; i++) {
    const c = token.charCodeAt(i);
    if (charCodes.isLetter(c)) continue;
    if (digitAt >= 0 || (c !== 95 && c !== 45 && c !== 39)) return -1;
  }
  return start * 65536 + (digitAt >= 0 ? digitAt + 1 : end);
}
