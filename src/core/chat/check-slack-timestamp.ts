/** Slack's verifier allows this much difference between a request's timestamp and the clock. */
export const SLACK_TIMESTAMP_SKEW_SECONDS = 300;

/**
 * Slack's `X-Slack-Request-Timestamp` (Unix seconds, signed with the body) against the clock
 * `nowMs`: refused when not a whole number of seconds, when in milliseconds, or when more than
 * 5 minutes away either way. Bolt's own verifier refuses only the past; a request dated ahead would
 * stay replayable until then. An absent header is left to Bolt (it refuses it, except for Slack's
 * unsigned `ssl_check`).
 */
export function checkSlackTimestamp(
  raw: string | undefined,
  nowMs: number,
): { readonly ok: true } | { readonly ok: false; readonly reason: string } {
  if (raw === undefined) return { ok: true };
  const text = raw.trim();
  if (!/^\d{1,16}$/.test(text))
    return { ok: false, reason: `x-slack-request-timestamp is not Unix seconds: ${JSON.stringify(text.slice(0, 40))}` };
  const sec = Number(text);
  if (sec >= 1e11)
    return { ok: false, reason: 'x-slack-request-timestamp is in milliseconds; Slack signs Unix seconds' };
  const skew = sec - Math.floor(nowMs / 1000);
  if (Math.abs(skew) > SLACK_TIMESTAMP_SKEW_SECONDS)
    return {
      ok: false,
      reason: `x-slack-request-timestamp is ${Math.abs(skew)} s ${skew > 0 ? 'in the future' : 'old'}; Slack requests are accepted within ${SLACK_TIMESTAMP_SKEW_SECONDS} s of the clock`,
    };
  return { ok: true };
}
