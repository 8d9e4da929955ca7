import { charCodes } from './char-codes.ts';

/**
 * When `s` starts with a file-system path (`/a/b`, `./a`, `../a`, `~/a`, `C:\a`), the index
 * where the path ends (before a `:` or `,`, so `/10.0.0.1:80` keeps its port apart);
 * otherwise 0. A lone `/` is not a path.
 */
export function pathEnd(s: string): number {
  const c0 = s.charCodeAt(0);
  let start = -1;
  if (c0 === 47) start = 1;
  else if (c0 === 126 && s.charCodeAt(1) === 47) start = 2;
  else if (c0 === 46 && s.charCodeAt(1) === 47) start = 2;
  else if (c0 === 46 && s.charCodeAt(1) === 46 && s.charCodeAt(2) === 47) start = 3;
  else if (charCodes.isLetter(c0) && s.charCodeAt(1) === 58 && s.charCodeAt(2) === 92) {
    return s.length > 3 ? s.length : 0;
  }
  if (start < 0 || start >= s.length) return 0;
  let end = start;
  while (end < s.length) {
    const c = s.charCodeAt(end);
    if (c === 58 || c === 44) break;
    end++;
  }
  return end > start ? end : 0;
}
