/* Conflict graph viewer: draws the embedded data with vis-network.
 * Every text from the data reaches the page through textContent, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var DIM_NODE = { background: "#eeeeee", border: "#dddddd" };
  var DIM_EDGE = "#e4e4e4";
  var statusEl = document.getElementById("status");
  var details = document.getElementById("details");

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var info = {};
  data.details.forEach(function (d) { info[d.id] = d; });
  var byIri = {};
  data.details.forEach(function (d) { byIri[d.iri] = d.id; });

  var api = { data: data, nodes: nodes, edges: edges, ready: false, selected: null };
  window.conflictGraph = api;

  function markReady() {
    if (api.ready) { return; }
    api.ready = true;
    if (api.network) { api.network.setOptions({ physics: { enabled: false } }); }
    statusEl.textContent = "";
    if (data.focus !== null && data.focus !== undefined && info[data.focus]) {
      // the actor a neighbourhood is drawn around: selected and described, nothing dimmed
      api.selected = data.focus;
      network.selectNodes([data.focus]);
      showNode(data.focus);
    }
    document.body.setAttribute("data-ready", "true");
  }

  var network = new vis.Network(document.getElementById("network"),
    { nodes: nodes, edges: edges }, data.options);
  api.network = network;
  network.on("stabilizationProgress", function (p) {
    statusEl.textContent = "Laying out the graph\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", markReady);
  network.once("stabilized", markReady);
  if (data.nodes.length === 0 || data.options.physics.enabled === false) {
    // fixed positions (the timeline): nothing to lay out
    network.fit({ animation: false });
    markReady();
  }

  /* ---- timeline axis, drawn under the graph on the canvas ---- */
  if (data.ticks && data.ticks.length) {
    var first = data.ticks[0].x, last = data.ticks[data.ticks.length - 1].x;
    network.on("beforeDrawing", function (ctx) {
      ctx.save();
      ctx.strokeStyle = "#b0b0b0";
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(first - 120, 0);
      ctx.lineTo(last + 120, 0);
      ctx.stroke();
      ctx.fillStyle = "#555555";
      ctx.font = "13px system-ui, sans-serif";
      ctx.textAlign = "center";
      data.ticks.forEach(function (t) {
        ctx.beginPath();
        ctx.moveTo(t.x, t.y + 8);
        ctx.lineTo(t.x, 0);
        ctx.strokeStyle = "#d0d0d0";
        ctx.lineWidth = 1;
        ctx.stroke();
        ctx.fillText(String(t.label), t.x, t.y);
      });
      ctx.restore();
    });
  }

  /* ---- small DOM helpers ---- */
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function bdi(text) { return el("bdi", text); }
  function present(v) {
    return v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
  }
  function addRow(dl, name, value) {
    if (!present(value)) { return; }
    dl.appendChild(el("dt", name));
    var dd = el("dd");
    if (Array.isArray(value)) {
      value.forEach(function (v, i) {
        if (i) { dd.appendChild(document.createTextNode("; ")); }
        dd.appendChild(bdi(v));
      });
    } else {
      dd.appendChild(bdi(value));
    }
    dl.appendChild(dd);
  }
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
  }

  /* ---- details panel ---- */
  function showNode(id) {
    var d = info[id];
    details.replaceChildren();
    if (!d) { details.appendChild(el("p", "Nothing selected.", "hint")); return; }
    details.appendChild(el("h2")).appendChild(bdi(d.label));
    var dl = details.appendChild(el("dl"));
    var roles = d.roles || {};
    addRow(dl, "Kind", d.kind);
    addRow(dl, "Type", d.type);
    addRow(dl, "Subtype", d.subtype);
    addRow(dl, "Date", d.date);
    addRow(dl, "Agent", roles.agent);
    addRow(dl, "Target", roles.target);
    addRow(dl, "Place", roles.place);
    addRow(dl, "Country", d.country);
    addRow(dl, "Killed", d.killed);
    addRow(dl, "Injured", d.injured);
    addRow(dl, "Weapons", d.weapons);
    addRow(dl, "CAMEO", d.cameo);
    addRow(dl, "Degree", d.degree);
    addRow(dl, "Articles", d.articles);
    addRow(dl, "IRI", d.iri);
    details.appendChild(el("h3", "Evidence (" + (d.evidence || []).length + ")"));
    if (!d.evidence || d.evidence.length === 0) {
      details.appendChild(el("p", "No evidence sentence recorded.", "hint"));
    }
    (d.evidence || []).forEach(function (ev) {
      var box = details.appendChild(el("div", null, "evidence"));
      box.appendChild(el("blockquote", null, "iso")).appendChild(bdi(ev.text || "(no sentence)"));
      var src = box.appendChild(el("div", null, "source"));
      src.appendChild(document.createTextNode("\u2014 "));
      src.appendChild(bdi(ev.title || ev.article || "unknown article"));
      if (ev.title && ev.article) {
        src.appendChild(document.createTextNode(" ["));
        src.appendChild(bdi(ev.article));
        src.appendChild(document.createTextNode("]"));
      }
      var url = safeUrl(ev.url);
      if (url) {
        src.appendChild(document.createTextNode(" "));
        var a = src.appendChild(el("a", url));
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer nofollow";
        a.referrerPolicy = "no-referrer";
      } else if (ev.url) {
        src.appendChild(document.createTextNode(" "));
        src.appendChild(bdi(ev.url));
      }
    });
    if (d.links && d.links.length) {
      details.appendChild(el("h3", "Links"));
      var ul = details.appendChild(el("ul", null, "links"));
      d.links.forEach(function (l) {
        var li = ul.appendChild(el("li"));
        li.appendChild(document.createTextNode(l.direction === "out" ? l.relation + " \u2192 " : "\u2190 " + l.relation + " "));
        li.appendChild(bdi(l.label));
      });
      if (d.degree > d.links.length) {
        details.appendChild(el("p", "\u2026 and " + (d.degree - d.links.length) + " more links", "hint"));
      }
    }
  }

  function showEdge(edgeId) {
    var e = edges.get(edgeId);
    details.replaceChildren();
    if (!e) { return; }
    details.appendChild(el("h2", e.relation));
    var dl = details.appendChild(el("dl"));
    addRow(dl, "From", info[e.from] && info[e.from].label);
    addRow(dl, "To", info[e.to] && info[e.to].label);
    addRow(dl, "Label", e.label);
  }

  /* ---- neighbourhood highlighting ---- */
  var highlighted = false;
  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    var keepEdges = {};
    network.getConnectedEdges(id).forEach(function (e) { keepEdges[e] = true; });
    nodes.update(data.nodes.map(function (n) {
      return keep[n.id] ? { id: n.id, color: n.color, font: n.font }
        : { id: n.id, color: DIM_NODE, font: { color: "#cccccc" } };
    }));
    edges.update(data.edges.map(function (e) {
      return keepEdges[e.id] ? { id: e.id, color: e.color, font: e.font }
        : { id: e.id, color: { color: DIM_EDGE }, font: { color: "rgba(0,0,0,0)", strokeWidth: 0 } };
    }));
    highlighted = true;
  }
  function clearHighlight() {
    if (!highlighted) { return; }
    nodes.update(data.nodes.map(function (n) { return { id: n.id, color: n.color, font: n.font }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, color: e.color, font: e.font }; }));
    highlighted = false;
  }

  function select(id, focus) {
    if (!(id in info)) { return false; }
    api.selected = id;
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
    if (focus) { network.focus(id, { scale: 1.2, animation: false }); }
    return true;
  }
  api.select = function (iriOrId) {
    var id = typeof iriOrId === "number" ? iriOrId : byIri[iriOrId];
    return select(id, true);
  };
  api.clear = function () {
    api.selected = null;
    network.unselectAll();
    clearHighlight();
    showNode(null);
  };

  network.on("click", function (p) {
    if (p.nodes.length) { select(p.nodes[0], false); }
    else if (p.edges.length) { clearHighlight(); api.selected = null; showEdge(p.edges[0]); }
    else { api.clear(); }
  });

  /* ---- search ---- */
  var search = document.getElementById("search");
  var results = document.getElementById("search-results");
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    results.replaceChildren();
    if (!q) { return []; }
    var found = data.details.filter(function (d) {
      return String(d.label).toLowerCase().indexOf(q) !== -1;
    });
    found.slice(0, 30).forEach(function (d) {
      var b = results.appendChild(el("li")).appendChild(el("button"));
      b.type = "button";
      b.appendChild(bdi(d.label));
      b.appendChild(document.createTextNode(" (" + d.type + ")"));
      b.addEventListener("click", function () { select(d.id, true); });
    });
    if (found.length > 30) { results.appendChild(el("li", "\u2026 " + (found.length - 30) + " more", "hint")); }
    return found;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var f = runSearch(); if (f.length) { select(f[0].id, true); } }
  });
  api.search = function (q) { search.value = q; return runSearch().map(function (d) { return d.iri; }); };

  /* ---- filters and legend ---- */
  var hiddenTypes = {};
  var hiddenRelations = {};
  var dateFrom = document.getElementById("date-from");
  var dateTo = document.getElementById("date-to");
  var undatedBox = document.getElementById("date-undated");
  var incident = {};
  data.details.forEach(function (d) { incident[d.id] = []; });
  data.edges.forEach(function (e) { incident[e.from].push(e); incident[e.to].push(e); });

  /* Events outside the date range are hidden, and so is every other node whose links
   * all went with them; a node with no link at all stays. */
  function dateHidden() {
    var from = dateFrom.value, to = dateTo.value, undated = undatedBox.checked;
    var out = {};
    if (!from && !to && undated) { return out; }
    data.details.forEach(function (d) {
      if (d.kind !== "event") { return; }
      if (!d.day) { out[d.id] = !undated; }
      else { out[d.id] = (!!from && d.day < from) || (!!to && d.day > to); }
    });
    var orphans = {};
    data.details.forEach(function (d) {
      var links = incident[d.id];
      if (d.kind !== "event" && links.length && links.every(function (e) { return out[e.from] || out[e.to]; })) {
        orphans[d.id] = true;
      }
    });
    Object.keys(orphans).forEach(function (id) { out[id] = true; });
    return out;
  }

  function applyFilters() {
    var nodeHidden = {};
    var byDate = dateHidden();
    nodes.update(data.nodes.map(function (n) {
      nodeHidden[n.id] = !!hiddenTypes[n.kt] || !!byDate[n.id];
      return { id: n.id, hidden: nodeHidden[n.id] };
    }));
    edges.update(data.edges.map(function (e) {
      return { id: e.id, hidden: !!hiddenRelations[e.relation] || nodeHidden[e.from] || nodeHidden[e.to] };
    }));
    api.visibleNodes = data.nodes.filter(function (n) { return !nodeHidden[n.id]; }).length;
    if (api.ready) {
      statusEl.textContent = api.visibleNodes === data.nodes.length ? ""
        : "Showing " + api.visibleNodes + " of " + data.nodes.length + " nodes (filtered).";
    }
  }

  var dateHint = document.getElementById("date-hint");
  document.getElementById("undated-count").textContent = String(data.undated || 0);
  if (data.dates) {
    [dateFrom, dateTo].forEach(function (input) {
      input.min = data.dates[0];
      input.max = data.dates[1];
      input.addEventListener("input", applyFilters);
      input.addEventListener("change", applyFilters);
    });
    dateHint.textContent = data.dates[0] === data.dates[1] ? "Events dated " + data.dates[0] + "."
      : "Events dated " + data.dates[0] + " to " + data.dates[1] + ".";
  } else {
    dateFrom.disabled = true;
    dateTo.disabled = true;
    dateHint.textContent = "No event has a date.";
  }
  undatedBox.addEventListener("change", applyFilters);
  document.getElementById("date-reset").addEventListener("click", function () {
    dateFrom.value = "";
    dateTo.value = "";
    undatedBox.checked = true;
    applyFilters();
  });
  api.setDates = function (from, to, undated) {
    dateFrom.value = from || "";
    dateTo.value = to || "";
    undatedBox.checked = undated !== false;
    applyFilters();
    return api.visibleNodes;
  };
  function filterBox(parent, entry, hidden, swatchClass) {
    var label = parent.appendChild(el("label", null, "filter"));
    var box = label.appendChild(el("input"));
    box.type = "checkbox";
    box.checked = true;
    box.value = entry.key;
    var sw = label.appendChild(el("span", null, "swatch " + swatchClass));
    sw.style.background = entry.color;
    label.appendChild(bdi(entry.name));
    label.appendChild(el("span", String(entry.count), "count"));
    box.addEventListener("change", function () {
      if (box.checked) { delete hidden[entry.key]; } else { hidden[entry.key] = true; }
      applyFilters();
    });
  }
  var typeBox = document.getElementById("type-filters");
  data.legend.types.forEach(function (t) { filterBox(typeBox, t, hiddenTypes, t.shape); });
  var relBox = document.getElementById("relation-filters");
  data.legend.relations.forEach(function (r) { filterBox(relBox, r, hiddenRelations, "line"); });
  api.visibleNodes = data.nodes.length;
}());
