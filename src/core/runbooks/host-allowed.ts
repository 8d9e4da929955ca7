/**
 * Whether a URL's host is allowlisted: an entry `host:port` must match host and port exactly, an
 * entry `host` matches that host on any port. Names compare case-insensitively; no wildcards.
 */
export function hostAllowed(url: URL, allow: readonly string[]): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.host.toLowerCase();
  const name = url.hostname.toLowerCase();
  return allow.some((a) => {
    const entry = a.toLowerCase();
    return entry === host || entry === name;
  });
}
