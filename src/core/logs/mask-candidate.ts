import { charCodes } from './char-codes.ts';
import { isEmail } from './is-email.ts';
import { isIpv6 } from './is-ipv6.ts';
import { isUuid } from './is-uuid.ts';
import { isVariableAtom } from './is-variable-atom.ts';
import type { MaskFlags } from './mask-flags.ts';
import { pathEnd } from './path-end.ts';
import { urlSchemeEnd } from './url-scheme-end.ts';

const WILDCARD = '<*>';

/** Characters that split a token into atoms: `: = , ; ( ) [ ] { } " ' < > | @ ! ? & #`. */
function isDelimiter(c: number): boolean {
  switch (c) {
    case 58:
    case 61:
    case 44:
    case 59:
    case 40:
    case 41:
    case 91:
    case 93:
    case 123:
    case 125:
    case 34:
    case 39:
    case 60:
    case 62:
    case 124:
    case 64:
    case 33:
    case 63:
    case 38:
    case 35:
      return true;
    default:
      return false;
  }
}

function isOpening(c: number): boolean {
  return c === 40 || c === 91 || c === 123 || c === 34 || c === 39 || c === 60;
}

function isClosing(c: number): boolean {
  return (
    c === 41 ||
    c === 93 ||
    c === 125 ||
    c === 34 ||
    c === 39 ||
    c === 62 ||
    c === 44 ||
    c === 59 ||
    c === 46 ||
    c === 58
  );
}

/** Masks each variable atom, keeping the delimiters: `10.0.0.1:80` becomes `<*>:<*>`. */
function maskAtoms(s: string, flags: MaskFlags): string {
  let out = '';
  let copied = 0;
  let start = 0;
  let digit = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 58;
    if (!isDelimiter(c)) {
      if (c >= 48 && c <= 57) digit = true;
      continue;
    }
    if (digit && isVariableAtom(start === 0 && i === s.length ? s : s.slice(start, i), flags)) {
      out += s.slice(copied, start) + WILDCARD;
      copied = i;
    }
    start = i + 1;
    digit = false;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

function isKey(s: string, end: number): boolean {
  if (!charCodes.isLetter(s.charCodeAt(0)) && s.charCodeAt(0) !== 95) return false;
  for (let i = 1; i < end; i++) if (!charCodes.isWordChar(s.charCodeAt(i))) return false;
  return true;
}

function maskCore(core: string, flags: MaskFlags, hints: number): string {
  if (flags.url && (hints & 17) === 17) {
    const schemeEnd = urlSchemeEnd(core);
    if (schemeEnd > 0) return core.slice(0, schemeEnd) + WILDCARD;
  }
  if (flags.uuid && isUuid(core)) return WILDCARD;
  if (flags.email && (hints & 4) !== 0 && isEmail(core)) return WILDCARD;
  if (flags.path && (hints & 9) !== 0) {
    const end = pathEnd(core);
    if (end > 0) return WILDCARD + (end < core.length ? maskAtoms(core.slice(end), flags) : '');
  }
  if (flags.ip && (hints & 16) !== 0) {
    if (isIpv6(core)) return WILDCARD;
    const bracket = core.indexOf(']');
    if (bracket > 0 && isIpv6(core.slice(0, bracket))) return WILDCARD + maskAtoms(core.slice(bracket), flags);
  }
  if (flags.keyValue && (hints & 2) !== 0) {
    const eq = core.indexOf('=');
    if (eq > 0 && isKey(core, eq)) {
      if (eq + 1 === core.length) return core;
      const quote = core.charCodeAt(eq + 1);
      const keep = quote === 34 || quote === 39 ? eq + 2 : eq + 1;
      return keep === core.length ? core : core.slice(0, keep) + WILDCARD;
    }
  }
  return maskAtoms(core, flags);
}

/**
 * Replaces the variable parts of one whitespace-free token that holds a digit, `/`, `=`,
 * `@` or `\` with `<*>`, keeping the surrounding punctuation (see maskToken). `hints` says
 * which characters the token holds, to skip the patterns that cannot match: `/` 1, `=` 2,
 * `@` 4, `\` 8, `:` 16 (pass 31 when unknown).
 */
export function maskCandidate(token: string, flags: MaskFlags, hints: number): string {
  let start = 0;
  let end = token.length;
  while (start < end && isOpening(token.charCodeAt(start))) start++;
  while (end > start && isClosing(token.charCodeAt(end - 1))) end--;
  if (start === end) return token;
  const core = start === 0 && end === token.length ? token : token.slice(start, end);
  const masked = maskCore(core, flags, hints);
  if (masked === core) return token;
  return token.slice(0, start) + masked + token.slice(end);
}
