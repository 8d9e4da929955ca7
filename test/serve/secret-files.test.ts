import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCauseway } from '../support/run-causeway.ts';
import { startServe } from './support/start-serve.ts';

const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'causeway-serve-secret-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('causeway serve with secrets in files (*_FILE)', () => {
  it('reads CAUSEWAY_METRICS_TOKEN_FILE (newline trimmed) and never logs the token', async () => {
    const token = 'metrics-token-from-a-file-0123456789';
    const file = join(dir, 'metrics-token');
    writeFileSync(file, `${token}\n`);
    const serve = await startServe({
      CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      CAUSEWAY_SOURCES_BUNDLE_DIR: EXAMPLE,
      CAUSEWAY_METRICS_TOKEN_FILE: file,
    });
    try {
      expect((await fetch(`${serve.url}/metrics`)).status).toBe(401);
      const ok = await fetch(`${serve.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      await ok.arrayBuffer();
    } finally {
      expect(await serve.stop()).toBe(0);
    }
    expect(serve.output()).not.toContain('unknown environment variable');
    expect(serve.output()).not.toContain(token);
  });

  it('a missing CAUSEWAY_SLACK_BOT_TOKEN_FILE stops the start: CONFIG_INVALID naming the variable and path', async () => {
    const missing = join(dir, 'no-such-token');
    const r = await runCauseway(['serve', '--port', '0', '--host', '127.0.0.1'], {
      CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db2.sqlite')}`,
      CAUSEWAY_SLACK_BOT_TOKEN_FILE: missing,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CONFIG_INVALID');
    expect(r.stderr).toContain('CAUSEWAY_SLACK_BOT_TOKEN_FILE');
    expect(r.stderr).toContain(missing);
  });
});
