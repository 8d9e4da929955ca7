/** `local@domain.tld` with an alphabetic top-level domain of 2+ letters. */
export function isEmail(s: string): boolean {
  const at = s.indexOf('@');
  if (at <= 0 || at !== s.lastIndexOf('@')) return false;
  const dot = s.lastIndexOf('.');
  if (dot <= at + 1 || s.length - dot - 1 < 2) return false;
  return /^[\w.+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}$/.test(s);
}
