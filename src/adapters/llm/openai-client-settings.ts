/** How to reach an OpenAI-compatible chat-completions endpoint (from config `llm`). */
export type OpenAiClientSettings = {
  /** Default: OpenAI's public API. Self-hosted: e.g. http://127.0.0.1:11434/v1 (Ollama), :8000/v1 (vLLM), :1234/v1 (LM Studio). */
  readonly baseUrl: string | undefined;
  readonly model: string;
  readonly apiKey: string | undefined;
  readonly temperature: number;
  /** Per request. */
  readonly timeoutMs: number;
  /** Retries of 429, 5xx and connection failures (honouring retry-after), within the caller's deadline. */
  readonly maxRetries: number;
  readonly structuredOutput: 'auto' | 'jsonSchema' | 'functionCalling';
  /** Ask for SSE streaming (usage from `stream_options.include_usage`). */
  readonly streaming: boolean;
  readonly maxOutputTokens: number;
};
