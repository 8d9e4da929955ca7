import type { CausewayError } from '../../core/errors/causeway-error.ts';

/**
 * Why the Slack app could not start, as one line: Slack answered with an error (a bad or revoked
 * token: SLACK_NOT_CONFIGURED) or could not be reached at all (no network, DNS, proxy, a wrong
 * slack.apiUrl, a timeout: SLACK_UNAVAILABLE). Never carries a token.
 */
export function slackStartError(e: unknown, apiUrl: string | undefined): CausewayError {
  const where = apiUrl ?? 'https://slack.com/api/';
  const err = e as { code?: unknown; data?: { error?: unknown }; original?: unknown; statusCode?: unknown };
  if (err?.code === 'slack_webapi_platform_error') {
    const said = String(err.data?.error ?? 'an error');
    return {
      code: 'SLACK_NOT_CONFIGURED',
      message: `Slack refused the bot token (${said}): check slack.botToken is the Bot User OAuth Token of an installed app`,
    };
  }
  const cause =
    err?.code === 'slack_webapi_request_error'
      ? describe(err.original)
      : err?.code === 'slack_webapi_http_error'
        ? `HTTP ${String(err.statusCode)}`
        : describe(e);
  return {
    code: 'SLACK_UNAVAILABLE',
    message: `cannot reach Slack's Web API at ${where} (${cause}): check the network, DNS, proxy or slack.apiUrl, then start again`,
  };
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  const detail = cause instanceof Error ? `: ${(cause as { code?: string }).code ?? cause.message}` : '';
  return `${e.name === 'TimeoutError' ? 'timed out' : e.message}${detail}`.split('\n')[0] ?? e.message;
}
