/** A "billion laughs" YAML file: nine levels of nine aliases each (9^9 strings once expanded), under 400 bytes. */
export function billionLaughs(): string {
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  let prev = 'a';
  for (const n of 'bcdefghi') {
    lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    prev = n;
  }
  return `${lines.join('\n')}\n`;
}
