import { readLines } from './read-lines.ts';

/**
 * A whole text file (alert.json, changes.json) read with the bundle's line rules (see readLines):
 * strict UTF-8, no line longer than `maxLineBytes`. Line ends become `\n`, so line numbers hold.
 */
export async function readBoundedText(path: string, maxLineBytes: number, signal?: AbortSignal): Promise<string> {
  const lines: string[] = [];
  for await (const { text } of readLines(path, maxLineBytes, signal)) lines.push(text);
  return lines.join('\n');
}
