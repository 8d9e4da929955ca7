import type { Rng } from '../core/rng.ts';
import type { RequestContext } from './request-context.ts';

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.104 Mobile Safari/537.36',
];

/** Draws the per-request facts (user, tenant, client address, user agent) for an entry request. */
export function createRequestFactory(rng: Rng, appName: string): (edge: boolean) => RequestContext {
  const appUa = `${appName}/${rng.int(3, 9)}.${rng.int(0, 40)}.${rng.int(0, 9)} (${rng.pick(['iOS 18.1', 'Android 14', 'iOS 17.6'])})`;
  const tenants = Array.from({ length: rng.int(5, 60) }, () => `t-${rng.hex(6)}`);
  return (edge) => ({
    userId: String(rng.int(10_000, 9_999_999)),
    tenant: rng.pick(tenants),
    clientIp: edge
      ? `${rng.int(11, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
      : `10.${rng.int(0, 63)}.${rng.int(0, 255)}.${rng.int(2, 254)}`,
    userAgent: edge ? (rng.chance(0.3) ? appUa : rng.pick(BROWSERS)) : '',
    depth: 0,
  });
}
