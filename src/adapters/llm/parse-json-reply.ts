/** Parses a model's JSON reply, tolerating a Markdown code fence around it; undefined when it is not JSON. */
export function parseJsonReply(text: string): unknown {
  const t = text.trim();
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(t);
  try {
    return JSON.parse(fenced ? (fenced[1] as string) : t);
  } catch {
    return undefined;
  }
}
