// claimgraph explorer: search an entity, expand its neighbourhood, read the
// evidence of an edge, find paths, ask questions and run Gizmo.
(function () {
  "use strict";

  var typeColors = {
    country: "#1f6feb", person: "#d4a017", organization: "#8250df", group: "#cf222e",
    place: "#2da44e", weapon: "#6e7781", thing: "#9a6700"
  };

  var cy = cytoscape({
    container: document.getElementById("cy"),
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        "background-color": function (n) { return typeColors[n.data("type")] || "#57606a"; },
        "width": function (n) { return 14 + 4 * Math.sqrt(n.data("degree") || 1); },
        "height": function (n) { return 14 + 4 * Math.sqrt(n.data("degree") || 1); },
        "text-outline-color": "#fbfcfd", "text-outline-width": 2 } },
      { selector: "node.center", style: { "border-width": 3, "border-color": "#1f2328" } },
      { selector: "edge", style: {
        "label": "data(predicate)", "font-size": 9, "color": "#57606a", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "arrow-scale": 0.8, "line-color": "#9aa5b1",
        "target-arrow-color": "#9aa5b1", "width": function (e) { return 1 + Math.min(e.data("weight") || 1, 6); },
        "text-rotation": "autorotate", "text-background-color": "#fbfcfd", "text-background-opacity": 0.8 } },
      { selector: ".highlight", style: { "line-color": "#e36209", "target-arrow-color": "#e36209", "border-color": "#e36209", "border-width": 3 } },
      { selector: ":selected", style: { "line-color": "#0969da", "target-arrow-color": "#0969da", "border-color": "#0969da", "border-width": 3 } }
    ]
  });

  var $ = function (id) { return document.getElementById(id); };
  var details = $("details");
  var current = null;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function getJSON(url, opts) {
    return fetch(url, opts).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.error || r.statusText); }
        return body;
      });
    });
  }

  function showError(err) {
    details.replaceChildren(el("p", { "class": "error" }, String(err.message || err)));
  }

  function filters() {
    var p = new URLSearchParams();
    p.set("hops", $("hops").value || "1");
    p.set("min_sources", $("min-sources").value || "1");
    if ($("since").value) { p.set("since", $("since").value); }
    if ($("until").value) { p.set("until", $("until").value); }
    var preds = Array.prototype.filter.call(document.querySelectorAll("#predicates input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
    if (preds.length && preds.length < document.querySelectorAll("#predicates input").length) {
      p.set("predicates", preds.join(","));
    }
    return p;
  }

  function addElements(els) {
    cy.batch(function () {
      els.nodes.forEach(function (n) {
        var d = n.data;
        if (cy.getElementById(d.id).empty()) {
          cy.add({ group: "nodes", data: { id: d.id, label: d.label, type: d.type, degree: d.degree, sources: d.sources } });
        }
      });
      els.edges.forEach(function (e) {
        if (cy.getElementById(e.data.id).empty()) { cy.add({ group: "edges", data: e.data }); }
      });
    });
  }

  // settle keeps a small graph from being blown up to fill the canvas.
  function settle() {
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
  }

  function layout() {
    cy.layout({ name: "cose", animate: false, randomize: true, nodeRepulsion: function () { return 12000; },
      idealEdgeLength: function () { return 110; } }).run();
    settle();
  }

  // ring puts an entity in the middle and its neighbours around it, the
  // most connected nearest.
  function ring(center) {
    cy.layout({ name: "concentric", animate: false, minNodeSpacing: 70, spacingFactor: 1.2,
      concentric: function (n) { return n.id() === center ? 1000 : n.degree(); },
      levelWidth: function () { return 4; } }).run();
    settle();
  }

  // show replaces the graph with an entity's neighbourhood.
  function show(name) {
    var p = filters();
    p.set("entity", name);
    return getJSON("/api/neighbors?" + p).then(function (res) {
      cy.elements().remove();
      addElements(res.elements);
      current = res.center;
      cy.getElementById(current).addClass("center");
      ring(current);
      describeNode(current);
      updateExports();
      history.replaceState(null, "", "?entity=" + encodeURIComponent(current));
    }).catch(showError);
  }

  // expand adds an entity's neighbourhood to the graph.
  function expand(name) {
    var p = filters();
    p.set("entity", name);
    p.set("hops", "1");
    return getJSON("/api/neighbors?" + p).then(function (res) {
      addElements(res.elements);
      cy.nodes().removeClass("center");
      cy.getElementById(name).addClass("center");
      ring(name);
      describeNode(name);
    }).catch(showError);
  }

  function describeNode(name) {
    var n = cy.getElementById(name);
    details.replaceChildren(el("h2", {}, name));
    if (n.nonempty()) {
      details.append(el("p", {}, (n.data("type") || "entity") + " · " + n.connectedEdges().length + " relations shown · " +
        (n.data("sources") || 0) + " sources"));
    }
    var list = el("ul");
    n.connectedEdges().forEach(function (e) {
      var li = el("li", {}, e.data("source") + " " + e.data("predicate") + " " + e.data("target") + " (" + e.data("weight") + ")");
      li.className = "link";
      li.addEventListener("click", function () { showEvidence(e); });
      list.append(li);
    });
    details.append(list);
  }

  function evidenceBlock(ev) {
    var box = el("div", { "class": "evidence" + (ev.asserted === false ? " not-asserted" : "") });
    box.append(el("q", {}, ev.sentence));
    var meta = ev.doc + (ev.date ? ", " + ev.date : "") + (ev.modality && ev.modality !== "asserted" ? ", " + ev.modality : "");
    if (ev.title) { meta = ev.title + " — " + meta; }
    box.append(el("div", { "class": "meta" }, meta));
    return box;
  }

  // showEvidence lists every claim behind an edge.
  function showEvidence(edge) {
    var d = edge.data();
    var p = new URLSearchParams({ subject: d.source, predicate: d.predicate, object: d.target });
    return getJSON("/api/evidence?" + p).then(function (res) {
      details.replaceChildren(el("h2", {}, "Evidence"));
      details.append(el("p", { "class": "edge-title" }, d.source + " —" + d.predicate + "→ " + d.target));
      details.append(el("p", { "class": "muted" }, (d.weight || 0) + " source(s)" + (d.first ? ", " + d.first + (d.last !== d.first ? " to " + d.last : "") : "")));
      res.evidence.forEach(function (ev) { details.append(evidenceBlock(ev)); });
    }).catch(showError);
  }

  cy.on("tap", "node", function (evt) { expand(evt.target.id()); });
  cy.on("tap", "edge", function (evt) { showEvidence(evt.target); });

  // Search, with suggestions as one types.
  var timer = null;
  $("search").addEventListener("input", function () {
    clearTimeout(timer);
    var q = this.value.trim();
    timer = setTimeout(function () {
      if (!q) { $("suggestions").replaceChildren(); return; }
      getJSON("/api/search?q=" + encodeURIComponent(q)).then(function (res) {
        $("suggestions").replaceChildren.apply($("suggestions"), res.entities.map(function (e) {
          var li = el("li", {}, e.name);
          li.append(el("span", { "class": "type" }, e.type));
          li.addEventListener("click", function () { $("search").value = e.name; $("suggestions").replaceChildren(); show(e.name); });
          return li;
        }));
      }).catch(function () {});
    }, 150);
  });
  $("search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    $("suggestions").replaceChildren();
    if ($("search").value.trim()) { show($("search").value.trim()); }
  });
  $("apply").addEventListener("click", function () { if (current) { show(current); } });

  // Paths.
  $("path-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var p = filters();
    p.set("from", $("path-from").value);
    p.set("to", $("path-to").value);
    p.set("all", $("path-all").checked ? "true" : "false");
    p.delete("hops");
    getJSON("/api/path?" + p).then(function (res) {
      cy.elements().removeClass("highlight");
      details.replaceChildren(el("h2", {}, "Path " + res.from + " → " + res.to));
      if (!res.paths.length) { details.append(el("p", {}, "No path of up to 4 hops.")); return; }
      res.paths.forEach(function (path, i) {
        details.append(el("h3", {}, "Path " + (i + 1) + " (" + path.hops.length + " hops)"));
        path.hops.forEach(function (h) {
          var e = h.edge;
          addElements({ nodes: [{ data: { id: h.from, label: h.from } }, { data: { id: h.to, label: h.to } }],
            edges: [{ data: { id: e.subject + "\u001f" + e.predicate + "\u001f" + e.object, source: e.subject, target: e.object,
              predicate: e.predicate, weight: e.sources.length } }] });
          cy.getElementById(e.subject + "\u001f" + e.predicate + "\u001f" + e.object).addClass("highlight");
          cy.getElementById(h.from).addClass("highlight");
          cy.getElementById(h.to).addClass("highlight");
          var hop = el("div", { "class": "hop" });
          hop.append(el("div", { "class": "edge-title" }, e.subject + " —" + e.predicate + "→ " + e.object));
          (h.evidence || []).forEach(function (ev) { hop.append(evidenceBlock(ev)); });
          details.append(hop);
        });
      });
      layout();
    }).catch(showError);
  });

  // Questions.
  $("ask-form").addEventListener("submit", function (e) {
    e.preventDefault();
    getJSON("/api/ask?q=" + encodeURIComponent($("ask").value)).then(function (ans) {
      details.replaceChildren(el("h2", {}, ans.question.text), el("p", { "class": "edge-title" }, ans.summary));
      (ans.items || []).forEach(function (it) {
        details.append(el("p", {}, it.edge.subject + " —" + it.edge.predicate + "→ " + it.edge.object));
        (it.evidence || []).slice(0, 3).forEach(function (ev) { details.append(evidenceBlock(ev)); });
      });
      (ans.paths || []).forEach(function (p) {
        p.hops.forEach(function (h) {
          details.append(el("p", {}, h.edge.subject + " —" + h.edge.predicate + "→ " + h.edge.object));
          (h.evidence || []).forEach(function (ev) { details.append(evidenceBlock(ev)); });
        });
      });
      (ans.against || []).forEach(function (ev) { ev.asserted = false; details.append(evidenceBlock(ev)); });
    }).catch(showError);
  });

  // Gizmo, through the Cayley-compatible endpoint.
  $("gizmo-form").addEventListener("submit", function (e) {
    e.preventDefault();
    getJSON("/api/v1/query/gizmo", { method: "POST", body: $("gizmo").value }).then(function (res) {
      var rows = res.result || [];
      details.replaceChildren(el("h2", {}, "Gizmo: " + rows.length + " result(s)"));
      if ($("gizmo-graph").checked) { return gizmoGraph(rows); }
      var keys = [];
      rows.forEach(function (r) { Object.keys(r || {}).forEach(function (k) { if (keys.indexOf(k) < 0) { keys.push(k); } }); });
      var table = el("table"), head = el("tr");
      keys.forEach(function (k) { head.append(el("th", {}, k)); });
      table.append(head);
      rows.forEach(function (r) {
        var tr = el("tr");
        keys.forEach(function (k) { tr.append(el("td", {}, r && r[k] !== undefined ? String(r[k]) : "")); });
        table.append(tr);
      });
      details.append(table);
    }).catch(showError);
  });

  // gizmoGraph draws the entities a query returned, with their relations.
  function gizmoGraph(rows) {
    var names = {};
    rows.forEach(function (r) {
      Object.keys(r || {}).forEach(function (k) {
        var v = r[k];
        if (typeof v === "string" && v.length < 80 && v.indexOf("claim:") !== 1) { names[v] = true; }
      });
    });
    var list = Object.keys(names).slice(0, 50);
    cy.elements().remove();
    return Promise.all(list.map(function (n) {
      var p = filters();
      p.set("entity", n);
      p.set("hops", "1");
      return getJSON("/api/neighbors?" + p).then(function (res) {
        res.elements.nodes = res.elements.nodes.filter(function (x) { return names[x.data.id]; });
        res.elements.edges = res.elements.edges.filter(function (x) { return names[x.data.source] && names[x.data.target]; });
        addElements(res.elements);
      }).catch(function () {});
    })).then(function () {
      layout();
      details.append(el("p", {}, cy.nodes().length + " entities and " + cy.edges().length + " relations among the results."));
    });
  }

  function updateExports() {
    var box = $("exports");
    box.replaceChildren();
    box.className = "exports";
    ["graphml", "gexf", "dot", "cytoscape", "jsonld", "nquads"].forEach(function (f) {
      var p = filters();
      p.set("format", f);
      p.set("around", current);
      box.append(el("a", { href: "/api/export?" + p, download: "" }, f));
    });
  }

  // The relation filter lists the vocabulary.
  getJSON("/api/predicates").then(function (res) {
    res.predicates.forEach(function (p) {
      var l = el("label", { title: p.meaning });
      var box = el("input", { type: "checkbox", value: p.name });
      box.checked = true;
      l.append(box, " " + p.name);
      $("predicates").append(l);
    });
    $("pred-count").textContent = "(" + res.predicates.length + ")";
  });
  getJSON("/api/stats").then(function (st) {
    $("stats").textContent = st.documents + " documents · " + st.claims + " claims · " + st.entities + " entities";
  }).catch(function () { $("stats").textContent = ""; });

  // A link to the explorer may name the entity to show: /?entity=Turkey.
  var start = new URLSearchParams(location.search).get("entity");
  if (start) { $("search").value = start; show(start); }

  // For scripts and tests: the graph and the actions above.
  window.claimgraph = { cy: cy, show: show, expand: expand, showEvidence: showEvidence };
})();
