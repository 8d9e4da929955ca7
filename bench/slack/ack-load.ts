// Load generator for the ack benchmark, in its own process so it does not share the app's event
// loop: sends N signed `/causeway help` slash commands, C in flight, and prints the latencies.
// usage: node bench/slack/ack-load.ts URL SECRET RESPONSE_URL N C
import { sendSigned, slashCommandBody } from '../../test/support/fake-slack-client.ts';

const [url, secret, responseUrl, n, c] = process.argv.slice(2) as [string, string, string, string, string];
const N = Number(n);
const acks: number[] = [];
let next = 0;
let bad = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: Number(c) }, async () => {
    while (next < N) {
      next++;
      const body = slashCommandBody({ text: 'help', channel: 'C0CMD', user: 'U0BENCH', responseUrl });
      const r = await sendSigned(url, body, 'application/x-www-form-urlencoded', { secret });
      if (r.status !== 200) bad++;
      acks.push(r.ms);
    }
  }),
);
process.stdout.write(JSON.stringify({ acks, bad, wallMs: performance.now() - t0 }));
