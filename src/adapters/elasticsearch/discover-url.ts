/**
 * A Kibana Discover link that opens an ES|QL query over a time range (Kibana 8.11+), so a person
 * can see the documents behind a piece of evidence.
 */
export function discoverUrl(kibanaUrl: string, esql: string, from: number, to: number): string {
  const g = `(time:(from:${rison(new Date(from).toISOString())},to:${rison(new Date(to).toISOString())}))`;
  const a = `(dataSource:(type:esql),query:(esql:${rison(esql)}))`;
  return `${kibanaUrl}/app/discover#/?_g=${encodeURIComponent(g)}&_a=${encodeURIComponent(a)}`;
}

/** A string in Rison, the encoding Kibana's URL state uses. */
function rison(s: string): string {
  return `'${s.replace(/!/g, '!!').replace(/'/g, "!'")}'`;
}
