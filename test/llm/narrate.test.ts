import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildLlmDeps } from '../../src/adapters/llm/build-llm-deps.ts';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { createChatNarrator } from '../../src/app/llm/create-chat-narrator.ts';
import { narrate } from '../../src/app/llm/narrate.ts';
import { contentHash } from '../../src/core/audit/content-hash.ts';
import { buildNarrativeBlock } from '../../src/core/chat/build-narrative-block.ts';
import { validateMessage } from '../../src/core/chat/validate-message.ts';
import type { Narrative as ChatNarrative } from '../../src/core/model/narrative.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.ts';
import { dataItems, groundedModel } from '../support/fake-openai-scripts.ts';
import { writeMiniBundle } from '../support/mini-bundle.ts';
import { configWith, llmDeps, PROMPTS_DIR, shippedPrompts, triage } from './support/llm-kit.ts';

let root: string;
let report: TriageReport;
let fake: FakeOpenAi;
let storage: Storage;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'causeway-narrate-'));
  report = (await triage(writeMiniBundle(join(root, 'mini')))).report;
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(async () => {
  fake.requests.length = 0;
  const opened = await openStorage('sqlite::memory:', { clock: Date.now, audit: { inlinePayloadBytes: 512 } });
  if (!opened.ok) throw new Error(opened.error.message);
  storage = opened.value;
  return () => storage.close();
});

const keysOf = (req: FakeOpenAi['requests'][number]) => {
  const user = req.body.messages[1].content as string;
  const hyps = dataItems(user, 'hypotheses') as { evidence: string[] }[];
  return { top: hyps[0]?.evidence ?? [], second: hyps[1]?.evidence ?? [] };
};

