import type { AskModel } from '../../app/slack/answer-thread-question.ts';
import type { SlashCommandDeps } from '../../app/slack/handle-slash-command.ts';
import type { TimelineDeps } from '../../app/slack/post-timeline.ts';
import type { FeedbackDeps } from '../../app/slack/record-feedback.ts';
import type { AlertMessageDeps } from '../../app/slack/triage-alert-message.ts';

/** What the Slack listeners hand to the use-cases, except the chat port (built from the app's client). */
export type SlackUseCaseDeps = Omit<AlertMessageDeps & SlashCommandDeps & FeedbackDeps, 'chat'> & {
  /** Follow-up questions in incident threads (absent without a model). */
  readonly ask?: AskModel;
  /** The Slack user groups a user is in (approver groups may name user groups). */
  readonly groupsOf?: (user: string) => Promise<readonly string[]>;
  /** The "Timeline" button (absent: it says the timeline is not available here). */
  readonly timeline?: TimelineDeps;
};
