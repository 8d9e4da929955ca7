const SECRETS = /\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)\b|(v0=[0-9a-f]{64})/g;

/** Removes Slack tokens (xoxb-, xoxp-, xapp- …) and request signatures (v0=…) from a log line. */
export function redactSlackSecrets(text: string): string {
  return text.replace(SECRETS, '[REDACTED]');
}
