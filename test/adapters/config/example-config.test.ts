import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatConfigProblems } from '../../../src/adapters/config/format-config-problems.ts';
import { loadConfig } from '../../../src/adapters/config/load-config.ts';
import { configSchema } from '../../../src/core/config/config-schema.ts';

const path = 'examples/config/causeway.yaml';
const text = readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('examples/config/causeway.yaml', () => {
  it('is a valid configuration through the real loader', () => {
    const r = loadConfig({ env: {}, file: { path, text } });
    expect(r.ok, r.ok ? '' : formatConfigProblems(r.error)).toBe(true);
  });

  it('shows the defaults, as its header says (what it sets equals what is left out)', () => {
    const example = loadConfig({ env: {}, file: { path, text } });
    const defaults = loadConfig({ env: {} });
    expect(example.ok && defaults.ok && example.value).toEqual(defaults.ok && defaults.value);
  });

  it('has every top-level section of the schema, each with a comment above it', () => {
    const doc = parse(text) as Record<string, unknown>;
    const sections = Object.keys(configSchema.shape);
    expect(Object.keys(doc).sort()).toEqual([...sections].sort());
    const lines = text.split('\n');
    for (const s of sections) {
      const at = lines.indexOf(`${s}:`);
      expect(lines[at - 1], `a comment line above ${s}:`).toMatch(/^#/);
    }
  });

  it('holds no secret value: secrets are set through their variables', () => {
    const r = loadConfig({ env: {}, file: { path, text } });
    if (!r.ok) throw new Error(formatConfigProblems(r.error));
    expect(r.value.slack.botToken).toBeUndefined();
    expect(r.value.llm.apiKey).toBeUndefined();
    expect(r.value.webhooks.alertmanager.token).toBeUndefined();
    expect(r.value.audit.checkpointKey).toBeUndefined();
  });
});
