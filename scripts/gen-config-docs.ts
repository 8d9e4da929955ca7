// Regenerates docs/configuration.md from the configuration schema: npm run docs:config
import { writeFileSync } from 'node:fs';
import { renderConfigReference } from '../src/core/config/render-config-reference.ts';

const target = new URL('../docs/configuration.md', import.meta.url);
const { text, undescribed } = renderConfigReference();
if (undescribed.length > 0) {
  process.stderr.write(
    `gen-config-docs: these keys have no description; add .describe('…') to them in src/core/config/config-schema.ts: ${undescribed.join(', ')}\n`,
  );
  process.exitCode = 1;
}
writeFileSync(target, text);
process.stdout.write('wrote docs/configuration.md\n');
