/**
 * Secrets recognised inside any string (command output, prompts, messages) and what replaces
 * them. `$1` keeps a harmless prefix (the scheme and user of a URL, the name of a variable).
 */
export const SECRET_PATTERNS: readonly { readonly name: string; readonly re: RegExp; readonly replace: string }[] = [
  {
    name: 'private key block',
    re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    replace: '[REDACTED]',
  },
  { name: 'slack token', re: /\bxox[abposre]-[A-Za-z0-9-]{8,}/g, replace: '[REDACTED]' },
  { name: 'slack app token', re: /\bxapp-[A-Za-z0-9-]{8,}/g, replace: '[REDACTED]' },
  { name: 'slack request signature', re: /\bv0=[0-9a-f]{64}\b/g, replace: '[REDACTED]' },
  { name: 'slack webhook', re: /https:\/\/hooks\.slack\.com\/[A-Za-z0-9/_-]+/g, replace: '[REDACTED]' },
  { name: 'github token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/g, replace: '[REDACTED]' },
  { name: 'aws access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, replace: '[REDACTED]' },
  { name: 'api key', re: /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g, replace: '[REDACTED]' },
  { name: 'jwt', re: /\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}/g, replace: '[REDACTED]' },
  { name: 'authorization header', re: /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, replace: '$1 [REDACTED]' },
  { name: 'url credentials', re: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, replace: '$1[REDACTED]@' },
  {
    name: 'secret assignment',
    re: /\b((?:[A-Za-z0-9]+[_-])*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)["']?\s*[:=]\s*["']?)(?!\[REDACTED\])[^\s"'&,;]{3,}/gi,
    replace: '$1[REDACTED]',
  },
];
