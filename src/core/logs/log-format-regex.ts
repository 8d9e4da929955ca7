/**
 * Compiles a Loghub log format (`<Date> <Time> <Level>: <Content>`) into an anchored regex
 * with one lazy named group per field; runs of spaces in the format match any whitespace.
 */
export function logFormatRegex(format: string): RegExp {
  let source = '';
  for (const [i, piece] of format.split(/(<[^<>]+>)/).entries()) {
    if (i % 2 === 1) source += `(?<${piece.slice(1, -1)}>.*?)`;
    else source += piece.replace(/ +/g, String.raw`\s+`);
  }
  return new RegExp(`^${source}$`);
}
