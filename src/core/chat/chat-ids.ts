/**
 * The `block_id`s and `action_id`s of Causeway's messages: the Slack listeners route on the
 * action ids, and updates find blocks by their ids.
 */
export const CHAT_IDS = {
  blocks: {
    header: 'causeway_header',
    summary: 'causeway_summary',
    revised: 'causeway_revised',
    progress: 'causeway_progress',
    narrative: 'causeway_narrative',
    alternatives: 'causeway_alternatives',
    sources: 'causeway_sources',
    feedback: 'causeway_feedback',
    actions: 'causeway_actions',
  },
  actions: {
    right: 'causeway_feedback_right',
    wrong: 'causeway_feedback_wrong',
    moreEvidence: 'causeway_more_evidence',
    timeline: 'causeway_timeline',
    /** Followed by the runbook's position: `causeway_runbook_0`, … (unique per message). */
    runbookPrefix: 'causeway_runbook_',
  },
} as const;
