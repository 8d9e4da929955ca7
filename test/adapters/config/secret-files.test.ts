import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatConfigProblems } from '../../../src/adapters/config/format-config-problems.ts';
import { loadConfig } from '../../../src/adapters/config/load-config.ts';
import { ENV_BINDINGS } from '../../../src/core/config/env-bindings.ts';
import { unknownEnvVariables } from '../../../src/core/config/unknown-env-variables.ts';
import { configSecrets } from '../../../src/core/ingest/config-secrets.ts';

const dir = mkdtempSync(join(tmpdir(), 'causeway-secret-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const getIn = (o: unknown, path: readonly string[]) =>
  path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

/** A value the key accepts, distinct per variable. */
const valueFor = (env: string, path: readonly string[]) =>
  env === 'CAUSEWAY_STORAGE_URL'
    ? 'postgres://causeway:pw-storage@db.internal:5432/causeway'
    : /url$|endpoint$/i.test(path.at(-1) ?? '')
      ? `http://user:pw-${env.length}@host.internal:9200/`
      : `${env === 'CAUSEWAY_SLACK_BOT_TOKEN' ? 'xoxb-' : env === 'CAUSEWAY_SLACK_APP_TOKEN' ? 'xapp-' : ''}secret-of-${env.toLowerCase()}`;

describe('*_FILE variants of secret environment variables', () => {
  const secretBindings = ENV_BINDINGS.filter((b) => b.secret);

  it('every variable of a secret key has one (tokens, keys, secrets, URLs with passwords)', () => {
    const names = secretBindings.map((b) => b.env);
    for (const b of ENV_BINDINGS)
      if (/(token|secret|key)$/i.test(b.path.at(-1) ?? '')) expect(names, b.env).toContain(b.env);
    expect(names).toEqual(expect.arrayContaining(['CAUSEWAY_STORAGE_URL', 'CAUSEWAY_ELASTICSEARCH_URL']));
  });

  it('each reads its key from the file, the trailing newline trimmed, and the value is a known secret', () => {
    const env: Record<string, string> = {};
    for (const b of secretBindings) {
      const file = join(dir, b.env);
      writeFileSync(file, `${valueFor(b.env, b.path)}\n`);
      env[`${b.env}_FILE`] = file;
    }
    const r = loadConfig({ env });
    expect(r.ok, r.ok ? '' : formatConfigProblems(r.error)).toBe(true);
    if (!r.ok) return;
    for (const b of secretBindings) expect(getIn(r.value, b.path), b.env).toBe(valueFor(b.env, b.path));
    expect(configSecrets(r.value)).toContain('xoxb-secret-of-causeway_slack_bot_token');
    expect(unknownEnvVariables(Object.keys(env))).toEqual([]);
  });

  it('a missing or unreadable file is CONFIG_INVALID naming the variable and the path', () => {
    const missing = join(dir, 'no-such-file');
    const r = loadConfig({
      env: { CAUSEWAY_SLACK_BOT_TOKEN_FILE: missing, CAUSEWAY_LLM_API_KEY_FILE: dir },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = formatConfigProblems(r.error);
    expect(text).toContain('CONFIG_INVALID');
    expect(text).toContain(`CAUSEWAY_SLACK_BOT_TOKEN_FILE`);
    expect(text).toContain(missing);
    expect(text).toContain('slack.botToken');
    expect(text).toContain('CAUSEWAY_LLM_API_KEY_FILE');
    expect(text).toContain(dir);
  });

  it('setting both the variable and its _FILE is refused, naming both', () => {
    const file = join(dir, 'token');
    writeFileSync(file, 'from-the-file-0123456789');
    const r = loadConfig({
      env: { CAUSEWAY_METRICS_TOKEN: 'from-the-env-0123456789', CAUSEWAY_METRICS_TOKEN_FILE: file },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = formatConfigProblems(r.error);
    expect(text).toContain('CAUSEWAY_METRICS_TOKEN_FILE');
    expect(text).toMatch(/CAUSEWAY_METRICS_TOKEN\b/);
    expect(text).not.toContain('from-the-env-0123456789');
  });
});
