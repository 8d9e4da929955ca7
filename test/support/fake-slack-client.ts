import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export type SignedOptions = {
  readonly secret: string;
  /** Seconds; default now. */
  readonly timestamp?: number;
  readonly retryNum?: number;
  /** Send no signature headers at all. */
  readonly unsigned?: boolean;
};

/** Posts a body to the app the way Slack does: raw body, timestamp and signature headers. */
export async function sendSigned(
  url: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  o: SignedOptions,
): Promise<{ status: number; body: string; ms: number }> {
  const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (!o.unsigned) {
    headers['x-slack-request-timestamp'] = String(ts);
    headers['x-slack-signature'] = slackSignature(o.secret, ts, body);
  }
  if (o.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(o.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const t = performance.now();
  const r = await fetch(url, { method: 'POST', headers, body });
  const text = await r.text();
  return { status: r.status, body: text, ms: performance.now() - t };
}

const TEAM = { id: 'T0ACME', domain: 'acme' };

/** A slash command body as Slack sends it (application/x-www-form-urlencoded). */
export function slashCommandBody(o: {
  readonly command?: string;
  readonly text: string;
  readonly channel: string;
  readonly user: string;
  readonly responseUrl: string;
}): string {
  return new URLSearchParams({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: o.channel,
    channel_name: 'incidents',
    user_id: o.user,
    user_name: 'oncall',
    command: o.command ?? '/causeway',
    text: o.text,
    api_app_id: 'A0CAUSEWAY',
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
  }).toString();
}

/** An Events API `event_callback` envelope around one event (application/json). */
export function eventCallbackBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: TEAM.id,
    api_app_id: 'A0CAUSEWAY',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: TEAM.id, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  });
}

/** A `block_actions` interactivity payload for a button click on a message (form field `payload`). */
export function blockActionsBody(o: {
  readonly actionId: string;
  /** The actions block the button is in (default `causeway_actions`). */
  readonly blockId?: string;
  readonly value: string;
  readonly user: string;
  readonly channel: string;
  readonly message: {
    readonly ts: string;
    readonly thread_ts?: string;
    readonly text: string;
    readonly blocks: unknown[];
  };
  readonly responseUrl: string;
}): string {
  const payload = {
    type: 'block_actions',
    user: { id: o.user, username: 'oncall', name: 'oncall', team_id: TEAM.id },
    api_app_id: 'A0CAUSEWAY',
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    container: {
      type: 'message',
      message_ts: o.message.ts,
      channel_id: o.channel,
      is_ephemeral: false,
      ...(o.message.thread_ts ? { thread_ts: o.message.thread_ts } : {}),
    },
    trigger_id: '12466734323.1395872398',
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: o.channel, name: 'alerts' },
    message: { type: 'message', user: 'U0BOT', bot_id: 'B0BOT', ...o.message },
    state: { values: {} },
    response_url: o.responseUrl,
    actions: [
      {
        action_id: o.actionId,
        block_id: o.blockId ?? 'causeway_actions',
        text: { type: 'plain_text', text: 'button', emoji: true },
        value: o.value,
        type: 'button',
        action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
