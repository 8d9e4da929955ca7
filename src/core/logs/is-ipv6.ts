import { charCodes } from './char-codes.ts';

/**
 * An IPv6 address: hex groups of at most 4 digits separated by `:`, either 8 groups or
 * compressed with one `::`; an IPv4 tail (`::ffff:10.0.0.1`) and a zone (`%eth0`) are
 * allowed. Clock times (`12:30:01`) are not IPv6: they have neither 8 groups nor `::`.
 */
export function isIpv6(s: string): boolean {
  let end = s.indexOf('%');
  if (end < 0) end = s.length;
  if (end < 2 || end > 45) return false;
  const compressed = s.indexOf('::');
  if (compressed >= 0 && s.indexOf('::', compressed + 1) >= 0) return false;
  let groups = 0;
  let digits = 0;
  let sawDigit = false;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) {
      if (digits > 0) groups++;
      digits = 0;
    } else if (c === 46) {
      // IPv4 tail: the rest must be a dotted quad.
      const tailStart = s.lastIndexOf(':', i) + 1;
      if (tailStart === 0 || !/^\d{1,3}(\.\d{1,3}){3}$/.test(s.slice(tailStart, end))) return false;
      return compressed >= 0 || groups === 6;
    } else if (charCodes.isHex(c)) {
      if (++digits > 4) return false;
      if (charCodes.isDigit(c)) sawDigit = true;
    } else return false;
  }
  if (digits > 0) groups++;
  if (!sawDigit && compressed < 0) return false;
  return compressed >= 0 ? groups <= 7 : groups === 8;
}
