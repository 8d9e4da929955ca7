/** mulberry32: a small deterministic PRNG, so the synthetic stream is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = (n: number) => number;

const services = ['payment', 'checkout', 'cart', 'auth', 'search', 'inventory'];
const users = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];
const hosts = ['redis', 'postgres', 'kafka-0', 'kafka-1', 'api.internal', 'db-replica-2'];
const routes = ['/api/v1/orders', '/api/v1/cart/items', '/healthz', '/api/v2/users/42/profile', '/login'];
const hex = (pick: Pick, len: number) => {
  let s = '';
  for (let i = 0; i < len; i++) s += '0123456789abcdef'[pick(16)];
  return s;
};
const uuid = (pick: Pick) => `${hex(pick, 8)}-${hex(pick, 4)}-${hex(pick, 4)}-${hex(pick, 4)}-${hex(pick, 12)}`;
const ip = (pick: Pick) => `10.${pick(256)}.${pick(256)}.${pick(256)}`;

/** Service-style message shapes (ECS `message` fields), each with its variables. */
const shapes: ((pick: Pick) => string)[] = [
  (p) => `upstream ${services[p(6)]} returned ${[500, 502, 503, 504][p(4)]} after ${p(3000)}ms`,
  (p) => `java.net.ConnectException: Connection refused (${hosts[p(6)]}:${[6379, 5432, 9092][p(3)]})`,
  (p) => `GET ${routes[p(5)]} ${[200, 201, 404][p(3)]} ${p(900)}ms`,
  (p) => `POST ${routes[p(5)]} ${[200, 400, 500][p(3)]} ${(p(5000) / 1000).toFixed(3)}s`,
  (p) => `user ${users[p(8)]} logged in from ${ip(p)}`,
  (p) => `user ${users[p(8)]} logged out after ${p(120)} minutes`,
  (p) => `order ${uuid(p)} created for customer ${p(100000)} total=${(p(100000) / 100).toFixed(2)} currency=EUR`,
  (p) => `order ${uuid(p)} payment authorised in ${p(800)}ms`,
  (p) => `order ${uuid(p)} payment declined: insufficient funds`,
  (p) => `cache miss for key session:${hex(p, 16)}`,
  (p) => `cache hit ratio ${(p(1000) / 10).toFixed(1)}% over ${p(60)}s window`,
  (p) => `retrying request to http://${hosts[p(6)]}:8080/v1/stock attempt ${p(5) + 1} of 5`,
  (p) => `circuit breaker ${services[p(6)]} state changed from CLOSED to OPEN`,
  (p) => `circuit breaker ${services[p(6)]} state changed from OPEN to HALF_OPEN`,
  (p) => `consumer group ${services[p(6)]}-workers lag ${p(50000)} on partition ${p(12)}`,
  (p) => `GC pause ${p(400)}ms heap ${p(4096)}MB/${4096}MB`,
  (p) => `sent email to ${users[p(8)]}@example.com template=welcome id=${hex(p, 24)}`,
  (p) => `Deadline exceeded calling inventory.Reserve (trace_id=${hex(p, 32)})`,
  (p) => `pod payment-${hex(p, 8)}-${hex(p, 5)} restarted ${p(10)} times`,
  (p) => `read /var/lib/app/data/segment-${p(1000)}.log ${p(65536)} bytes in ${(p(900) / 10).toFixed(1)}ms`,
  (p) => `worker ${p(16)} finished job ${p(1_000_000)} status=ok`,
  (p) => `worker ${p(16)} finished job ${p(1_000_000)} status=failed error="timeout"`,
  (p) => `feature flag new-checkout evaluated to ${p(2) ? 'true' : 'false'} for tenant ${p(500)}`,
  (p) => `TLS handshake with [2001:db8::${hex(p, 4)}]:443 failed: certificate expired`,
];

/**
 * A deterministic stream of `count` service-style log messages (24 shapes, skewed so a few
 * dominate as in production), for the speed benchmark.
 */
export function syntheticStream(count: number, seed = 42): string[] {
  const random = prng(seed);
  const pick: Pick = (n) => Math.floor(random() * n);
  const lines: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    // Skewed: squaring the draw favours the first shapes.
    const r = random();
    const shape = shapes[Math.floor(r * r * shapes.length)]!;
    lines[i] = shape(pick);
  }
  return lines;
}
