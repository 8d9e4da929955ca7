import { caseVariants } from './case-variants.ts';
import { charCodes } from './char-codes.ts';
import { maskCandidate } from './mask-candidate.ts';
import { toMaskFlags } from './mask-flags.ts';
import type { MaskKind } from './mask-kind.ts';
import { plainWordBounds } from './plain-word-bounds.ts';
import { tokenKind } from './token-kind.ts';
import { unitWords } from './unit-words.ts';
import { valueWords } from './value-words.ts';

export type MessagePreparer = {
  /** Tokenises and masks one message; the kind of token i is left in `kinds[i]`. */
  prepare(message: string): string[];
  /** Scratch space, reused by every call: copy what must outlive the next call. */
  readonly kinds: Uint8Array;
};

/**
 * One pass over a message: splits it on whitespace (any code unit <= 32), masks the tokens
 * that may hold a variable (a digit, `/`, `=`, `@` or `\`), and classifies each token. A
 * word is not counted as wording when it is a value (`true`, `null`, `Jun`, `Fri`), a unit
 * after a variable (`<*> KB`) or a name after a cue (`user root`, `for admin`).
 */
export function createMessagePreparer(masks: readonly MaskKind[], nameCues: readonly string[]): MessagePreparer {
  const flags = toMaskFlags(masks);
  const masking = masks.length > 0;
  const cues = caseVariants(nameCues);
  let kinds = new Uint8Array(64);

  return {
    get kinds() {
      return kinds;
    },
    prepare(message) {
      const tokens: string[] = [];
      let start = -1;
      let special = false;
      let letters = true;
      let afterCue = false;
      const length = message.length;
      for (let i = 0; i <= length; i++) {
        const c = i < length ? message.charCodeAt(i) : 32;
        if (c > 32) {
          if (start < 0) {
            start = i;
            special = false;
            letters = true;
          }
          if (!charCodes.isLetter(c)) {
            letters = false;
            if (charCodes.isDigit(c) || c === 47 || c === 61 || c === 64 || c === 92) special = true;
          }
          continue;
        }
        if (start < 0) continue;
        const raw = start === 0 && i === length ? message : message.slice(start, i);
        start = -1;
        const token = special && masking ? maskCandidate(raw, flags) : raw;
        const at = tokens.length;
        tokens.push(token);
        if (at >= kinds.length) {
          const grown = new Uint8Array(kinds.length * 2);
          grown.set(kinds);
          kinds = grown;
        }
        let kind: number = tokenKind.other;
        let word = '';
        if (letters) word = token;
        else if (token === '<*>') kind = tokenKind.wildcard;
        else {
          const bounds = plainWordBounds(token);
          if (bounds >= 0) {
            const from = bounds >>> 16;
            const to = bounds & 0xffff;
            word = from === 0 && to === token.length ? token : token.slice(from, to);
          }
        }
        if (word !== '') {
          const value = afterCue || valueWords.has(word) || (at > 0 && tokens[at - 1] === '<*>' && unitWords.has(word));
          if (!value) kind = tokenKind.plainWord;
          afterCue = cues.has(word);
        } else afterCue = false;
        kinds[at] = kind;
      }
      return tokens;
    },
  };
}
