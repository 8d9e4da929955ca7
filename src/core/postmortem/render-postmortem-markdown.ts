import type { DocBlock, DocText, PostmortemDoc } from './postmortem-doc.ts';

/** The postmortem draft as Markdown (GitHub-flavoured: tables, task lists); text is escaped so it cannot form markup. */
export function renderPostmortemMarkdown(doc: PostmortemDoc): string {
  const out = [`# ${esc(doc.title)}`, '', `_${esc(doc.subtitle)}_`, ''];
  for (const s of doc.sections) {
    out.push(`## ${esc(s.title)}`, '');
    for (const b of s.blocks) out.push(...block(b), '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function block(b: DocBlock): string[] {
  switch (b.kind) {
    case 'p':
      return [inline(b.text)];
    case 'list':
      return b.items.map((i) => `- ${inline(i)}`);
    case 'checklist':
      return b.items.map((i) => `- [ ] ${esc(i)}`);
    case 'pairs':
      return b.pairs.map(([k, v]) => `- **${esc(k)}**: ${esc(v)}`);
    case 'table':
      return [
        `| ${b.head.map((h) => cell(esc(h))).join(' | ')} |`,
        `|${b.head.map(() => '---').join('|')}|`,
        ...b.rows.map((r) => `| ${r.map((c) => cell(inline(c))).join(' | ')} |`),
      ];
  }
}

function inline(parts: readonly DocText[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? esc(p) : `[${esc(p.text)}](${p.href.replace(/[()\s]/g, encodeURIComponent)})`))
    .join('');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Backslash-escapes the characters that would start Markdown (or HTML) markup. */
function esc(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|!]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}
