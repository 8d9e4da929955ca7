/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An href that is safe to put in a page: http(s) URLs, relative paths and anchors only; else undefined. */
export function safeHref(href: string): string | undefined {
  return /^(?:https?:\/\/|\/(?!\/)|#|\?)/i.test(href) && !/[\s<>"'`]/.test(href) ? href : undefined;
}
