import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WEBHOOK_ENV } from './support/payloads.ts';
import { startServe } from './support/start-serve.ts';

const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'causeway-readyz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Ready = { status: string; checks: { name: string; ok: boolean; detail?: string }[] };

async function readyz(env: Record<string, string>, name: string): Promise<{ status: number; body: Ready }> {
  const serve = await startServe({ CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, `${name}.sqlite`)}`, ...env });
  try {
    const res = await fetch(`${serve.url}/readyz`);
    return { status: res.status, body: (await res.json()) as Ready };
  } finally {
    expect(await serve.stop()).toBe(0);
  }
}

const check = (body: Ready, name: string) => body.checks.find((c) => c.name === name);

describe('/readyz says what is missing', () => {
  it('neither a triage source nor an alert intake: 503, naming both and how to set them', async () => {
    const r = await readyz({}, 'nothing');
    expect(r.status).toBe(503);
    expect(r.body.status).toBe('not-ready');
    expect(check(r.body, 'storage')).toMatchObject({ ok: true });
    expect(check(r.body, 'sources')).toMatchObject({ ok: false });
    expect(check(r.body, 'sources')?.detail).toMatch(/CAUSEWAY_SOURCES_BUNDLE_DIR.*CAUSEWAY_ELASTICSEARCH_URL/);
    expect(check(r.body, 'alert-intake')).toMatchObject({ ok: false });
    expect(check(r.body, 'alert-intake')?.detail).toMatch(/webhooks\..*slack\.alertChannels/);
  });

  it('alert intake without a triage source: ready, and the body says the source is missing', async () => {
    const r = await readyz(
      { CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: WEBHOOK_ENV.CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN as string },
      'intake',
    );
    expect(r.status).toBe(200);
    expect(check(r.body, 'sources')?.detail).toMatch(/no triage source configured/);
    expect(check(r.body, 'alert-intake')).toMatchObject({ ok: true });
    expect(check(r.body, 'alert-intake')?.detail).toContain('alertmanager');
  });

  it('a source without an alert intake: ready, and the body says no alert can arrive', async () => {
    const r = await readyz({ CAUSEWAY_SOURCES_BUNDLE_DIR: EXAMPLE }, 'source');
    expect(r.status).toBe(200);
    expect(check(r.body, 'sources')).toMatchObject({ ok: true });
    expect(check(r.body, 'alert-intake')?.detail).toMatch(/no alert intake configured/);
  });

  it('a configured source that is not there: 503 naming it', async () => {
    const r = await readyz(
      { ...WEBHOOK_ENV, CAUSEWAY_SOURCES_BUNDLE_DIR: join(dir, 'no-such-bundle') },
      'missing-bundle',
    );
    expect(r.status).toBe(503);
    expect(check(r.body, 'sources')).toMatchObject({ ok: false });
    expect(check(r.body, 'sources')?.detail).toContain('no-such-bundle');
  });
});
