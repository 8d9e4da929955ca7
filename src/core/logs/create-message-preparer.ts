import { caseVariants } from './case-variants.ts';
import { charCodes } from './char-codes.ts';
import { maskCandidate } from './mask-candidate.ts';
import { toMaskFlags } from './mask-flags.ts';
import type { MaskKind } from './mask-kind.ts';
import { plainWordBounds } from './plain-word-bounds.ts';
import { tokenKind } from './token-kind.ts';
import { unitWords } from './unit-words.ts';
import { valueWords } from './value-words.ts';

const OTHER = 0;
const LETTER = 1;
/** A digit, `/`, `=`, `@` or `\`: the token may hold a variable to mask. */
const SPECIAL = 2;
/** `:`: not a reason to mask, but a hint for the masker (URLs, IPv6). */
const COLON = 3;
const asciiClass = new Uint8Array(128);
/** The masker's hint bit of each special character (see maskCandidate). */
const hintBit = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (charCodes.isLetter(c)) asciiClass[c] = LETTER;
  else if (charCodes.isDigit(c) || c === 47 || c === 61 || c === 64 || c === 92) asciiClass[c] = SPECIAL;
  else if (c === 58) asciiClass[c] = COLON;
}
hintBit[47] = 1;
hintBit[61] = 2;
hintBit[64] = 4;
hintBit[92] = 8;
hintBit[58] = 16;
const WILDCARD = '<*>';

export type MessagePreparer = {
  /** Tokenises and masks one message; the kind of token i is left in `kinds[i]`. */
  prepare(message: string): string[];
  /** Scratch space, reused by every call: copy what must outlive the next call. */
  readonly kinds: Uint8Array;
};

/**
 * One pass over a message: splits it on whitespace (any code unit <= 32), masks the tokens
 * that may hold a variable (a digit, `/`, `=`, `@` or `\`), and classifies each token. A token
 * longer than `maxTokenLength` is `<*>` at once (never sliced, masked or looked up). A
 * word is not counted as wording when it is a value (`true`, `null`, `Jun`, `Fri`), a unit
 * after a variable (`<*> KB`) or a name after a cue (`user root`, `for admin`).
 */
export function createMessagePreparer(
  masks: readonly MaskKind[],
  nameCues: readonly string[],
  maxTokenLength = Number.POSITIVE_INFINITY,
): MessagePreparer {
  const flags = toMaskFlags(masks);
  const masking = masks.length > 0;
  // One look-up per word: bit 1 value word, bit 2 unit word, bit 4 naming cue.
  const special = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number) => {
    for (const w of words) special.set(w, (special.get(w) ?? 0) | bit);
  };
  mark(valueWords, 1);
  mark(unitWords, 2);
  mark(caseVariants(nameCues), 4);
  let longest = 0;
  for (const w of special.keys()) longest = Math.max(longest, w.length);
  let kinds = new Uint8Array(64);

  return {
    get kinds() {
      return kinds;
    },
    prepare(message) {
      const tokens: string[] = [];
      let start = -1;
      let maybeVariable = false;
      let hints = 0;
      let letters = true;
      let afterCue = false;
      const length = message.length;
      for (let i = 0; i <= length; i++) {
        const c = i < length ? message.charCodeAt(i) : 32;
        if (c > 32) {
          if (start < 0) {
            start = i;
            maybeVariable = false;
            hints = 0;
            letters = true;
          }
          const cls = c < 128 ? asciiClass[c]! : OTHER;
          if (cls !== LETTER) {
            letters = false;
            if (cls === SPECIAL) {
              maybeVariable = true;
              hints |= hintBit[c]!;
            } else if (cls === COLON) hints |= 16;
          }
          continue;
        }
        if (start < 0) continue;
        const at = tokens.length;
        if (at >= kinds.length) {
          const grown = new Uint8Array(kinds.length * 2);
          grown.set(kinds);
          kinds = grown;
        }
        if (i - start > maxTokenLength) {
          start = -1;
          tokens.push(WILDCARD);
          kinds[at] = tokenKind.wildcard;
          afterCue = false;
          continue;
        }
        const raw = start === 0 && i === length ? message : message.slice(start, i);
        start = -1;
        const token = maybeVariable && masking ? maskCandidate(raw, flags, hints) : raw;
        tokens.push(token);
        let kind: number = tokenKind.other;
        let word = '';
        if (letters) word = token;
        else if (token === WILDCARD) kind = tokenKind.wildcard;
        else {
          const bounds = plainWordBounds(token);
          if (bounds >= 0) {
            const from = bounds >>> 16;
            const to = bounds & 0xffff;
            word = from === 0 && to === token.length ? token : token.slice(from, to);
          }
        }
        if (word !== '') {
          const bits = word.length <= longest ? (special.get(word) ?? 0) : 0;
          const value = afterCue || (bits & 1) !== 0 || ((bits & 2) !== 0 && at > 0 && tokens[at - 1] === '<*>');
          if (!value) kind = tokenKind.plainWord;
          afterCue = (bits & 4) !== 0;
        } else afterCue = false;
        kinds[at] = kind;
      }
      return tokens;
    },
  };
}