describe('narrate: the grounded narrative', () => {
  it('with no model configured nothing changes and no request is attempted', async () => {
    const built = await buildLlmDeps(configWith({ baseUrl: fake.url }), {
      promptsDir: join(root, 'no-prompts-here'),
      clock: Date.now,
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.llm).toBeUndefined();
    const r = await narrate({ ...built.value, audit: storage.audit }, { incidentId: 'INC-1', report });
    expect(r).toEqual({ ok: false, error: { code: 'LLM_DISABLED', message: expect.any(String) } });
    expect(fake.requests).toHaveLength(0);
    expect(await storage.audit.query({})).toEqual([]);
  });

  it('keeps cited sentences, drops an uncited one and one citing a made-up key, and never changes the report', async () => {
    fake.script((req) => {
      const { top } = keysOf(req);
      return {
        json: {
          sentences: [
            { part: 'happening', text: 'Checkout and frontend requests fail since 14:20.', cite: [top[0]] },
            { part: 'happening', text: 'This is definitely a network outage.', cite: [] },
            { part: 'cause', text: 'The payment deploy is the most likely cause.', cite: [top[0], top[1]] },
            { part: 'next', text: 'Restart everything.', cite: ['E999'] },
            { part: 'next', text: 'Check the payment deploy first and consider a rollback.', cite: [top[1]] },
          ],
          alsoSuggests: [],
        },
      };
    });
    const before = structuredClone(report);
    const deps = await llmDeps(fake.url, { audit: storage.audit });
    const r = await narrate(deps, { incidentId: 'INC-1', report });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ev = report.hypotheses[0]?.evidence ?? [];
    expect(r.value.sentences.map((s) => s.text)).toEqual([
      'Checkout and frontend requests fail since 14:20.',
      'The payment deploy is the most likely cause.',
      'Check the payment deploy first and consider a rollback.',
    ]);
    expect(r.value.sentences[1]?.evidenceIds).toEqual([ev[0]?.id, ev[1]?.id]);
    expect(r.value.dropped.map((d) => [d.text, d.reason])).toEqual([
      ['This is definitely a network outage.', 'no-citation'],
      ['Restart everything.', 'unknown-citation'],
    ]);
    expect(report).toEqual(before);
    // What the chat shows (the incident message's narrative slot): the cited sentences only.
    const block = buildNarrativeBlock(r.value, report);
    expect(block?.block_id).toBe('causeway_narrative');
    expect(validateMessage({ text: 'narrative', blocks: block ? [block] : [] })).toEqual([]);
    expect(JSON.stringify(block)).toContain('The payment deploy is the most likely cause.');
    expect(JSON.stringify(block)).not.toContain('network outage');
    expect(JSON.stringify(block)).not.toContain('Restart everything');
  });

  it('records every call in the audit log: prompt id, version and hash, model, tokens, latency, cost, response hash, full texts by hash', async () => {
    fake.script((req) => ({ ...groundedModel(req), usage: { prompt: 2000, completion: 100 } }));
    const deps = await llmDeps(fake.url, {
      audit: storage.audit,
      llm: { pricing: { inputPerMillionTokensUsd: 2.5, outputPerMillionTokensUsd: 10 } },
    });
    const r = await narrate(deps, { incidentId: 'INC-7', report });
    expect(r.ok).toBe(true);
    const recs = await storage.audit.query({ incidentId: 'INC-7' });
    expect(recs.map((x) => [x.actor, x.action, x.subject])).toEqual([['llm', 'llm.called', 'incident:INC-7']]);
    const d = recs[0]?.data as Record<string, unknown>;
    const prompt = (await shippedPrompts()).get('narrate');
    expect(d).toMatchObject({
      incidentId: 'INC-7',
      purpose: 'narrate',
      promptId: 'narrate',
      promptVersion: prompt?.version,
      promptHash: prompt?.hash,
      model: 'test-model',
      endpoint: fake.url,
      method: 'jsonSchema',
      outcome: 'ok',
      inputTokens: 2000,
      outputTokens: 100,
      costUsd: 0.006,
      sentencesKept: 3,
      sentencesDropped: 0,
    });
    expect(d.latencyMs).toEqual(expect.any(Number));
    expect(d.requestHash).toMatch(/^sha256:/);
    // The response text is kept; the (large) request text is stored once as a payload named by its hash.
    expect(d.responseHash).toBe(contentHash(d.responseText as string));
    const req = d.requestText as { $payload: string; bytes: number };
    expect(req.$payload).toBe(d.requestHash);
    const stored = new TextDecoder().decode(await storage.audit.payload(req.$payload));
    expect(stored).toContain('untrusted DATA');
    // The API key never reaches the log.
    expect(JSON.stringify(recs)).not.toContain('sk-test-key');
  });

  it('with storeFullText off only the hashes are kept', async () => {
    fake.script(groundedModel);
    const deps = await llmDeps(fake.url, { audit: storage.audit, llm: { storeFullText: false } });
    await narrate(deps, { incidentId: 'INC-8', report });
    const d = (await storage.audit.query({ incidentId: 'INC-8' }))[0]?.data as Record<string, unknown>;
    expect(d.requestText).toBeUndefined();
    expect(d.responseText).toBeUndefined();
    expect(d.responseHash).toMatch(/^sha256:/);
  });

  it('the per-incident token budget (summed from the audit log) refuses further calls without a request', async () => {
    fake.script((req) => ({ ...groundedModel(req), usage: { prompt: 3000, completion: 200 } }));
    const deps = await llmDeps(fake.url, { audit: storage.audit, llm: { budget: { maxTokensPerIncident: 5000 } } });
    expect((await narrate(deps, { incidentId: 'INC-9', report })).ok).toBe(true);
    const second = await narrate(deps, { incidentId: 'INC-9', report });
    expect(second).toMatchObject({ ok: false, error: { code: 'LLM_BUDGET_EXCEEDED' } });
    expect(fake.requests).toHaveLength(1);
    // Another incident has its own budget.
    expect((await narrate(deps, { incidentId: 'INC-10', report })).ok).toBe(true);
  });

  it('the per-incident cost budget stops calls once spent', async () => {
    fake.script((req) => ({ ...groundedModel(req), usage: { prompt: 100_000, completion: 1000 } }));
    const deps = await llmDeps(fake.url, {
      audit: storage.audit,
      llm: {
        pricing: { inputPerMillionTokensUsd: 10, outputPerMillionTokensUsd: 30 },
        budget: { maxCostPerIncidentUsd: 0.5 },
      },
    });
    expect((await narrate(deps, { incidentId: 'INC-11', report })).ok).toBe(true);
    expect(await narrate(deps, { incidentId: 'INC-11', report })).toMatchObject({
      ok: false,
      error: { code: 'LLM_BUDGET_EXCEEDED', message: expect.stringMatching(/maxCostPerIncidentUsd/) },
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('a slow model times out at the narrative deadline (LLM_TIMEOUT, audited); the report stands', async () => {
    fake.script([{ json: { sentences: [], alsoSuggests: [] }, delayMs: 5000 }]);
    const deps = await llmDeps(fake.url, { audit: storage.audit, llm: { narrateTimeoutSeconds: 0.4 } });
    const t0 = Date.now();
    const r = await narrate(deps, { incidentId: 'INC-12', report });
    expect(r).toMatchObject({ ok: false, error: { code: 'LLM_TIMEOUT' } });
    expect(Date.now() - t0).toBeLessThan(2500);
    const d = (await storage.audit.query({ incidentId: 'INC-12' }))[0]?.data;
    expect(d).toMatchObject({ outcome: 'LLM_TIMEOUT' });
  });

  it('a reply with no grounded sentence is LLM_UNGROUNDED (nothing is shown)', async () => {
    fake.script([{ json: { sentences: [{ part: 'cause', text: 'It is DNS.', cite: ['E77'] }], alsoSuggests: [] } }]);
    const r = await narrate(await llmDeps(fake.url), { incidentId: 'INC-13', report });
    expect(r).toMatchObject({ ok: false, error: { code: 'LLM_UNGROUNDED' } });
  });

  it('a "most likely cause" naming a lower-ranked hypothesis is kept only as a suggestion, out of what the chat shows', async () => {
    fake.script((req) => {
      const { top, second } = keysOf(req);
      return {
        json: {
          sentences: [
            { part: 'happening', text: 'Payments fail.', cite: [top[0]] },
            { part: 'cause', text: 'The real cause is checkout.', cite: [second[0]] },
          ],
          alsoSuggests: [],
        },
      };
    });
    const r = await narrate(await llmDeps(fake.url), { incidentId: 'INC-14', report });
    expect(r.ok && r.value.sentences.map((s) => s.text)).toEqual(['Payments fail.']);
    expect(r.ok && r.value.alsoSuggests.map((s) => s.text)).toEqual(['The real cause is checkout.']);
    const shown = r.ok ? JSON.stringify(buildNarrativeBlock(r.value, report)) : '';
    expect(shown).toContain('Payments fail.');
    expect(shown).not.toContain('The real cause is checkout.');
  });

  it('buildLlmDeps refuses to start on a broken prompt folder when a model is configured', async () => {
    const r = await buildLlmDeps(configWith({ model: 'm', baseUrl: fake.url }), {
      promptsDir: join(root, 'missing'),
      clock: Date.now,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'PROMPT_INVALID' } });
    const ok = await buildLlmDeps(configWith({ model: 'm', baseUrl: fake.url }), {
      promptsDir: PROMPTS_DIR,
      clock: Date.now,
    });
    expect(ok.ok && ok.value.llm?.model).toBe('m');
  });

  it('createChatNarrator fills the chat slot (its Narrative type), or gives nothing without a model or on failure', async () => {
    fake.script(groundedModel);
    const narrator = createChatNarrator(await llmDeps(fake.url, { audit: storage.audit }));
    const n: ChatNarrative | undefined = await narrator(report, 'INC-20');
    expect(n?.sentences.length).toBe(3);
    if (n) expect(buildNarrativeBlock(n, report)?.block_id).toBe('causeway_narrative');
    expect((await storage.audit.query({ incidentId: 'INC-20' })).length).toBe(1);
    fake.script([{ status: 503, error: { message: 'down', type: 'server_error' } }]);
    expect(await narrator(report, 'INC-21')).toBeUndefined();
    const off = createChatNarrator({ ...(await llmDeps(fake.url)), llm: undefined });
    fake.requests.length = 0;
    expect(await off(report)).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });
});
