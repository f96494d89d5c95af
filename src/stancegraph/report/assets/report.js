// stancegraph report: draws the page from the JSON in #report-data. Plain JavaScript and SVG,
// no library and no network access: the layout comes computed from Python.
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var actorsById = {};
  data.actors.forEach(function (a) { actorsById[a.id] = a; });
  var byHolder = {};
  data.positions.forEach(function (p) { (byHolder[p.holder] = byHolder[p.holder] || []).push(p); });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    return e;
  }
  function label(key) { return data.labels[key] || key; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // ------------------------------------------------------------------ evidence
  function evidenceItem(p) {
    var li = el("li");
    var head = el("div");
    var stance = el("span", { "class": p.stance === "support" ? "agree" : (p.stance === "oppose" ? "disagree" : "") },
      p.stance);
    head.appendChild(stance);
    head.appendChild(document.createTextNode(" " + label(p.issue) + (p.date ? " (" + p.date + ")" : "")));
    li.appendChild(head);
    if (p.evidence) { li.appendChild(el("blockquote", {}, p.evidence)); }
    var src = el("div", { "class": "hint" });
    if (p.url) {
      var a = el("a", { href: p.url, target: "_blank", rel: "noopener noreferrer" }, p.headline || p.article);
      src.appendChild(a);
    } else {
      src.textContent = "article " + p.article + (p.headline ? ": " + p.headline : "");
    }
    li.appendChild(src);
    return li;
  }

  var details = document.getElementById("details");
  function showActor(a) {
    details.textContent = "";
    details.appendChild(el("h3", {}, a.label));
    details.appendChild(el("p", { "class": "hint" }, [a.kind, a.affiliation].filter(Boolean).join(", ") +
      " — " + plural(a.statements, "statement") + ", " + plural(a.positions, "position")));
    var ul = el("ul");
    (byHolder[a.id] || []).forEach(function (p) { ul.appendChild(evidenceItem(p)); });
    details.appendChild(ul);
  }
  function showTie(t) {
    var u = actorsById[t.source], v = actorsById[t.target];
    details.textContent = "";
    details.appendChild(el("h3", {}, u.label + " — " + v.label));
    details.appendChild(el("p", { "class": "hint" }, "agree on " + t.agreement + ", disagree on " +
      t.disagreement + " (issue, stance) pairs"));
    t.issues.forEach(function (issue) {
      details.appendChild(el("h4", {}, label(issue)));
      var ul = el("ul");
      [u, v].forEach(function (who) {
        (byHolder[who.id] || []).filter(function (p) { return p.issue === issue; }).forEach(function (p) {
          var li = evidenceItem(p);
          li.insertBefore(el("strong", {}, who.label + ": "), li.firstChild);
          ul.appendChild(li);
        });
      });
      details.appendChild(ul);
    });
  }

  // ------------------------------------------------------------------ network
  var tooltip = document.getElementById("tooltip");
  function tip(evt, text) {
    tooltip.hidden = false;
    tooltip.textContent = text;
    tooltip.style.left = (evt.clientX + 12) + "px";
    tooltip.style.top = (evt.clientY + 12) + "px";
  }
  function untip() { tooltip.hidden = true; }

  function drawNetwork() {
    var box = document.getElementById("network");
    if (!data.drawn) {
      box.appendChild(el("p", { "class": "too-many" }, data.actors.length + " actors: too many to draw " +
        "responsively here (the limit is " + data.max_drawn + "). Open the network in Gephi: " +
        "stancegraph network GRAPH -o network.gexf"));
      return;
    }
    var W = 1000, H = 620;
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, "aria-label": "network of actors" });
    var view = svg("g", { "class": "view" });
    root.appendChild(view);
    var edgeLayer = svg("g", { "class": "edges" }), nodeLayer = svg("g", { "class": "nodes" });
    var labelLayer = svg("g", { "class": "labels" });
    view.appendChild(edgeLayer); view.appendChild(nodeLayer); view.appendChild(labelLayer);
    var maxS = Math.max.apply(null, data.actors.map(function (a) { return a.statements; }).concat([1]));
    function px(a) { return 20 + a.x * (W - 40); }
    function py(a) { return 20 + a.y * (H - 40); }
    function radius(a) { return 4 + 14 * Math.sqrt(a.statements / maxS); }
    var nodeEls = {};
    var selected = null;
    function select(elem) {
      if (selected) { selected.classList.remove("selected"); }
      selected = elem; elem.classList.add("selected");
    }
    data.ties.forEach(function (t) {
      var u = actorsById[t.source], v = actorsById[t.target];
      var line = svg("line", { x1: px(u), y1: py(u), x2: px(v), y2: py(v),
        "class": "edge " + (t.sign >= 0 ? "agree" : "disagree"),
        "stroke-width": Math.min(8, 1 + Math.abs(t.agreement - t.disagreement)) });
      line.addEventListener("mousemove", function (e) {
        tip(e, u.label + " — " + v.label + ": " + (t.sign >= 0 ? "agree" : "disagree") + " on " +
          t.issues.map(label).join("; "));
      });
      line.addEventListener("mouseleave", untip);
      line.addEventListener("click", function (e) { e.stopPropagation(); select(line); showTie(t); });
      edgeLayer.appendChild(line);
    });
    data.actors.forEach(function (a) {
      var c = svg("circle", { cx: px(a), cy: py(a), r: radius(a), fill: a.colour, "class": "node" });
      c.setAttribute("data-id", a.id);
      c.addEventListener("mousemove", function (e) {
        tip(e, a.label + (a.affiliation ? " (" + a.affiliation + ")" : "") + ": " +
          plural(a.statements, "statement") + ", " + plural(a.positions, "position"));
      });
      c.addEventListener("mouseleave", untip);
      c.addEventListener("click", function (e) { e.stopPropagation(); select(c); showActor(a); });
      nodeLayer.appendChild(c);
      nodeEls[a.id] = c;
      if (data.actors.length <= 150 || a.statements >= maxS / 3) {
        var t = svg("text", { x: px(a) + radius(a) + 2, y: py(a) + 4, "class": "node-label" });
        t.textContent = a.label;
        labelLayer.appendChild(t);
      }
    });
    // pan and zoom
    var k = 1, tx = 0, ty = 0, drag = null;
    function apply() { view.setAttribute("transform", "translate(" + tx + "," + ty + ") scale(" + k + ")"); }
    root.addEventListener("wheel", function (e) {
      e.preventDefault();
      var r = root.getBoundingClientRect();
      var mx = (e.clientX - r.left) * W / r.width, my = (e.clientY - r.top) * H / r.height;
      var f = e.deltaY < 0 ? 1.15 : 1 / 1.15;
      tx = mx - (mx - tx) * f; ty = my - (my - ty) * f; k *= f; apply();
    }, { passive: false });
    root.addEventListener("mousedown", function (e) { drag = [e.clientX, e.clientY, tx, ty]; box.classList.add("dragging"); });
    window.addEventListener("mousemove", function (e) {
      if (!drag) { return; }
      var r = root.getBoundingClientRect();
      tx = drag[2] + (e.clientX - drag[0]) * W / r.width; ty = drag[3] + (e.clientY - drag[1]) * H / r.height; apply();
    });
    window.addEventListener("mouseup", function () { drag = null; box.classList.remove("dragging"); });
    box.appendChild(root);
    box.setAttribute("data-nodes", String(data.actors.length));
    box.setAttribute("data-edges", String(data.ties.length));
  }

  // ------------------------------------------------------------------ charts
  function drawTimeline() {
    var box = document.getElementById("timeline");
    if (!data.timeline.length) { box.appendChild(el("p", { "class": "hint" }, "No dated positions.")); return; }
    var all = {};
    data.timeline.forEach(function (s) { s.periods.forEach(function (p) { all[p.period] = true; }); });
    var periods = Object.keys(all).sort();
    document.getElementById("timeline-unit").textContent = data.timeline_unit;
    data.timeline.forEach(function (s) {
      var card = el("div", { "class": "chart" });
      card.appendChild(el("h4", {}, s.label));
      var W = 320, H = 130, mid = 62, left = 22;
      var chart = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "positions over time on " + s.label });
      var byPeriod = {};
      s.periods.forEach(function (p) { byPeriod[p.period] = p; });
      var max = 1;
      s.periods.forEach(function (p) {
        var up = p.support || 0, down = 0;
        for (var key in p) { if (key !== "period" && key !== "support") { down += p[key]; } }
        max = Math.max(max, up, down);
      });
      var bw = Math.max(2, (W - left - 4) / periods.length);
      chart.appendChild(svg("line", { x1: left, x2: W, y1: mid, y2: mid, "class": "axis" }));
      periods.forEach(function (t, i) {
        var p = byPeriod[t] || {};
        var x = left + i * bw;
        var up = p.support || 0, down = 0;
        for (var key in p) { if (key !== "period" && key !== "support") { down += p[key]; } }
        if (up) {
          var h1 = (mid - 8) * up / max;
          var r1 = svg("rect", { x: x + 1, y: mid - h1, width: bw - 2, height: h1, "class": "bar-support" });
          r1.appendChild(svg("title")).textContent = t + ": " + up + " support";
          chart.appendChild(r1);
        }
        if (down) {
          var h2 = (mid - 8) * down / max;
          var r2 = svg("rect", { x: x + 1, y: mid, width: bw - 2, height: h2,
            "class": p.oppose !== undefined || !Object.keys(p).length ? "bar-oppose" : "bar-other" });
          r2.appendChild(svg("title")).textContent = t + ": " + down + (p.oppose !== undefined ? " oppose" : " other");
          chart.appendChild(r2);
        }
        if (i === 0 || i === periods.length - 1 || periods.length <= 6) {
          var tk = svg("text", { x: x + bw / 2, y: H - 2, "text-anchor": "middle", "class": "tick" });
          tk.textContent = t;
          chart.appendChild(tk);
        }
      });
      var top = svg("text", { x: 2, y: 12, "class": "tick" }); top.textContent = String(max);
      chart.appendChild(top);
      card.appendChild(chart);
      box.appendChild(card);
    });
  }

  // ------------------------------------------------------------------ tables
  function table(columns, rows) {
    var t = el("table"), thead = el("thead"), tr = el("tr"), tbody = el("tbody");
    var state = { col: -1, asc: true };
    columns.forEach(function (c, i) {
      var th = el("th", { "class": c.num ? "num" : "" }, c.title);
      th.addEventListener("click", function () {
        state.asc = state.col === i ? !state.asc : !c.num;
        state.col = i;
        Array.prototype.forEach.call(tr.children, function (h) { h.classList.remove("sorted", "asc"); });
        th.classList.add("sorted"); if (state.asc) { th.classList.add("asc"); }
        rows.sort(function (a, b) {
          var x = c.value(a), y = c.value(b);
          var r = x < y ? -1 : (x > y ? 1 : 0);
          return state.asc ? r : -r;
        });
        fill();
      });
      tr.appendChild(th);
    });
    function fill() {
      tbody.textContent = "";
      rows.forEach(function (r) {
        var row = el("tr");
        columns.forEach(function (c) {
          var td = el("td", { "class": c.num ? "num" : "" });
          if (c.render) { c.render(td, r); } else { td.textContent = c.value(r); }
          row.appendChild(td);
        });
        tbody.appendChild(row);
      });
    }
    thead.appendChild(tr); t.appendChild(thead); t.appendChild(tbody); fill();
    return t;
  }

  function drawContested() {
    var box = document.getElementById("contested");
    if (!data.contested.length) { box.appendChild(el("p", { "class": "hint" }, "No issue has holders on two sides.")); return; }
    box.appendChild(table([
      { title: "issue", value: function (c) { return c.label; } },
      { title: "holders per side", value: function (c) {
        return Object.keys(c.holders).map(function (k) { return k + " " + c.holders[k]; }).join(", ");
      } },
      { title: "contest score", num: true, value: function (c) { return c.score; } },
      { title: "holders", num: true, value: function (c) { return c.total; } }
    ], data.contested.slice()));
  }

  function drawActors() {
    var box = document.getElementById("actors");
    box.appendChild(table([
      { title: "actor", value: function (a) { return a.label; }, render: function (td, a) {
        td.appendChild(el("span", { "class": "swatch", style: "background:" + a.colour }));
        var link = el("a", { href: "#network-section" }, a.label);
        link.addEventListener("click", function () { showActor(a); });
        td.appendChild(link);
      } },
      { title: "kind", value: function (a) { return a.kind; } },
      { title: "affiliation", value: function (a) { return a.affiliation || ""; } },
      { title: "coalition", num: true, value: function (a) { return a.community; } },
      { title: "statements", num: true, value: function (a) { return a.statements; } },
      { title: "positions", num: true, value: function (a) { return a.positions; } }
    ], data.actors.slice()));
  }

  function drawProvenance() {
    var p = data.provenance, dl = el("dl", { "class": "prov" });
    function row(k, v) { if (v === null || v === undefined || v === "") { return; } dl.appendChild(el("dt", {}, k)); dl.appendChild(el("dd", {}, v)); }
    row("report by", p.software);
    (p.runs || []).forEach(function (r) { row("extraction run", r.run + (r.version ? " (" + r.version + ")" : "")); });
    row("articles", p.articles);
    row("published", p.first && p.last ? p.first + " to " + p.last : "");
    row("positions without a date", p.undated ? String(p.undated) + " (not in the charts)" : "");
    row("triples", p.triples);
    row("dataset", p.dataset);
    row("built", p.created);
    row("licence", p.license || p.rights);
    row("SPARQL endpoint", p.endpoint);
    row("description", p.description_file);
    document.getElementById("provenance").appendChild(dl);
    document.getElementById("subtitle").textContent = plural(data.actors.length, "actor") + ", " +
      plural(data.ties.length, "tie") + ", " + plural(data.positions.length, "position") +
      (p.articles ? " from " + plural(Number(p.articles), "article") : "") +
      (data.polarisation !== null ? "; polarisation " + data.polarisation.toFixed(2) : "");
  }

  document.addEventListener("click", function () { untip(); });
  drawNetwork();
  drawTimeline();
  drawContested();
  drawActors();
  drawProvenance();
  document.body.setAttribute("data-ready", "true");
}());
