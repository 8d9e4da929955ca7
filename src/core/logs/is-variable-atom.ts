import { charCodes } from './char-codes.ts';
import type { MaskFlags } from './mask-flags.ts';

const unitWords = new Set([
  'ns',
  'us',
  'µs',
  'ms',
  's',
  'sec',
  'secs',
  'm',
  'min',
  'mins',
  'h',
  'hr',
  'hrs',
  'd',
  'b',
  'kb',
  'mb',
  'gb',
  'tb',
  'kib',
  'mib',
  'gib',
  'tib',
  'k',
  'g',
  '%',
]);

/** `[+-]?digits([.-/]digits)*`; returns 'ip' for a dotted quad, 'number' otherwise, or ''. */
function numberKind(s: string): 'ip' | 'number' | '' {
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) i = 1;
  let groups = 0;
  let dotsOnly = true;
  let longestGroup = 0;
  while (i < s.length) {
    const start = i;
    while (i < s.length && charCodes.isDigit(s.charCodeAt(i))) i++;
    if (i === start) return '';
    groups++;
    if (i - start > longestGroup) longestGroup = i - start;
    if (i === s.length) break;
    const sep = s.charCodeAt(i);
    if (sep !== 46 && sep !== 45 && sep !== 47) return '';
    if (sep !== 46) dotsOnly = false;
    i++;
    if (i === s.length) return '';
  }
  return groups === 4 && dotsOnly && longestGroup <= 3 && c0 !== 45 && c0 !== 43 ? 'ip' : 'number';
}

/** One or more `number unit` pairs: `12ms`, `1.5s`, `1h30m`, `10KB`, `45%`. */
function isQuantity(s: string): boolean {
  let i = 0;
  let pairs = 0;
  while (i < s.length) {
    const start = i;
    while (i < s.length && charCodes.isDigit(s.charCodeAt(i))) i++;
    if (i === start) return false;
    if (s.charCodeAt(i) === 46) {
      i++;
      const frac = i;
      while (i < s.length && charCodes.isDigit(s.charCodeAt(i))) i++;
      if (i === frac) return false;
    }
    const unitStart = i;
    while (i < s.length && !charCodes.isDigit(s.charCodeAt(i))) i++;
    if (i === unitStart || !unitWords.has(s.slice(unitStart, i).toLowerCase())) return false;
    pairs++;
  }
  return pairs > 0;
}

/** `0x1f`, or 6+ hex digits mixing digits and letters (`5d8f7c9b`, `54fadb41...`). */
function isHexWord(s: string): boolean {
  let i = 0;
  if (s.length > 2 && s.charCodeAt(0) === 48 && (s.charCodeAt(1) === 120 || s.charCodeAt(1) === 88)) i = 2;
  const prefixed = i === 2;
  if (!prefixed && s.length < 6) return false;
  let digit = false;
  let letter = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (charCodes.isDigit(c)) digit = true;
    else if (charCodes.isHexLetter(c)) letter = true;
    else return false;
  }
  return prefixed || (digit && letter);
}

/**
 * A compound identifier with numeric parts, split on `-` and `_`: `blk_-123`, `node-42`,
 * `appattempt_1445_0020_000001`, `R02-M1-N0`, `payment-5d8f7c9b-x2k4q`. Needs 2+ parts and
 * either an all-digit (or long hex) part or 2+ parts containing digits, so `jk2_init` and
 * `ssh2` stay constant.
 */
function isCompoundId(s: string): boolean {
  let parts = 0;
  let digitParts = 0;
  let numericPart = false;
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 45;
    if (c !== 45 && c !== 95) continue;
    if (i > start) {
      parts++;
      let digits = 0;
      for (let j = start; j < i; j++) if (charCodes.isDigit(s.charCodeAt(j))) digits++;
      if (digits > 0) {
        digitParts++;
        if (digits === i - start || isHexWord(s.slice(start, i))) numericPart = true;
      }
    } else if (i > 0) parts++;
    start = i + 1;
  }
  return parts >= 2 && (numericPart || digitParts >= 2);
}

/**
 * Whether one atom (a piece of a token between delimiters such as `:` `=` `(` `,`) is a
 * variable under the enabled mask classes. Atoms without a digit are never variables.
 */
export function isVariableAtom(atom: string, flags: MaskFlags): boolean {
  let hasDigit = false;
  for (let i = 0; i < atom.length; i++) {
    if (charCodes.isDigit(atom.charCodeAt(i))) {
      hasDigit = true;
      break;
    }
  }
  if (!hasDigit) return false;
  const kind = numberKind(atom);
  if (kind === 'ip') return flags.ip;
  if (kind === 'number') return flags.number;
  if (flags.duration && isQuantity(atom)) return true;
  if (flags.hex && isHexWord(atom)) return true;
  return flags.id && isCompoundId(atom);
}
