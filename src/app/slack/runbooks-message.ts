import type { ChatMessage } from '../../core/chat/block-kit.ts';
import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import { escapeMrkdwn } from '../../core/chat/escape-mrkdwn.ts';
import type { RunbookFinder } from '../../core/runbooks/runbook-finder.ts';

/** `/causeway runbooks [search]`: the matching runbooks, or how to get some when none are configured. */
export async function runbooksMessage(runbooks: RunbookFinder, query: string | undefined): Promise<ChatMessage> {
  if (!runbooks.configured)
    return buildNoticeMessage(
      ':blue_book: No runbooks are configured yet. Runbooks are YAML files (see `runbooks/` and docs/runbooks.md) whose steps run only after the approvers they name approve them here; set `runbooks.dir` (with approver groups and allowlists) and the ones that fit an incident appear as buttons on its message, and this command searches them.',
      'No runbooks are configured yet.',
    );
  const found = await runbooks.search(query ?? '');
  if (found.length === 0)
    return buildNoticeMessage(
      `No runbook matches${query ? ` "${escapeMrkdwn(query)}"` : ''}. Try another word, or \`/causeway runbooks\` for all.`,
    );
  return buildNoticeMessage(
    [
      `*Runbooks*${query ? ` matching "${escapeMrkdwn(query)}"` : ''}:`,
      ...found
        .slice(0, 20)
        .map(
          (r) => `• *${escapeMrkdwn(r.title)}* (\`${escapeMrkdwn(r.id)}\`)${r.why ? ` — ${escapeMrkdwn(r.why)}` : ''}`,
        ),
    ].join('\n'),
  );
}
