import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { answerFollowUp } from '../../src/app/llm/answer-follow-up.ts';
import { followUpAnswerBlocks } from '../../src/core/chat/follow-up-answer-blocks.ts';
import { validateMessage } from '../../src/core/chat/validate-message.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { type FakeOpenAi, type FakeReply, type FakeRequest, startFakeOpenAi } from '../support/fake-openai.ts';
import { writeMiniBundle } from '../support/mini-bundle.ts';
import { llmDeps, type Triaged, triage } from './support/llm-kit.ts';

let root: string;
let t: Triaged;
let fake: FakeOpenAi;
let storage: Storage;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'causeway-follow-up-'));
  t = await triage(writeMiniBundle(join(root, 'mini')));
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(async () => {
  fake.requests.length = 0;
  const opened = await openStorage('sqlite::memory:', { clock: Date.now });
  if (!opened.ok) throw new Error(opened.error.message);
  storage = opened.value;
  return () => storage.close();
});

type Msg = { role: string; content: string; name?: string };
const toolMessages = (req: FakeRequest) => (req.body.messages as Msg[]).filter((m) => m.role === 'tool');
const call = (name: string, args: unknown): FakeReply => ({ toolCalls: [{ name, arguments: args }] });
const answer = (sentences: { text: string; cite: string[] }[], runbook: string | null = null): FakeReply =>
  call('answer', { sentences, runbook });
const deps = async (
  llm: Record<string, unknown> = {},
  runbooks = [{ id: 'rollback-deploy', title: 'Roll back a deploy' }],
) => ({
  ...(await llmDeps(fake.url, { audit: storage.audit, llm })),
  sources: t.sources,
  runbooks,
});
const ask = async (question: string, llm: Record<string, unknown> = {}) =>
  answerFollowUp(await deps(llm), { incidentId: 'INC-1', report: t.report, question, asker: 'U123' });

