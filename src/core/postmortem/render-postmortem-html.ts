import { escapeHtml, safeHref } from './escape-html.ts';
import { PAGE_CSS } from './page-css.ts';
import type { DocBlock, DocText, PostmortemDoc } from './postmortem-doc.ts';

/** The postmortem draft as one self-contained HTML document (inline CSS, no script); every text escaped. */
export function renderPostmortemHtml(doc: PostmortemDoc): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.title)}</h1>
<p class="sub">${escapeHtml(doc.subtitle)}</p>
${doc.sections.map((s) => `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(renderDocBlock).join('\n')}\n</section>`).join('\n')}
</main>
</body>
</html>
`;
}

/** One document block as HTML (shared with the incident page). */
export function renderDocBlock(b: DocBlock): string {
  switch (b.kind) {
    case 'p':
      return `<p>${inline(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
    case 'checklist':
      return `<ul class="todo">${b.items.map((i) => `<li><label><input type="checkbox" disabled> ${escapeHtml(i)}</label></li>`).join('')}</ul>`;
    case 'pairs':
      return `<dl>${b.pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
    case 'table':
      return `<div class="scroll"><table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
  }
}

/** Text parts as HTML: strings escaped, links with a safe href (else their text alone). */
export function inline(parts: readonly DocText[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return escapeHtml(p);
      const href = safeHref(p.href);
      return href ? `<a href="${escapeHtml(href)}">${escapeHtml(p.text)}</a>` : escapeHtml(p.text);
    })
    .join('');
}
