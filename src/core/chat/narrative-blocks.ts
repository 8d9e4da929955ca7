import type { Evidence } from '../model/evidence.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { ContextBlock, SectionBlock } from './block-kit.ts';
import { CHAT_IDS } from './chat-ids.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { mrkdwnLink } from './mrkdwn-link.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { truncateText } from './truncate-text.ts';

type Cited = { readonly text: string; readonly evidenceIds: readonly string[] };
type NarrativeLike = {
  readonly sentences: readonly Cited[];
  readonly alsoSuggests?: readonly Cited[];
  readonly dropped?: readonly unknown[];
  readonly model?: string;
  readonly prompt?: { readonly id: string; readonly version: number };
};

/**
 * The full narrative as Block Kit, a richer alternative to `buildNarrativeBlock` for the same
 * slot (`causeway_narrative`): the grounded sentences, each followed by the evidence it cites
 * (`kind · service`, linked only to the evidence's own link, never to anything the model wrote);
 * the clearly labelled "the model also suggests…" note; and a footer saying who wrote it and that
 * the ranking is Causeway's. All text is escaped for mrkdwn. Empty when no sentence cites known evidence.
 */
export function narrativeBlocks(n: NarrativeLike, report: TriageReport): (SectionBlock | ContextBlock)[] {
  const byId = new Map<string, Evidence>();
  for (const h of report.hypotheses) for (const e of h.evidence) if (!byId.has(e.id)) byId.set(e.id, e);
  const line = (s: Cited): string | undefined => {
    const refs = s.evidenceIds.flatMap((id) => {
      const e = byId.get(id);
      return e ? [mrkdwnLink(e.link, `${e.kind} · ${e.service}`)] : [];
    });
    return refs.length && s.text.trim() ? `${escapeMrkdwn(s.text.trim())} _[${refs.join(', ')}]_` : undefined;
  };
  const lines = n.sentences.map(line).filter((x): x is string => x !== undefined);
  if (!lines.length) return [];
  const blocks: (SectionBlock | ContextBlock)[] = [
    {
      type: 'section',
      block_id: CHAT_IDS.blocks.narrative,
      text: {
        type: 'mrkdwn',
        text: truncateText(
          `:memo: *In plain words* (written by a model; every sentence cites the evidence)\n${lines.map((l) => `• ${l}`).join('\n')}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    },
  ];
  const extra = (n.alsoSuggests ?? []).map(line).filter((x): x is string => x !== undefined);
  if (extra.length)
    blocks.push({
      type: 'context',
      block_id: `${CHAT_IDS.blocks.narrative}_suggests`,
      elements: [
        {
          type: 'mrkdwn',
          text: truncateText(
            `:bulb: *The model also suggests* (not part of the ranking): ${extra.join(' ')}`,
            SLACK_LIMITS.contextText,
          ),
        },
      ],
    });
  const dropped = n.dropped?.length ?? 0;
  const who = [
    n.model ? `model ${escapeMrkdwn(n.model)}` : 'a model',
    n.prompt ? `prompt ${escapeMrkdwn(n.prompt.id)} v${n.prompt.version}` : '',
    dropped ? `${dropped} uncited sentence${dropped === 1 ? '' : 's'} removed` : '',
  ].filter(Boolean);
  blocks.push({
    type: 'context',
    block_id: `${CHAT_IDS.blocks.narrative}_footer`,
    elements: [
      {
        type: 'mrkdwn',
        text: truncateText(
          `Written by ${who.join(' · ')}. The ranking above is Causeway's own; the model cannot change it or run anything.`,
          SLACK_LIMITS.contextText,
        ),
      },
    ],
  });
  return blocks;
}
