import { SECRET_PATTERNS } from '../audit/secret-patterns.ts';
import { isIpv6 } from '../logs/is-ipv6.ts';
import type { RedactionOptions } from './redaction-options.ts';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.]*\d)/g;
const IPV6_CANDIDATE = /(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%[0-9A-Za-z]+)?(?![0-9A-Za-z:])/g;

/** A function that removes what must not leave the process (emails, IPs, secrets, custom patterns) from a text. */
export type Redactor = (text: string) => string;

/**
 * Builds the redactor applied to every string sent to a model. Custom patterns were validated
 * with the configuration; one that does not compile here is ignored rather than thrown.
 */
export function createRedactor(o: RedactionOptions): Redactor {
  const custom: RegExp[] = [];
  for (const p of o.patterns) {
    try {
      custom.push(new RegExp(p, 'g'));
    } catch {
      // validated at configuration load
    }
  }
  const known = (o.knownSecrets ?? []).filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const k of known) if (out.includes(k)) out = out.split(k).join('[REDACTED]');
    if (o.secrets)
      for (const p of SECRET_PATTERNS) {
        p.re.lastIndex = 0;
        out = out.replace(p.re, p.replace);
      }
    for (const re of custom) {
      re.lastIndex = 0;
      out = out.replace(re, '[redacted]');
    }
    if (o.emails) out = out.replace(EMAIL, '[email]');
    if (o.ips) {
      out = out.replace(IPV4, '[ip]');
      out = out.replace(IPV6_CANDIDATE, (m) => (isIpv6(m) ? '[ip]' : m));
    }
    return out;
  };
}