describe('follow-up questions: a bounded agent with read-only tools', () => {
  it('queries the incident’s own sources, then answers citing evidence (E…) and query results (Q…)', async () => {
    fake.script((req) =>
      toolMessages(req).length === 0
        ? call('log_patterns', { service: 'payment', minutes: 10, level: 'error' })
        : answer(
            [
              { text: 'Payment started failing right after its deploy.', cite: ['E1', 'E2'] },
              { text: 'Its new error is a NullPointerException in the currency converter.', cite: ['Q1'] },
              { text: 'The database looks fine.', cite: [] },
            ],
            'rollback-deploy',
          ),
    );
    const r = await ask('show errors for payment in the last 10 min');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.value;
    expect(a.sentences).toEqual([
      {
        text: 'Payment started failing right after its deploy.',
        evidenceIds: [t.report.hypotheses[0]?.evidence[0]?.id, t.report.hypotheses[0]?.evidence[1]?.id],
        queryIds: [],
      },
      { text: 'Its new error is a NullPointerException in the currency converter.', evidenceIds: [], queryIds: ['Q1'] },
    ]);
    expect(a.dropped.map((d) => d.reason)).toEqual(['no-citation']);
    expect(a.runbookId).toBe('rollback-deploy');
    expect(a.queries).toEqual([
      expect.objectContaining({
        id: 'Q1',
        tool: 'log_patterns',
        status: 'ok',
        args: { service: 'payment', minutes: 10, level: 'error' },
      }),
    ]);
    expect(a.usage).toMatchObject({ modelCalls: 2, toolCalls: 1 });
    // The tool result reached the model fenced as data, with the real log template in it.
    const result = toolMessages(fake.requests[1] as FakeRequest)[0]?.content ?? '';
    expect(result).toMatch(
      /^Result Q1 of log_patterns \(cite it as Q1\), status ok:\n<data name="Q1" source="tool log_patterns" trust="untrusted"/,
    );
    expect(result).toContain('NullPointerException in CurrencyConverter.convert for order <*>');
    // Audited: two model calls and one read-only query, nothing else.
    const recs = await storage.audit.query({ incidentId: 'INC-1' });
    expect(recs.map((x) => x.action)).toEqual(['llm.called', 'evidence.queried', 'llm.called']);
    expect(recs[1]?.data).toMatchObject({ tool: 'log_patterns', status: 'ok', askedBy: 'U123' });
    const blocks = followUpAnswerBlocks(a, t.report);
    expect(validateMessage({ text: 'answer', blocks })).toEqual([]);
    expect(JSON.stringify(blocks)).toMatch(/rollback-deploy.*still need approval/);
  });

  it('offers exactly the read-only tools and answer, on every call', async () => {
    fake.script((req) =>
      toolMessages(req).length === 0
        ? call('service_overview', { service: null })
        : answer([{ text: 'ok', cite: ['Q1'] }]),
    );
    await ask('what is failing?');
    for (const req of fake.requests)
      expect(req.body.tools.map((x: { function: { name: string } }) => x.function.name).sort()).toEqual([
        'answer',
        'log_patterns',
        'recent_changes',
        'service_overview',
      ]);
  });

  it('the tool-call budget stops the loop and forces an answer; people see why it stopped', async () => {
    let n = 0;
    fake.script((req) =>
      req.body.tool_choice?.function?.name === 'answer'
        ? answer([{ text: 'Payment errors rose.', cite: ['Q1'] }])
        : call('log_patterns', { service: 'payment', minutes: ++n }),
    );
    const r = await ask('dig deep', { followUp: { maxToolCalls: 2 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.stopped).toBe('tool-calls');
    expect(r.value.notice).toBe('Stopped: the tool-call budget (2) was used up.');
    expect(r.value.queries).toHaveLength(2);
    expect(r.value.sentences.map((s) => s.text)).toEqual(['Payment errors rose.']);
    expect(fake.requests.at(-1)?.body.tool_choice).toEqual({ type: 'function', function: { name: 'answer' } });
  });

  it('a repeated query is not run again, and asking for it once more stops the loop (loop detection)', async () => {
    fake.script((req) =>
      req.body.tool_choice?.function?.name === 'answer'
        ? answer([{ text: 'Done.', cite: ['Q1'] }])
        : call('recent_changes', { service: 'payment', minutes: 60 }),
    );
    const r = await ask('what changed?');
    expect(r.ok && r.value.stopped).toBe('loop');
    expect(r.ok && r.value.queries).toHaveLength(1);
    const notes = toolMessages(fake.requests.at(-1) as FakeRequest).map((m) => m.content.split('\n')[0]);
    expect(notes).toEqual([
      'Result Q1 of recent_changes (cite it as Q1), status ok:',
      'Not run again: this exact query was already made (Q1, above). Do not repeat queries.',
      'Not run: this exact query was asked for again (loop detected). Call answer now with what you have.',
    ]);
  });

  it('each tool result is clipped to the output limit before the model sees it', async () => {
    fake.script((req) =>
      toolMessages(req).length === 0 ? call('service_overview', {}) : answer([{ text: 'ok', cite: ['Q1'] }]),
    );
    await ask('overview', { followUp: { maxToolOutputChars: 300 } });
    const content = toolMessages(fake.requests[1] as FakeRequest)[0]?.content ?? '';
    const json = content.split('\n').slice(2, -1).join('\n');
    expect(json.length).toBeLessThanOrEqual(300);
    expect(content).toMatch(/not shown \(output limit\)|output clipped/);
  });

  it('the wall-clock limit stops a slow loop with a notice', async () => {
    fake.script((req) =>
      toolMessages(req).length === 0
        ? call('service_overview', {})
        : { ...answer([{ text: 'late', cite: ['Q1'] }]), delayMs: 3000 },
    );
    const t0 = Date.now();
    const r = await ask('slow', { followUp: { timeoutSeconds: 0.6 } });
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(r.ok && r.value.stopped).toBe('time');
    expect(r.ok && r.value.notice).toMatch(/^Stopped: the time limit \(0\.6\) was reached\.$/);
  });

  it('the token budget per question is enforced before a call is made', async () => {
    fake.script(() => ({ ...call('service_overview', {}), usage: { prompt: 11_500, completion: 10 } }));
    const r = await ask('overview', { followUp: { maxTokensPerQuestion: 12_000 } });
    expect(r.ok && r.value.stopped).toBe('tokens');
    expect(fake.requests).toHaveLength(1);
  });

  it('with no model configured it returns LLM_DISABLED and makes no request', async () => {
    const d = await deps();
    const r = await answerFollowUp(
      { ...d, llm: undefined },
      { incidentId: 'INC-2', report: t.report, question: 'why?' },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'LLM_DISABLED' } });
    expect(fake.requests).toHaveLength(0);
  });

  it('a model failure is a value (LLM_UNAVAILABLE), never a throw', async () => {
    fake.script([{ status: 500, error: { message: 'boom', type: 'server_error' } }]);
    expect(await ask('why?')).toMatchObject({ ok: false, error: { code: 'LLM_UNAVAILABLE' } });
  });
});
