import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const manifest = parse(read('slack-app-manifest.yaml')) as {
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
};
const doc = read('docs/slack.md');
const section = doc.split('### Scopes and events\n')[1]?.split('\n## ')[0] ?? '';

describe("docs/slack.md's scopes and events", () => {
  it('lists exactly the bot scopes of slack-app-manifest.yaml, each with why', () => {
    const rows = [...section.matchAll(/^\| `([a-z_:.]+)` *\| *(.*?) *\|$/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    for (const r of rows) expect(r[2], `why ${r[1]}`).not.toBe('');
  });

  it('lists exactly the bot events of the manifest', () => {
    const line = section.split('\n').find((l) => l.startsWith('Bot events:')) ?? '';
    const events = [...line.matchAll(/`([a-z_.]+)`/g)].map((m) => m[1]);
    expect(events.sort()).toEqual([...manifest.settings.event_subscriptions.bot_events].sort());
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
