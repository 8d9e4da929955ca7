import { charCodes } from './char-codes.ts';

const WILDCARD = '<*>';

function isAlnum(c: number): boolean {
  return charCodes.isLetter(c) || charCodes.isDigit(c);
}

/**
 * The most specific token covering both `a` and `b`: their common head and tail kept
 * around one `<*>`, each cut at a punctuation boundary so words are never split.
 * `(eadmin1)` and `(badmin1)` give `(<*>)`; `www.a.com:<*>` and `proxy.b.hk:<*>` give
 * `<*>:<*>`; `LOGIN(uid=<*>)` and `(uid=<*>)` give `<*>(uid=<*>)`; unrelated tokens `<*>`.
 */
export function generaliseToken(a: string, b: string): string {
  if (a === WILDCARD || b === WILDCARD) return WILDCARD;
  const max = Math.min(a.length, b.length);
  let head = 0;
  while (head < max && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  // Cut back so the head ends with punctuation and the next char in both starts a new piece.
  while (head > 0 && isAlnum(a.charCodeAt(head - 1))) head--;
  if (head > 0 && a.charCodeAt(head - 1) === 60) head--; // never keep a dangling `<` of `<*>`
  let tail = 0;
  while (tail < max - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  while (tail > 0 && isAlnum(a.charCodeAt(a.length - tail))) tail--;
  if (tail > 0 && a.charCodeAt(a.length - tail) === 62) tail--; // nor a dangling `>`
  if (tail > 0 && a.charCodeAt(a.length - tail) === 42) tail--;
  let out = a.slice(0, head) + WILDCARD + a.slice(a.length - tail);
  while (out.indexOf('<*><*>') >= 0) out = out.replace('<*><*>', WILDCARD);
  return out;
}
