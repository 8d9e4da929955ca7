// One writer process for the concurrency test: appends N records to the store at argv[2] and
// prints the sequence number of each as it is acknowledged.
import { writeSync } from 'node:fs';
import { openStorage } from '../../../src/adapters/storage/open-storage.ts';

const [url, writer, count] = process.argv.slice(2) as [string, string, string];
const opened = await openStorage(url, {
  clock: Date.now,
  audit: { checkpointKey: 'concurrency-test-key-0123456789abcdef' },
});
if (!opened.ok) throw new Error(opened.error.message);
const seqs: number[] = [];
for (let i = 0; i < Number(count); i++) {
  const r = await opened.value.audit.append({
    actor: 'system',
    action: 'message.posted',
    subject: `writer:${writer}`,
    data: { i },
  });
  seqs.push(r.seq);
}
writeSync(1, `${JSON.stringify(seqs)}\n`);
await opened.value.close();
