// citegraph's precedent map: the page's own code, on sigma.js and
// graphology (inlined before it). It reads the graph from the JSON in
// #citegraph-data, as the Go package viewer writes it, and needs no
// network: the only links out are the citation look-ups a reader follows.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("citegraph-data").textContent);
  var nodes = data.nodes, edges = data.edges, N = nodes.length;
  var $ = function (id) { return document.getElementById(id); };

  // Adjacency, by node index: the edges out of (cites) and into (cited
  // by) each case.
  var out = [], into = [];
  for (var i = 0; i < N; i++) { out.push([]); into.push([]); }
  edges.forEach(function (e, k) { out[e.s].push(k); into[e.t].push(k); });

  var state = {
    selected: null, hovered: null, neighbours: new Set(),
    from: 0, to: 0, unknownYear: true,
    courts: data.courts.map(function () { return true; }),
    measure: 0
  };

  // The graph, keyed by node index. Draw's y grows downwards, sigma's
  // upwards.
  var Graph = graphology.Graph || graphology;
  var graph = new Graph({ type: "directed", multi: false, allowSelfLoops: true });
  nodes.forEach(function (n, i) {
    graph.addNode(String(i), {
      x: n.x, y: -n.y, size: data.measures[0].radii[i], color: n.color,
      label: n.label, forceLabel: !!n.labelled && data.layout === "timeline"
    });
  });
  edges.forEach(function (e, k) {
    if (e.s !== e.t) {
      graph.addDirectedEdgeWithKey(String(k), String(e.s), String(e.t), { size: e.width, color: "#9a9a9a", type: "arrow" });
    }
  });

  function visible(i) {
    var n = nodes[i];
    if (!state.courts[n.group]) return false;
    if (!n.year) return state.unknownYear;
    return n.year >= state.from && n.year <= state.to;
  }

  function focus() { return state.selected !== null ? state.selected : state.hovered; }

  function setNeighbours() {
    state.neighbours = new Set();
    var f = focus();
    if (f === null) return;
    out[f].forEach(function (k) { state.neighbours.add(edges[k].t); });
    into[f].forEach(function (k) { state.neighbours.add(edges[k].s); });
  }

  function nodeReducer(key, attrs) {
    var i = +key, res = Object.assign({}, attrs), f = focus();
    if (!visible(i)) { res.hidden = true; return res; }
    if (f !== null) {
      if (i === f) { res.highlighted = true; res.forceLabel = true; res.zIndex = 2; }
      else if (state.neighbours.has(i)) { res.zIndex = 1; res.forceLabel = state.neighbours.size <= 40 || attrs.forceLabel; }
      else { res.color = "#e2e2e2"; res.label = ""; res.forceLabel = false; res.zIndex = 0; }
    }
    return res;
  }

  function edgeReducer(key, attrs) {
    var e = edges[+key], res = Object.assign({}, attrs), f = focus();
    if (!visible(e.s) || !visible(e.t)) { res.hidden = true; return res; }
    if (f !== null) {
      if (e.s === f || e.t === f) { res.color = "#555"; res.zIndex = 1; }
      else { res.hidden = true; }
    }
    return res;
  }

  var container = $("graph");
  var renderer = new Sigma(graph, container, {
    itemSizesReference: "positions",
    zoomToSizeRatioFunction: function (r) { return r; },
    defaultEdgeType: "arrow",
    labelFont: "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif",
    labelSize: 12, labelWeight: "600", labelColor: { color: "#222" },
    labelDensity: 0.6, labelGridCellSize: 110, labelRenderedSizeThreshold: 5,
    zIndex: true, stagePadding: 40, minCameraRatio: 0.01, maxCameraRatio: 3,
    hideEdgesOnMove: edges.length > 20000,
    nodeReducer: nodeReducer, edgeReducer: edgeReducer
  });
  var camera = renderer.getCamera();

  // First draw: when sigma has painted once (read by the browser test,
  // and useful to whoever wants to time a large map).
  var api = { firstDraw: null };
  renderer.once("afterRender", function () { api.firstDraw = performance.now(); });

  // ---- Timeline axis: one line and year per row, kept in place as the
  // camera moves.
  var axis = $("axis");
  var rowEls = (data.rows || []).map(function (r) {
    var el = document.createElement("div");
    el.className = "row";
    if (r.label) {
      var s = document.createElement("span");
      s.textContent = r.label;
      el.appendChild(s);
    }
    axis.appendChild(el);
    return el;
  });
  function placeAxis() {
    (data.rows || []).forEach(function (r, k) {
      var y = renderer.graphToViewport({ x: 0, y: -r.y }).y;
      rowEls[k].style.top = y + "px";
      rowEls[k].hidden = y < -10 || y > container.clientHeight + 10;
    });
  }
  renderer.on("afterRender", placeAxis);

  // ---- Filters.
  var years = nodes.map(function (n) { return n.year; }).filter(Boolean);
  var minYear = years.length ? Math.min.apply(null, years) : 0;
  var maxYear = years.length ? Math.max.apply(null, years) : 0;
  state.from = minYear; state.to = maxYear;
  var fromEl = $("year-from"), toEl = $("year-to");
  [fromEl, toEl].forEach(function (el) { el.min = minYear; el.max = maxYear; el.step = 1; });
  fromEl.value = minYear; toEl.value = maxYear;
  fromEl.disabled = toEl.disabled = !years.length;
  function onYears(ev) {
    var a = +fromEl.value, b = +toEl.value;
    if (a > b) { if (ev && ev.target === fromEl) { toEl.value = b = a; } else { fromEl.value = a = b; } }
    state.from = a; state.to = b;
    $("year-from-out").textContent = a;
    $("year-to-out").textContent = b;
    refresh();
  }
  fromEl.addEventListener("input", onYears);
  toEl.addEventListener("input", onYears);
  $("year-unknown").addEventListener("change", function (ev) { state.unknownYear = ev.target.checked; refresh(); });

  var courtList = $("courts");
  data.courts.forEach(function (c, k) {
    var li = document.createElement("li"), label = document.createElement("label");
    var box = document.createElement("input"), sw = document.createElement("span");
    box.type = "checkbox"; box.checked = true; box.dataset.court = c.id;
    box.addEventListener("change", function () { state.courts[k] = box.checked; refresh(); });
    sw.className = "swatch"; sw.style.background = c.color;
    label.append(box, sw, c.label + " (" + c.n.toLocaleString("en-US") + ")");
    li.appendChild(label);
    courtList.appendChild(li);
  });

  function refresh() {
    setNeighbours();
    renderer.refresh();
    var shown = 0;
    for (var i = 0; i < N; i++) if (visible(i)) shown++;
    $("counts").textContent = shown === N ? N.toLocaleString("en-US") + " cases" :
      "Showing " + shown.toLocaleString("en-US") + " of " + N.toLocaleString("en-US") + " cases";
  }

  // ---- Size measure and its legend, drawn at the map's current scale.
  var sizeSel = $("size-by");
  data.measures.forEach(function (m, k) {
    var o = document.createElement("option");
    o.value = k; o.textContent = m.title;
    sizeSel.appendChild(o);
  });
  sizeSel.addEventListener("change", function () {
    state.measure = +sizeSel.value;
    var radii = data.measures[state.measure].radii;
    graph.updateEachNodeAttributes(function (key, a) { a.size = radii[+key]; return a; }, { attributes: ["size"] });
    drawLegend();
  });
  var SVG = "http://www.w3.org/2000/svg";
  function drawLegend() {
    var m = data.measures[state.measure], svg = $("size-legend");
    var px = renderer.scaleSize(1), items = m.legend.slice();
    if (m.floorNote) items.push({ label: m.floorNote + ": drawn at this size", r: m.floor });
    // Circles larger than the panel allows are all shrunk alike, and the
    // legend says so.
    var biggest = Math.max.apply(null, items.map(function (l) { return l.r * px; }));
    var shrink = biggest > 34 ? 34 / biggest : 1;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var y = 4, cx = 4 + biggest * shrink;
    items.forEach(function (l) {
      var r = Math.max(0.5, l.r * px * shrink);
      var c = document.createElementNS(SVG, "circle");
      c.setAttribute("cx", cx); c.setAttribute("cy", y + r); c.setAttribute("r", r);
      c.setAttribute("fill", "#bbb"); c.setAttribute("stroke", "#777");
      var t = document.createElementNS(SVG, "text");
      t.setAttribute("x", 2 * cx + 8); t.setAttribute("y", y + r + 4);
      t.textContent = l.label;
      svg.append(c, t);
      y += 2 * r + 8;
    });
    svg.setAttribute("height", y);
    $("size-note").textContent = (m.scale === "rank" ? "Area by rank, from the bottom" : "Area proportional to the value") +
      (shrink < 1 ? "; circles at " + Math.round(shrink * 100) + "% of the map's zoom." : ", at the map's zoom.");
  }
  camera.on("updated", drawLegend);

  // ---- The case panel.
  var panel = $("panel");
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // CourtListener's citation look-up, for citations of the form
  // "volume reporter page".
  function lookup(cite) {
    var m = /^(\d+)\s+(.+?)\s+(\d+)$/.exec(cite);
    if (!m) return null;
    return "https://www.courtlistener.com/c/" + encodeURIComponent(m[2]) + "/" + m[1] + "/" + m[3] + "/";
  }
  function counted(list) {
    return list.map(function (c) { return c.n > 1 ? c.v + " ×" + c.n : c.v; }).join(", ");
  }
  function fmt(v) { return Math.abs(v) >= 1000 || v === Math.round(v) ? Math.round(v).toLocaleString("en-US") : v.toPrecision(4); }

  function edgeItem(e, other) {
    var n = nodes[other], li = el("li", "edge");
    li.dataset.weight = e.w;
    li.dataset.case = n.id;
    var go = el("button", "go", n.label);
    go.type = "button";
    go.title = "Open " + (n.name || n.label);
    go.addEventListener("click", function () { select(other, true); });
    li.appendChild(go);
    var meta = [e.w + (e.w === 1 ? " citation" : " citations")];
    if (n.year) meta.push(n.year);
    if (n.cites && n.cites[0] && n.cites[0] !== n.label) meta.unshift(n.cites[0]);
    li.appendChild(el("div", "meta", meta.join(" · ")));
    if (e.pins) {
      var pins = el("div", "pins");
      pins.setAttribute("aria-label", "pin cites");
      e.pins.forEach(function (p) {
        var chip = el("span", "pin");
        chip.appendChild(el("span", "pin-v", p.v));
        if (p.n > 1) chip.appendChild(document.createTextNode(" ×" + p.n));
        pins.appendChild(chip);
      });
      li.appendChild(el("div", "meta", "at (pin cites):"));
      li.appendChild(pins);
    }
    if (e.signals) li.appendChild(el("div", "meta signals", "signals: " + counted(e.signals)));
    if (e.opinions) li.appendChild(el("div", "meta opinions", "in: " + counted(e.opinions)));
    (e.parentheticals || []).forEach(function (p) { li.appendChild(el("blockquote", "parenthetical", p)); });
    if (e.pages) li.appendChild(el("div", "meta", "on pages " + e.pages.join(", ") + " of the citing opinion"));
    return li;
  }

  var LIST_MAX = 150;
  function edgeList(title, ks, end) {
    var sec = el("section");
    sec.appendChild(el("h3", null, title + " (" + ks.length.toLocaleString("en-US") + ")"));
    var sorted = ks.slice().sort(function (a, b) { return edges[b].w - edges[a].w || edges[a][end] - edges[b][end]; });
    var ul = el("ul", "edges");
    function fill(all) {
      ul.textContent = "";
      (all ? sorted : sorted.slice(0, LIST_MAX)).forEach(function (k) { ul.appendChild(edgeItem(edges[k], edges[k][end])); });
    }
    fill(false);
    sec.appendChild(ul);
    if (sorted.length > LIST_MAX) {
      var more = el("button", "go more", "Show all " + sorted.length.toLocaleString("en-US"));
      more.type = "button";
      more.addEventListener("click", function () { fill(true); more.remove(); });
      sec.appendChild(more);
    }
    return sec;
  }

  function showPanel(i) {
    var n = nodes[i];
    panel.textContent = "";
    panel.dataset.case = n.id;
    panel.appendChild(el("h2", "name", n.name || n.label));
    var cites = el("div", "citations");
    (n.cites && n.cites.length ? n.cites : [n.id]).forEach(function (c, k) {
      if (k) cites.appendChild(document.createTextNode("; "));
      var url = lookup(c);
      if (url) {
        var a = el("a", "cite", c);
        a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
        a.title = "Look up " + c + " on CourtListener";
        cites.appendChild(a);
      } else {
        cites.appendChild(el("span", "cite", c));
      }
    });
    panel.appendChild(cites);
    var dl = el("dl");
    function row(k, v) { dl.append(el("dt", null, k), el("dd", null, String(v))); }
    if (n.courtName) row("Court", n.courtName);
    row("Year", n.year || "unknown");
    if (n.kind) row("Kind", n.kind);
    row("In the corpus", n.inCorpus ? "yes (its text was read)" : "no (known from citations)");
    row("Cited by", n.counts[0].toLocaleString("en-US") + (n.counts[0] === 1 ? " case, " : " cases, ") +
      n.counts[1].toLocaleString("en-US") + (n.counts[1] === 1 ? " citation" : " citations"));
    row("Cites", n.counts[2].toLocaleString("en-US") + (n.counts[2] === 1 ? " case" : " cases"));
    data.measures.forEach(function (m) {
      if (n.scores && m.id in n.scores) row(m.title, fmt(n.scores[m.id]));
    });
    panel.appendChild(dl);
    panel.appendChild(edgeList("Cited by", into[i], "s"));
    panel.appendChild(edgeList("Cites", out[i], "t"));
  }

  function clearPanel() {
    panel.textContent = "";
    delete panel.dataset.case;
    panel.appendChild(el("p", "note", "Click a case on the map, or find it by name or citation."));
  }

  function select(i, move) {
    state.selected = i;
    refresh();
    showPanel(i);
    panel.scrollTop = 0;
    if (move) {
      // Bring the case into view: a large map zooms in on it; a small one
      // moves only when the case is near the edge or outside.
      var d = renderer.getNodeDisplayData(String(i));
      var v = d && renderer.framedGraphToViewport(d);
      var w = container.clientWidth, h = container.clientHeight;
      var inView = v && v.x > 0.1 * w && v.x < 0.9 * w && v.y > 0.1 * h && v.y < 0.9 * h;
      if (d && (N > 300 || !inView)) {
        camera.animate({ x: d.x, y: d.y, ratio: N > 300 ? Math.min(camera.ratio, 0.25) : camera.ratio }, { duration: 400 });
      }
    }
  }
  function unselect() {
    state.selected = null;
    refresh();
    clearPanel();
  }

  renderer.on("clickNode", function (ev) { select(+ev.node, false); });
  renderer.on("clickStage", function () { if (state.selected !== null) unselect(); });
  renderer.on("enterNode", function (ev) { state.hovered = +ev.node; container.style.cursor = "pointer"; refresh(); });
  renderer.on("leaveNode", function () { state.hovered = null; container.style.cursor = ""; refresh(); });

  // ---- Search by name or citation: case, accents and punctuation do not
  // matter, so "imbler", "424 US 409" and "424 U.S. 409" all find Imbler,
  // and citations match with or without spaces ("F.2d", "F. 2d").
  function plain(s) { return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\./g, ""); }
  function nameKey(s) { return plain(s).replace(/[^a-z0-9§]+/g, " ").trim(); }
  function citeKey(s) { return plain(s).replace(/[^a-z0-9§]+/g, ""); }
  var index = nodes.map(function (n) {
    return { name: nameKey((n.name || "") + " " + n.label), cites: (n.cites || [n.id]).map(citeKey) };
  });
  function find(q) {
    var k = nameKey(q), c = citeKey(q);
    if (!k) return [];
    var hits = [];
    for (var i = 0; i < N; i++) {
      var x = index[i], score = 0;
      if (x.cites.indexOf(c) >= 0) score = 4;
      else if (/[0-9]/.test(c) && x.cites.some(function (y) { return y.indexOf(c) === 0; })) score = 3;
      else if ((" " + x.name).indexOf(" " + k) >= 0) score = 2;
      else if (x.name.indexOf(k) >= 0) score = 1;
      if (score) hits.push({ i: i, score: score });
    }
    var radii = data.measures[state.measure].radii;
    hits.sort(function (a, b) { return b.score - a.score || radii[b.i] - radii[a.i] || a.i - b.i; });
    return hits.slice(0, 12).map(function (h) { return h.i; });
  }

  var search = $("search"), results = $("results"), active = -1, found = [];
  function showResults() {
    results.textContent = "";
    found.forEach(function (i, k) {
      var n = nodes[i], li = el("li");
      li.id = "result-" + k;
      li.setAttribute("role", "option");
      li.dataset.case = n.id;
      li.setAttribute("aria-selected", k === active ? "true" : "false");
      li.appendChild(el("div", "name", n.name || n.label));
      li.appendChild(el("div", "cite", [(n.cites || [n.id])[0], n.year, n.courtName].filter(Boolean).join(" · ") +
        (visible(i) ? "" : " (hidden by the filters)")));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(k); });
      results.appendChild(li);
    });
    results.hidden = !found.length;
    search.setAttribute("aria-expanded", found.length ? "true" : "false");
    if (active >= 0) search.setAttribute("aria-activedescendant", "result-" + active);
    else search.removeAttribute("aria-activedescendant");
  }
  function choose(k) {
    var i = found[k];
    found = []; active = -1; showResults();
    search.value = nodes[i].name || nodes[i].label;
    select(i, true);
  }
  search.addEventListener("input", function () { found = find(search.value); active = found.length ? 0 : -1; showResults(); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" && found.length) { active = (active + 1) % found.length; showResults(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp" && found.length) { active = (active + found.length - 1) % found.length; showResults(); ev.preventDefault(); }
    else if (ev.key === "Enter" && active >= 0) { choose(active); ev.preventDefault(); }
    else if (ev.key === "Escape" && found.length) { found = []; active = -1; showResults(); ev.stopPropagation(); }
  });
  search.addEventListener("blur", function () { found = []; active = -1; showResults(); });

  // ---- Zoom and keys.
  $("zoom-in").addEventListener("click", function () { camera.animatedZoom({ duration: 250 }); });
  $("zoom-out").addEventListener("click", function () { camera.animatedUnzoom({ duration: 250 }); });
  $("zoom-reset").addEventListener("click", function () { camera.animatedReset({ duration: 250 }); });
  document.addEventListener("keydown", function (ev) {
    var t = ev.target, typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
    if (ev.key === "Escape" && state.selected !== null) { unselect(); return; }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "/") { search.focus(); ev.preventDefault(); }
    else if (ev.key === "+" || ev.key === "=") camera.animatedZoom({ duration: 250 });
    else if (ev.key === "-" || ev.key === "_") camera.animatedUnzoom({ duration: 250 });
    else if (ev.key === "0") camera.animatedReset({ duration: 250 });
  });

  // ---- A map too large to read whole says so.
  if (N > data.warnAt) {
    var w = $("warning");
    w.textContent = "This map has " + N.toLocaleString("en-US") + " cases: too many to read at once. " +
      "Search for a case, filter by years or court, or write a smaller map with citegraph's --top N " +
      "(the N most important cases) or --around CASE (one case's neighbourhood).";
    w.hidden = false;
  }

  onYears();
  drawLegend();
  // A map of a case's neighbourhood (--around) opens on that case.
  if (data.focus) {
    var f = nodes.findIndex(function (n) { return n.id === data.focus; });
    if (f >= 0) select(f, false);
  }

  // For scripts and tests: find cases, open one, and ask whether a case is
  // drawn, by its id.
  api.graph = graph;
  api.renderer = renderer;
  api.find = function (q) { return find(q).map(function (i) { return nodes[i].id; }); };
  api.isShown = function (id) {
    var i = nodes.findIndex(function (n) { return n.id === id; });
    var d = i >= 0 && renderer.getNodeDisplayData(String(i));
    return !!d && !d.hidden;
  };
  api.viewportOf = function (id) {
    var i = nodes.findIndex(function (n) { return n.id === id; });
    var d = renderer.getNodeDisplayData(String(i));
    var p = renderer.framedGraphToViewport(d);
    var rect = container.getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  };
  window.citegraph = api;
})();
