import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_BINDINGS } from '../../src/core/config/env-bindings.ts';
import { CONFIG_REFERENCE_COMMAND, renderConfigReference } from '../../src/core/config/render-config-reference.ts';

const committed = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');

describe('docs/configuration.md', () => {
  it('is what the schema generates today', () => {
    const { text } = renderConfigReference();
    expect(
      text === committed,
      `docs/configuration.md is out of date with src/core/config/config-schema.ts: run ${CONFIG_REFERENCE_COMMAND} and commit it`,
    ).toBe(true);
  });

  it('describes every key', () => {
    const { undescribed } = renderConfigReference();
    expect(undescribed, "add .describe('…') to these keys in the configuration schema").toEqual([]);
  });

  it('names every environment variable, with the _FILE variant of each secret one, next to its key', () => {
    for (const b of ENV_BINDINGS) {
      const row = committed.split('\n').find((l) => l.startsWith(`| \`${b.path.join('.')}\` |`));
      expect(row, b.path.join('.')).toBeDefined();
      expect(row).toContain(`\`${b.env}\``);
      if (b.secret) expect(row).toContain(`\`${b.env}_FILE\``);
      else expect(row).not.toMatch(/_FILE`/);
    }
  });

  it('lists defaults and types from the schema', () => {
    expect(committed).toMatch(/^\| `server\.port` \| integer \(≥ 0, ≤ 65535\) \| `8080` \|/m);
    expect(committed).toMatch(/^\| `slack\.mode` \| `socket` or `http` \| `socket` \|/m);
    expect(committed).toMatch(/^\| `runbooks\.approval\.groups` \| map of name → list of strings \| \(none\) \| — \|/m);
  });
});
