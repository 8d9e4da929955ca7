/** The stylesheet of the postmortem HTML and the incident page: readable on a phone, no web fonts, no script. */
export const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1b1f24;background:#f6f7f9}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.sub{color:#57606a;margin-top:0}
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:.25rem 1rem 1rem;margin:1rem 0}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem;margin:.5rem 0}
dt{color:#57606a}
dd{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #eaeef2}
td{overflow-wrap:anywhere}
td.nw,td:first-child{white-space:nowrap;overflow-wrap:normal}
td code{font-size:.78em}
ul{padding-left:1.25rem}
ul.todo{list-style:none;padding-left:0}
a{color:#0969da}
img.chart{width:100%;height:auto;border:1px solid #d0d7de;border-radius:6px;background:#fff}
.ok{color:#1a7f37;font-weight:600}
.bad{color:#cf222e;font-weight:600}
.muted{color:#57606a}
code{font-size:.85em;overflow-wrap:anywhere}
:target{background:#fff8c5}
@media (max-width:600px){body{font-size:15px}main{padding:.5rem}section{padding:.25rem .6rem .75rem}dl{grid-template-columns:1fr}dt{font-weight:600}}
`;
