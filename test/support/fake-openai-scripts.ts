import type { FakeReply, FakeRequest } from './fake-openai.ts';

type Msg = { role: string; content?: unknown; tool_calls?: unknown[] };

/** The JSON items of a fenced data block named `name` in a prompt (what the model was given). */
export function dataItems(text: string, name: string): unknown[] {
  const m = new RegExp(`<data name="${name}"[^>]*boundary="([0-9a-f]+)">\\n([\\s\\S]*?)\\n</data boundary="\\1">`).exec(
    text,
  );
  if (!m) return [];
  const body = (m[2] as string).trim();
  try {
    const v = JSON.parse(body);
    return Array.isArray(v) ? v : [v];
  } catch {
    return [];
  }
}

function userText(body: FakeRequest['body']): string {
  const u = (body.messages as Msg[]).find((m) => m.role === 'user');
  return typeof u?.content === 'string' ? u.content : JSON.stringify(u?.content ?? '');
}

/**
 * A stand-in model that behaves like a well-aligned one, for demos and end-to-end tests: it reads
 * the fenced hypotheses and evidence it was given and writes a short narrative citing the top
 * hypothesis' keys; for follow-ups it makes one read-only query and answers citing it.
 */
export function groundedModel(req: FakeRequest): FakeReply {
  const body = req.body;
  const text = userText(body);
  const hyps = dataItems(text, 'hypotheses') as { rank: number; service: string; kind: string; evidence: string[] }[];
  const top = hyps[0];
  const keys = top?.evidence ?? [];
  const k1 = keys[0] ?? 'E1';
  const k2 = keys[1] ?? k1;
  const tools = (body.tools ?? []) as { function: { name: string } }[];
  if (tools.some((t) => t.function.name === 'answer')) {
    const msgs = body.messages as Msg[];
    const toolMsg = msgs.find((m) => m.role === 'tool');
    if (!toolMsg)
      return { toolCalls: [{ name: 'service_overview', arguments: { service: top?.service ?? null, minutes: null } }] };
    return {
      toolCalls: [
        {
          name: 'answer',
          arguments: {
            sentences: [
              {
                text: `The evidence points at ${top?.service ?? 'the top hypothesis'} (${top?.kind ?? '?'}), not at the database.`,
                cite: [k1],
              },
              { text: `The overview of ${top?.service ?? 'the service'} in the incident window agrees.`, cite: ['Q1'] },
            ],
            runbook: null,
          },
        },
      ],
    };
  }
  const narrative = {
    sentences: [
      {
        part: 'happening',
        text: `Requests are failing and errors rose sharply around ${top?.service ?? 'one service'}.`,
        cite: [k1],
      },
      {
        part: 'cause',
        text: `The most likely cause is a ${top?.kind?.replace('_', ' ') ?? 'fault'} in ${top?.service ?? 'the top service'}, which the triage ranks first.`,
        cite: [k1, k2],
      },
      {
        part: 'next',
        text: `Check ${top?.service ?? 'that service'} first and consider rolling back its latest change.`,
        cite: [k2],
      },
    ],
    alsoSuggests: [],
  };
  const forced = (body.tool_choice as { function?: { name?: string } } | undefined)?.function?.name;
  if (forced) return { toolCalls: [{ name: forced, arguments: narrative }] };
  return { json: narrative };
}
