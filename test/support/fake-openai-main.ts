// A local OpenAI-compatible server for trying the LLM layer without a model:
//   node test/support/fake-openai-main.ts [--port 8089]
// then, in another shell:  npm run demo -- --llm-url http://127.0.0.1:8089/v1
import { startFakeOpenAi } from './fake-openai.ts';
import { groundedModel } from './fake-openai-scripts.ts';

const at = process.argv.indexOf('--port');
const port = at >= 0 ? Number(process.argv[at + 1]) : 0;
const fake = await startFakeOpenAi(groundedModel, { port });
process.stdout.write(`fake OpenAI-compatible server (scripted, grounded) at ${fake.url}\n`);
process.on('SIGINT', () => void fake.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
