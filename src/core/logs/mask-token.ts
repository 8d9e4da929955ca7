import { charCodes } from './char-codes.ts';
import { maskCandidate } from './mask-candidate.ts';
import type { MaskFlags } from './mask-flags.ts';

/**
 * Replaces the variable parts of one whitespace-free token with `<*>`, keeping the
 * surrounding punctuation: `(redis:6379)` becomes `(redis:<*>)`, `uid=0` becomes `uid=<*>`,
 * `https://x/y` becomes `https://<*>`. Tokens without a digit, `/`, `=`, `@` or `\` are
 * returned as they are (the fast path).
 */
export function maskToken(token: string, flags: MaskFlags): string {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (charCodes.isDigit(c) || c === 47 || c === 61 || c === 64 || c === 92) return maskCandidate(token, flags, 31);
  }
  return token;
}
