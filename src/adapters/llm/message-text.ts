/** The text of a LangChain message's content (a string, or content blocks). */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((c) =>
        typeof c === 'string'
          ? c
          : c && typeof c === 'object' && 'text' in c
            ? String((c as { text: unknown }).text)
            : '',
      )
      .join('');
  return '';
}
