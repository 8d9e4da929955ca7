/**
 * The environment of a Causeway Slack app in HTTP mode against a local Slack: in-memory SQLite, a
 * free port on 127.0.0.1, known bot ids (no auth.test), the watched channels and the bundle to
 * triage from. `extra` adds or overrides keys.
 */
export function slackHttpEnv(o: {
  readonly token: string;
  readonly secret: string;
  readonly apiUrl: string;
  readonly alertChannels: string;
  readonly bundleDir: string;
  readonly extra?: Readonly<Record<string, string>>;
}): Record<string, string> {
  return {
    CAUSEWAY_STORAGE_URL: 'sqlite::memory:',
    CAUSEWAY_SLACK_MODE: 'http',
    CAUSEWAY_SLACK_BOT_TOKEN: o.token,
    CAUSEWAY_SLACK_SIGNING_SECRET: o.secret,
    CAUSEWAY_SLACK_API_URL: o.apiUrl,
    CAUSEWAY_SLACK_BOT_ID: 'B0BOT',
    CAUSEWAY_SLACK_BOT_USER_ID: 'U0BOT',
    CAUSEWAY_SLACK_PORT: '0',
    CAUSEWAY_SLACK_HOST: '127.0.0.1',
    CAUSEWAY_SLACK_ALERT_CHANNELS: o.alertChannels,
    CAUSEWAY_SOURCES_BUNDLE_DIR: o.bundleDir,
    ...o.extra,
  };
}
