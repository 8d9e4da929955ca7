/**
 * The part of Slack's Block Kit that Causeway posts (https://docs.slack.dev/reference/block-kit):
 * plain data, built by pure functions and checked by `validateMessage`.
 */
export type PlainText = { readonly type: 'plain_text'; readonly text: string; readonly emoji?: boolean };
export type Mrkdwn = { readonly type: 'mrkdwn'; readonly text: string; readonly verbatim?: boolean };
export type TextObject = PlainText | Mrkdwn;

export type ButtonElement = {
  readonly type: 'button';
  readonly action_id: string;
  readonly text: PlainText;
  readonly value?: string;
  readonly url?: string;
  readonly style?: 'primary' | 'danger';
};
export type ImageElement = { readonly type: 'image'; readonly image_url: string; readonly alt_text: string };

export type SectionBlock = {
  readonly type: 'section';
  readonly block_id?: string;
  readonly text?: TextObject;
  readonly fields?: readonly TextObject[];
  readonly accessory?: ButtonElement;
};
export type HeaderBlock = { readonly type: 'header'; readonly block_id?: string; readonly text: PlainText };
export type ContextBlock = {
  readonly type: 'context';
  readonly block_id?: string;
  readonly elements: readonly (TextObject | ImageElement)[];
};
export type ActionsBlock = {
  readonly type: 'actions';
  readonly block_id?: string;
  readonly elements: readonly ButtonElement[];
};
export type DividerBlock = { readonly type: 'divider'; readonly block_id?: string };

export type Block = SectionBlock | HeaderBlock | ContextBlock | ActionsBlock | DividerBlock;

/** One chat message: `text` is the notification and accessibility fallback, `blocks` the layout. */
export type ChatMessage = { readonly text: string; readonly blocks: readonly Block[] };
