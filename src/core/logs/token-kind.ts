/**
 * Token classes kept beside each token so the hot loop compares bytes, not strings:
 * `wildcard` is `<*>`, `plainWord` is wording that tells events apart (see
 * plainWordBounds), `other` is everything else (masked skeletons, ids, punctuation).
 */
export const tokenKind = { other: 0, plainWord: 1, wildcard: 2 } as const;
