"""The query page ``stancegraph serve`` shows at ``/``: the project's prefixes and its query library.

The Oxigraph server's own page knows nothing of stancegraph. This one is a
single HTML file (no CDN, no outside request: its Content-Security-Policy
allows only the endpoint it is served from) with

* the ``PREFIX`` lines of the project's one prefix table, already in the editor;
* every query of the library (``queries/*.rq``) in a list with its summary,
  description and parameters: picking one puts its text in the editor (it runs
  as it is, every parameter unbound);
* a Run button that POSTs the query to ``/query`` and shows the result table
  (or the Turtle of a CONSTRUCT).

The guard in front of the Oxigraph server (:class:`stancegraph.store.guard.Guard`)
answers ``GET /`` with it.

>>> page = query_page_html()
>>> "PREFIX sg: &lt;https://w3id.org/stancegraph/ontology#&gt;" in page, "positions-over-time" in page
(True, True)
"""

from __future__ import annotations

import html as _html
import json
from typing import Any

from ..namespaces import prefix_map

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; "
       "img-src data:; base-uri 'none'; form-action 'none'")

_CSS = """
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #222; }
header { padding: 10px 18px; background: #f5f5f8; border-bottom: 1px solid #ddd; }
header h1 { margin: 0; font-size: 18px; } header p { margin: 2px 0 0; color: #666; }
main { display: grid; grid-template-columns: 320px 1fr; gap: 14px; padding: 14px 18px; }
#library { border: 1px solid #ddd; border-radius: 4px; max-height: 78vh; overflow: auto; }
#library button { display: block; width: 100%; text-align: left; border: 0; border-bottom: 1px solid #eee;
  background: #fff; padding: 7px 10px; cursor: pointer; font: inherit; }
#library button:hover, #library button.active { background: #eef4ff; }
#library small { display: block; color: #666; }
textarea { width: 100%; height: 330px; font: 13px/1.4 ui-monospace, monospace; box-sizing: border-box; }
#bar { margin: 6px 0; display: flex; gap: 10px; align-items: center; }
#about { color: #555; white-space: pre-wrap; margin: 4px 0 8px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #eee; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f5f5f8; } #status { color: #666; } .error { color: #b00; white-space: pre-wrap; }
pre { white-space: pre-wrap; }
"""

_JS = r"""
(function () {
  "use strict";
  var lib = JSON.parse(document.getElementById("library-data").textContent);
  var editor = document.getElementById("editor"), about = document.getElementById("about");
  var out = document.getElementById("results"), status = document.getElementById("status");
  var list = document.getElementById("library");
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
  lib.queries.forEach(function (q) {
    var b = el("button"); b.setAttribute("data-name", q.name);
    b.appendChild(el("strong", q.name)); b.appendChild(el("small", q.summary));
    b.addEventListener("click", function () {
      Array.prototype.forEach.call(list.children, function (x) { x.classList.remove("active"); });
      b.classList.add("active");
      editor.value = q.text;
      about.textContent = q.description + (q.params.length ? "\n\nParameters (unbound here; bind them in the VALUES lines, or run `stancegraph query --name " +
        q.name + " --param KEY=VALUE`):\n" + q.params.map(function (p) {
          return "  " + p.name + " (" + p.type + (p.required ? ", required" : "") + "): " + p.description; }).join("\n") : "");
    });
    list.appendChild(b);
  });
  function run() {
    status.textContent = "running…"; out.textContent = "";
    var started = Date.now();
    fetch(lib.endpoint, { method: "POST", body: editor.value, headers: {
      "Content-Type": "application/sparql-query",
      "Accept": "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1" } })
      .then(function (r) {
        var type = r.headers.get("Content-Type") || "";
        return r.text().then(function (body) { return { ok: r.ok, status: r.status, type: type, body: body }; });
      })
      .then(function (r) {
        var secs = ((Date.now() - started) / 1000).toFixed(2) + " s";
        if (!r.ok) { status.textContent = "HTTP " + r.status + " (" + secs + ")"; out.appendChild(el("p", r.body)).className = "error"; return; }
        if (r.type.indexOf("json") >= 0) {
          var data = JSON.parse(r.body);
          if (data.boolean !== undefined) { status.textContent = "ASK: " + data.boolean + " (" + secs + ")"; return; }
          var vars = data.head.vars, rows = data.results.bindings;
          status.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + " (" + secs + ")";
          var t = el("table"), head = el("tr");
          vars.forEach(function (v) { head.appendChild(el("th", v)); });
          t.appendChild(head);
          rows.forEach(function (b) {
            var tr = el("tr");
            vars.forEach(function (v) { tr.appendChild(el("td", b[v] ? b[v].value : "")); });
            t.appendChild(tr);
          });
          out.appendChild(t);
        } else {
          status.textContent = "graph (" + secs + ")";
          out.appendChild(el("pre", r.body));
        }
      })
      .catch(function (e) { status.textContent = "failed: " + e; });
  }
  document.getElementById("run").addEventListener("click", run);
  editor.addEventListener("keydown", function (e) { if ((e.ctrlKey || e.metaKey) && e.key === "Enter") run(); });
  document.body.setAttribute("data-ready", "true");
}());
"""


def library_entries() -> list[dict[str, Any]]:
    """The library's queries as the page lists them."""
    from .library import list_queries

    return [{"name": q.name, "summary": q.summary, "description": q.description, "text": q.text.strip() + "\n",
             "params": [{"name": p.name, "type": p.type, "required": p.required, "description": p.description}
                        for p in q.params]}
            for q in list_queries()]


def query_page_html(endpoint: str = "/query") -> str:
    """The page (see the module notes); ``endpoint`` is where its queries go (same origin)."""
    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in prefix_map().items())
    start = prologue + "\nSELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20\n"
    data = {"endpoint": endpoint, "queries": library_entries()}
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>stancegraph SPARQL endpoint</title><style>{_CSS}</style></head>
<body>
<header><h1>stancegraph SPARQL endpoint</h1>
<p>Queries go to <code>{_html.escape(endpoint)}</code> (SPARQL 1.1 protocol). The project's prefixes are
declared below; pick a query of the library on the left to load it.</p></header>
<main>
<nav id="library" aria-label="query library"></nav>
<section>
<textarea id="editor" spellcheck="false" aria-label="SPARQL query">{_html.escape(start)}</textarea>
<div id="bar"><button id="run" type="button">Run (Ctrl+Enter)</button><span id="status"></span></div>
<div id="about"></div>
<div id="results"></div>
</section>
</main>
<script type="application/json" id="library-data">{payload}</script>
<script>{_JS}</script>
</body></html>
"""


__all__ = ["CSP", "library_entries", "query_page_html"]
