import type { Evidence } from '../model/evidence.ts';
import type { TriageReport } from '../model/triage-report.ts';

type Mrkdwn = { readonly type: 'mrkdwn'; readonly text: string };
/** The Block Kit blocks of the narrative (structurally Slack's `section` and `context` blocks). */
export type NarrativeBlock =
  | { readonly type: 'section'; readonly block_id: string; readonly text: Mrkdwn }
  | { readonly type: 'context'; readonly block_id: string; readonly elements: readonly Mrkdwn[] };

type NarrativeLike = {
  readonly sentences: readonly { readonly text: string; readonly evidenceIds: readonly string[] }[];
  readonly alsoSuggests?: readonly { readonly text: string; readonly evidenceIds: readonly string[] }[];
  readonly dropped?: readonly unknown[];
  readonly model?: string;
  readonly prompt?: { readonly id: string; readonly version: number };
};

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const clip = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

/**
 * The narrative as Block Kit, for the slot under the deterministic result in the incident
 * message: the grounded sentences, each followed by the evidence it cites (linked only to the
 * evidence's own link, never to anything the model wrote), the labelled "the model also
 * suggests…" note, and a footer saying who wrote it. All text is escaped for mrkdwn.
 */
export function narrativeBlocks(n: NarrativeLike, report: TriageReport): NarrativeBlock[] {
  const byId = new Map<string, Evidence>();
  for (const h of report.hypotheses) for (const e of h.evidence) if (!byId.has(e.id)) byId.set(e.id, e);
  const cite = (ids: readonly string[]) => {
    const refs = ids.map((id) => {
      const e = byId.get(id);
      const label = esc(e ? `${e.kind} · ${e.service}` : id).replace(/\|/g, '¦');
      return e?.link && /^https?:\/\/[^\s<>|]+$/i.test(e.link) ? `<${e.link.replace(/&/g, '&amp;')}|${label}>` : label;
    });
    return refs.length ? ` _[${refs.join(', ')}]_` : '';
  };
  const lines = n.sentences.map((s) => `• ${esc(s.text)}${cite(s.evidenceIds)}`);
  const blocks: NarrativeBlock[] = [
    {
      type: 'section',
      block_id: 'narrative',
      text: {
        type: 'mrkdwn',
        text: clip(
          `:memo: *In plain words* (written by a model; every sentence cites the evidence)\n${lines.join('\n')}`,
          3000,
        ),
      },
    },
  ];
  const extra = n.alsoSuggests ?? [];
  if (extra.length)
    blocks.push({
      type: 'context',
      block_id: 'narrative-suggests',
      elements: [
        {
          type: 'mrkdwn',
          text: clip(
            `:bulb: *The model also suggests* (not part of the ranking): ${extra.map((s) => `${esc(s.text)}${cite(s.evidenceIds)}`).join(' ')}`,
            3000,
          ),
        },
      ],
    });
  const dropped = n.dropped?.length ?? 0;
  const who = [
    n.model ? `model ${esc(n.model)}` : 'a model',
    n.prompt ? `prompt ${esc(n.prompt.id)} v${n.prompt.version}` : '',
    dropped ? `${dropped} uncited sentence${dropped === 1 ? '' : 's'} removed` : '',
  ].filter(Boolean);
  blocks.push({
    type: 'context',
    block_id: 'narrative-footer',
    elements: [
      {
        type: 'mrkdwn',
        text: `Written by ${who.join(' · ')}. The ranking above is Causeway's own; the model cannot change it or run anything.`,
      },
    ],
  });
  return blocks;
}
