import type { Config } from '../../core/config/config-schema.ts';

/** The configuration with a command line's `--llm-url` / `--llm-model` applied (a URL alone asks for llm.model, else "local-model"). */
export function configWithLlmOverrides(config: Readonly<Config>, url: unknown, model: unknown): Readonly<Config> {
  if (typeof url !== 'string' && typeof model !== 'string') return config;
  return {
    ...config,
    llm: {
      ...config.llm,
      ...(typeof url === 'string' ? { baseUrl: url } : {}),
      model: typeof model === 'string' ? model : (config.llm.model ?? 'local-model'),
    },
  };
}
