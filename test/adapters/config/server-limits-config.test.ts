import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/adapters/config/load-config.ts';

describe('server limits (webhook connections, bodies in flight, body timeout)', () => {
  it('have defaults, and are set from the environment', () => {
    const d = loadConfig({ env: {} });
    expect(d.ok && d.value.server).toMatchObject({
      bodyLimitBytes: 1_048_576,
      maxBodyBytesInFlight: 33_554_432,
      bodyTimeoutSeconds: 10,
      maxConnections: 1024,
    });
    const r = loadConfig({
      env: {
        CAUSEWAY_SERVER_MAX_CONNECTIONS: '64',
        CAUSEWAY_SERVER_MAX_BODY_BYTES_IN_FLIGHT: '8388608',
        CAUSEWAY_SERVER_BODY_TIMEOUT_SECONDS: '2.5',
      },
    });
    expect(r.ok && r.value.server).toMatchObject({
      maxBodyBytesInFlight: 8_388_608,
      bodyTimeoutSeconds: 2.5,
      maxConnections: 64,
    });
  });

  it('refuse an in-flight cap below the body limit, and a zero timeout or connection cap, naming the key', () => {
    const file = {
      path: 'causeway.yaml',
      text: 'server:\n  bodyLimitBytes: 4194304\n  maxBodyBytesInFlight: 1048576\n',
    };
    const r = loadConfig({ env: {}, file });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject([
        { key: 'server.maxBodyBytesInFlight', message: expect.stringMatching(/at least server\.bodyLimitBytes/) },
      ]);
    const z = loadConfig({ env: { CAUSEWAY_SERVER_BODY_TIMEOUT_SECONDS: '0', CAUSEWAY_SERVER_MAX_CONNECTIONS: '0' } });
    expect(z.ok).toBe(false);
    if (!z.ok) expect(z.error.map((p) => p.key).sort()).toEqual(['server.bodyTimeoutSeconds', 'server.maxConnections']);
  });
});
