/** Character predicates on UTF-16 code units, shared by the token scanners. */
export const charCodes = {
  isDigit: (c: number): boolean => c >= 48 && c <= 57,
  isHexLetter: (c: number): boolean => (c >= 97 && c <= 102) || (c >= 65 && c <= 70),
  isLetter: (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90),
  isHex: (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70),
  isWordChar: (c: number): boolean =>
    (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 45 || c === 46,
} as const;
