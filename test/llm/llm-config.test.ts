import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { openAiSettingsFromConfig } from '../../src/adapters/llm/openai-settings-from-config.ts';
import { llmSettingsFromConfig } from '../../src/core/config/llm-settings-from-config.ts';
import { DEFAULT_SEND_FIELDS } from '../../src/core/llm/default-send-fields.ts';

describe('llm configuration', () => {
  it('is off by default (no model), with safe defaults for everything else', () => {
    const r = loadConfig({ env: {} });
    if (!r.ok) throw new Error('expected valid');
    expect(r.value.llm.model).toBeUndefined();
    expect(openAiSettingsFromConfig(r.value)).toBeUndefined();
    expect(r.value.llm).toMatchObject({
      temperature: 0,
      timeoutSeconds: 30,
      maxRetries: 2,
      structuredOutput: 'auto',
      streaming: false,
      storeFullText: true,
      budget: { maxTokensPerIncident: 200_000, maxCostPerIncidentUsd: 1 },
      followUp: { maxToolCalls: 6, maxModelCalls: 8, maxToolOutputChars: 4000, timeoutSeconds: 90 },
      send: { fields: DEFAULT_SEND_FIELDS, maxHypotheses: 5, maxEvidencePerHypothesis: 6 },
      redact: { emails: true, ips: true, secrets: true, patterns: [] },
    });
  });

  it('reads the environment variables and the YAML file', () => {
    const r = loadConfig({
      env: {
        CAUSEWAY_LLM_MODEL: 'qwen2.5:14b',
        CAUSEWAY_LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
        CAUSEWAY_LLM_API_KEY: 'sk-local-0123456789abcdefghij',
        CAUSEWAY_LLM_STRUCTURED_OUTPUT: 'functionCalling',
        CAUSEWAY_LLM_STREAMING: 'true',
        CAUSEWAY_LLM_MAX_TOKENS_PER_INCIDENT: '50000',
        CAUSEWAY_LLM_SEND_FIELDS: 'evidence.data',
      },
      file: {
        path: 'causeway.yaml',
        text: 'llm:\n  pricing:\n    inputPerMillionTokensUsd: 0.15\n  redact:\n    patterns: ["cust-[0-9]+"]\n',
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(openAiSettingsFromConfig(r.value)).toMatchObject({
      model: 'qwen2.5:14b',
      baseUrl: 'http://127.0.0.1:11434/v1',
      structuredOutput: 'functionCalling',
      streaming: true,
      timeoutMs: 30_000,
    });
    const s = llmSettingsFromConfig(r.value, ['xoxb-slack-token-123']);
    expect(s.maxTokensPerIncident).toBe(50_000);
    expect(s.context.fields).toEqual(['evidence.data']);
    expect(s.pricing.inputPerMillionUsd).toBe(0.15);
    expect(s.redaction.patterns).toEqual(['cust-[0-9]+']);
    // The API key and other known secrets are redacted from prompts too.
    expect(s.redaction.knownSecrets).toEqual(['xoxb-slack-token-123', 'sk-local-0123456789abcdefghij']);
  });

  it('reports bad values with the key and the fix, all at once', () => {
    const r = loadConfig({
      env: { CAUSEWAY_LLM_BASE_URL: 'localhost:11434', CAUSEWAY_LLM_SEND_FIELDS: 'evidence.everything' },
      file: { path: 'c.yaml', text: 'llm:\n  structuredOutput: xml\n  redact:\n    patterns: ["(unclosed"]\n' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const keys = r.error.map((p) => p.key).sort();
    expect(keys).toEqual(['llm.baseUrl', 'llm.redact.patterns.0', 'llm.send.fields.0', 'llm.structuredOutput']);
    expect(r.error.find((p) => p.key === 'llm.redact.patterns.0')?.message).toMatch(
      /not a valid JavaScript regular expression/,
    );
    expect(r.error.find((p) => p.key === 'llm.structuredOutput')?.message).toMatch(/functionCalling/);
  });
});
