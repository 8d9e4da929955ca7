/** How to connect the Bolt app (from the `slack` configuration section). */
export type SlackAppOptions = {
  readonly mode: 'socket' | 'http';
  readonly botToken: string;
  readonly appToken?: string;
  readonly signingSecret?: string;
  readonly botId?: string;
  readonly botUserId?: string;
  /** The Web API base URL (a local test Slack); default Slack's. */
  readonly apiUrl?: string;
  readonly command: string;
  /** HTTP mode: where to listen (POST /slack/events). */
  readonly port: number;
  readonly host: string;
};
