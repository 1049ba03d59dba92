/* The graph page: filters, search, detail panel. Data comes from a script
   element, as JSON or (large graphs) as gzip in base64; every text reaches
   the DOM through textContent. */
(function () {
  "use strict";

  performance.mark("qkg-script");
  readData(function (data) {
    performance.mark("qkg-parsed");
    start(data);
  });

  // Large graphs come packed: the browser reads a tenth of the bytes before
  // the first draw. Unpacking needs DecompressionStream (in every major engine since 2023).
  function readData(then) {
    var plain = document.getElementById("qkg-data");
    if (plain) { then(JSON.parse(plain.textContent)); return; }
    if (typeof DecompressionStream === "undefined") {
      document.getElementById("graph").textContent = "此浏览器版本过旧，无法打开大型图谱。 This browser is too old to open large graphs.";
      return;
    }
    var binary = atob(document.getElementById("qkg-data-gzip").textContent);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text()
      .then(function (text) { then(JSON.parse(text)); });
  }

  function start(data) {
    var entities = data.entities;
    var lang = "zh";
    var nodeById = {};
    data.nodes.forEach(function (node) { nodeById[node.id] = node; });
    // The data names an edge's ends by their position in data.nodes (shorter than the ids).
    data.edges.forEach(function (edge) { edge.from = data.nodes[edge.from].id; edge.to = data.nodes[edge.to].id; });

    // Incident edges of every node, for the panel and the neighbourhood.
    var incident = {};
    data.nodes.forEach(function (node) { incident[node.id] = []; });
    data.edges.forEach(function (edge) {
      incident[edge.from].push(edge);
      incident[edge.to].push(edge);
    });

    function pick(pair) { return lang === "zh" ? pair[0] : pair[1]; }
    function typeName(type) { var t = data.types[type]; return lang === "zh" ? t.zh : t.en; }
    function el(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined && text !== null) node.textContent = String(text);
      return node;
    }
    function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

    // ---- filters -------------------------------------------------------------

    var state = { types: {}, levels: {}, city: "", from: null, to: null, review: true };
    Object.keys(data.types).forEach(function (t) { state.types[t] = true; });
    Object.keys(data.levels).forEach(function (l) { state.levels[l] = true; });

    var cityMembers = {};  // city id -> true, recomputed when the city filter changes
    function inCity(id) {
      var cities = entities[id].cities;
      for (var i = 0; i < cities.length; i++) if (cityMembers[cities[i]]) return true;
      return false;
    }
    function yearInRange(year) {
      if (!year) return true;
      return (state.from === null || year >= state.from) && (state.to === null || year <= state.to);
    }
    function passesOwnFilters(id) {
      var entity = entities[id];
      if (!state.types[entity.type]) return false;
      if (entity.type === "Award" && entity.level && !state.levels[entity.level]) return false;
      if ((entity.type === "Regulation" || entity.type === "Event") && !yearInRange(entity.year)) return false;
      return true;
    }
    // An extracted fact less sure than data.reviewBelow is "to review"; the filter can hide those.
    function toReview(fact) { return fact.confidence !== null && fact.confidence !== undefined && fact.confidence < data.reviewBelow; }
    function edgeInYears(edge) {
      var facts = data.edgeFacts[edge.id].facts;
      for (var i = 0; i < facts.length; i++) if (yearInRange(facts[i].year) && (state.review || !toReview(facts[i]))) return true;
      return false;
    }
    // A node without a city of its own (a national award, a program) stays when it touches the chosen city.
    function passesCity(id) {
      if (!state.city) return true;
      if (inCity(id)) return true;
      if (entities[id].cities.length) return false;
      return incident[id].some(function (edge) {
        var other = edge.from === id ? edge.to : edge.from;
        return inCity(other);
      });
    }
    var visible = {};
    function computeVisible() {
      visible = {};
      data.nodes.forEach(function (node) {
        if (passesOwnFilters(node.id) && passesCity(node.id)) visible[node.id] = true;
      });
    }
    computeVisible();

    // Labels are painted by the page after each draw, not handed to vis-network:
    // vis measures every node label when it fits the view (half a second at
    // 10,000 nodes) and keeps a label module per edge, although at the first,
    // zoomed-out draw no label is big enough to read. The page paints the labels
    // in view that are readable at the current zoom, as vis would, plus the
    // labels of the selected node's edges.
    var READABLE_PX = 4;   // vis-network's own limits: scaling.label.drawThreshold - 1 …
    var LARGEST_PX = 30;   // … and scaling.label.maxVisible, in screen pixels
    var EDGE_FONT = 10;
    var NODE_LABEL_COLOR = "#1f2937", EDGE_LABEL_COLOR = "#475569", FADED_LABEL_COLOR = "#b6bfcc";
    function edgeLabel(id) { return lang === "zh" ? data.edges[id].label : data.edgeFacts[id].labelEn; }
    var selectedEdges = [];

    // One colour object per type, shared by its nodes.
    var typeColors = {};
    Object.keys(data.types).forEach(function (type) {
      var color = data.types[type].color;
      typeColors[type] = { background: color, border: "#ffffff",
                           highlight: { background: color, border: "#111827" }, hover: { background: color, border: "#374151" } };
    });
    // The first view tells a story: the most important entities in view (the biggest nodes: the
    // best connected) keep a readable label at every zoom, and the others are faded until the
    // view is close enough for their own labels.
    var KEY_ENTITIES = 15;
    var KEY_LABEL_PX = 13;  // a key entity's label, at least, in screen pixels
    var FADED = 0.25;       // the others' opacity while their labels are too small to read
    var CLEAR_LABEL_PX = 9; // the zoom at which an ordinary label reads well enough to stop fading
    var keyIds = {};
    function computeKeys() {
      keyIds = {};
      data.nodes.filter(function (node) { return visible[node.id]; })
        .sort(function (a, b) { return b.size - a.size || a.label.localeCompare(b.label, "zh"); })
        .slice(0, KEY_ENTITIES)
        .forEach(function (node) { keyIds[node.id] = true; });
    }
    computeKeys();
    var labelSizes = data.nodes.map(function (node) { return node.labelSize; }).sort(function (a, b) { return a - b; });
    var typicalLabel = labelSizes.length ? labelSizes[Math.floor(labelSizes.length / 2)] : 12;
    function fadedAt(scale) { return typicalLabel * scale < CLEAR_LABEL_PX; }
    var opacity = {};
    function wantedOpacity(id, faded) { return keyIds[id] || !faded ? 1 : FADED; }
    performance.mark("qkg-indexes");
    var nodes = new vis.DataSet(data.nodes.map(function (node) {
      var type = entities[node.id].type;
      opacity[node.id] = wantedOpacity(node.id, true);
      return { id: node.id, x: node.x, y: node.y, size: node.size, shape: data.types[type].shape,
               color: typeColors[type], title: node.title, opacity: opacity[node.id] };
    }));
    // Only the nodes whose opacity changes are updated (all of them only when the zoom crosses the line).
    function applyOpacity() {
      var faded = fadedAt(network.getScale()), changed = [];
      data.nodes.forEach(function (node) {
        var wanted = wantedOpacity(node.id, faded);
        if (opacity[node.id] !== wanted) { opacity[node.id] = wanted; changed.push({ id: node.id, opacity: wanted }); }
      });
      if (changed.length) nodes.update(changed);
    }
    var edges = new vis.DataSet(data.edges.map(function (edge) { return { id: edge.id, from: edge.from, to: edge.to }; }));
    var nodeView = new vis.DataView(nodes, { filter: function (node) { return visible[node.id] === true; } });
    var edgeView = new vis.DataView(edges, {
      filter: function (edge) { return visible[edge.from] === true && visible[edge.to] === true && edgeInYears(edge); }
    });
    performance.mark("qkg-datasets");

    var big = data.nodes.length > 1500;
    var container = document.getElementById("graph");
    var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
      autoResize: true,
      physics: false,
      layout: { improvedLayout: false },
      interaction: { hover: !big, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false },
      nodes: { borderWidth: 1.5, borderWidthSelected: 3 },
      edges: {
        smooth: false, width: 1, selectionWidth: 2, hoverWidth: 0.5,
        arrows: { to: { enabled: true, scaleFactor: 0.45 } },
        color: { color: "#cbd5e1", highlight: "#dc2626", hover: "#64748b", inherit: false }
      }
    });
    performance.mark("qkg-network");

    // vis-network draws every arrowhead on each redraw, also those under two pixels
    // long that nobody can see (half the first draw's time at 10,000 nodes): below
    // that zoom the page skips them.
    var ARROW_LENGTH = 15 * 0.45 + 3 * 1;  // vis-network's arrowhead length at scaleFactor 0.45, width 1
    var MIN_ARROW_PX = 2;
    var renderer = network.renderer, drawArrows = renderer._drawArrows;
    renderer._drawArrows = function (ctx) {
      if (ARROW_LENGTH * network.getScale() >= MIN_ARROW_PX) drawArrows.call(renderer, ctx);
    };

    var fontFamily = null;
    function labelFont(px, bold) { return (bold ? "bold " : "") + px + "px " + fontFamily; }
    // The part of the canvas in view, in graph coordinates, with a margin for labels that reach in.
    function viewBox(margin) {
      var low = network.DOMtoCanvas({ x: -margin, y: -margin });
      var high = network.DOMtoCanvas({ x: container.clientWidth + margin, y: container.clientHeight + margin });
      return { left: low.x, top: low.y, right: high.x, bottom: high.y };
    }
    function inBox(box, x, y) { return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom; }
    // vis-network's body holds the drawn nodes and edges (after filters) with their current positions.
    // Text drawn at many different angles defeats the canvas's glyph cache (3 s for
    // 10,000 labels in view): past this many, labels are drawn level.
    var MAX_TURNED_LABELS = 1000;
    function paintEdgeLabels(ctx, scale, box) {
      var body = network.body;
      var readable = EDGE_FONT * scale >= READABLE_PX;
      var ids = readable ? body.edgeIndices : selectedEdges;
      var shown = [];
      for (var i = 0; i < ids.length; i++) {
        var edge = body.edges[ids[i]];
        if (!edge || !edge.connected) continue;
        if (readable && !inBox(box, (edge.from.x + edge.to.x) / 2, (edge.from.y + edge.to.y) / 2)) continue;
        shown.push(edge);
      }
      if (!shown.length) return;
      var size = Math.min(EDGE_FONT, LARGEST_PX / scale);
      var turned = shown.length <= MAX_TURNED_LABELS;
      ctx.font = labelFont(size, false);
      ctx.textBaseline = "middle";
      ctx.fillStyle = EDGE_LABEL_COLOR;
      ctx.lineWidth = 3 * size / EDGE_FONT;
      shown.forEach(function (edge) {
        var from = edge.from, to = edge.to, text = edgeLabel(edge.id);
        var x = (from.x + to.x) / 2, y = (from.y + to.y) / 2;
        if (!turned) {
          ctx.strokeText(text, x, y);
          ctx.fillText(text, x, y);
          return;
        }
        // Along the edge and upright, as vis-network's font.align "middle" draws it.
        var dy = from.y - to.y, dx = from.x - to.x, angle = Math.atan2(dy, dx);
        if ((angle < -1 && dx < 0) || (angle > 0 && dx < 0)) angle += Math.PI;
        ctx.save();
        ctx.translate(x, y);
        ctx.rotate(angle);
        ctx.strokeText(text, 0, 0);
        ctx.fillText(text, 0, 0);
        ctx.restore();
      });
    }
    function paintNodeLabels(ctx, scale, box) {
      var body = network.body, ids = body.nodeIndices, faded = fadedAt(scale);
      ctx.textBaseline = "top";
      var font = null;
      for (var i = 0; i < ids.length; i++) {
        var node = body.nodes[ids[i]], own = nodeById[ids[i]], key = keyIds[ids[i]] === true;
        ctx.fillStyle = faded && !key && !node.selected ? FADED_LABEL_COLOR : NODE_LABEL_COLOR;
        if ((own.labelSize * scale < READABLE_PX && !key) || !inBox(box, node.x, node.y)) continue;
        var size = Math.min(own.labelSize, LARGEST_PX / scale);
        if (key) size = Math.max(size, KEY_LABEL_PX / scale);
        var wanted = labelFont(size, node.selected || (key && own.labelSize * scale < KEY_LABEL_PX));
        if (wanted !== font) { ctx.font = font = wanted; ctx.lineWidth = 3 * size / own.labelSize; }
        var y = node.y + node.options.size + 2;
        ctx.strokeText(own.label, node.x, y);
        ctx.fillText(own.label, node.x, y);
      }
    }
    network.on("afterDrawing", function (ctx) {
      if (big && (renderer.dragging || renderer.zooming)) return;  // edges are hidden too (hideEdgesOn*)
      fontFamily = fontFamily || getComputedStyle(document.body).fontFamily;
      var scale = network.getScale(), box = viewBox(100);
      ctx.save();
      ctx.textAlign = "center";
      ctx.lineJoin = "round";
      ctx.strokeStyle = "#ffffff";
      paintEdgeLabels(ctx, scale, box);
      paintNodeLabels(ctx, scale, box);
      ctx.restore();
    });
    network.on("zoom", applyOpacity);
    network.once("afterDrawing", function () {
      applyOpacity();
      window.qkgFirstDraw = performance.now();
      document.documentElement.setAttribute("data-ready", "1");
    });

    function applyFilters() {
      computeVisible();
      computeKeys();
      applyOpacity();
      nodeView.refresh();
      edgeView.refresh();
      updateStats();
      renderTable();
      if (selected && !visible[selected]) closePanel();
      else if (selected) selectEntity(selected, false);  // the visible neighbourhood changed
    }

    // What the graph holds, in one line above it: entities by type (the most numerous first),
    // award conferrals and source documents.
    function overview() {
      var byType = {};
      data.nodes.forEach(function (node) { var t = entities[node.id].type; byType[t] = (byType[t] || 0) + 1; });
      var types = Object.keys(byType).sort(function (a, b) { return byType[b] - byType[a] || a.localeCompare(b); });
      var parts = types.map(function (t) { return byType[t] + " " + typeName(t); });
      var conferrals = data.edgeFacts.reduce(function (sum, edge) {
        return edge.relation === "award" ? sum + edge.facts.length : sum;
      }, 0);
      var documents = data.documents.length;
      return lang === "zh"
        ? "图谱共有 " + data.nodes.length + " 个实体（" + parts.join("、") + "），" + conferrals + " 次获奖，来自 " + documents + " 份文档。最重要的 " + Math.min(KEY_ENTITIES, data.nodes.length) + " 个实体已标注，放大可看其余。"
        : "The graph holds " + data.nodes.length + " entities (" + parts.join(", ") + "), " + conferrals + " award conferrals, from " + documents + " documents. The " + Math.min(KEY_ENTITIES, data.nodes.length) + " most important are labelled; zoom in for the rest.";
    }

    function updateStats() {
      document.getElementById("overview").textContent = overview();
      var shown = nodeView.length;
      document.getElementById("stats").textContent = lang === "zh"
        ? "显示 " + shown + " / " + data.nodes.length + " 个实体，" + edgeView.length + " 条关系"
        : shown + " / " + data.nodes.length + " entities, " + edgeView.length + " relations";
    }

    // A checkbox bound to flags[key], followed by ``parts``.
    function checkItem(flags, key, parts) {
      var item = el("li");
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = flags[key];
      box.value = key;
      box.addEventListener("change", function () { flags[key] = box.checked; applyFilters(); });
      label.appendChild(box);
      parts.forEach(function (part) { label.appendChild(part); });
      item.appendChild(label);
      return item;
    }

    function buildTypeFilter() {
      var list = document.getElementById("type-filter");
      clear(list);
      var counts = {};
      data.nodes.forEach(function (node) {
        var t = entities[node.id].type;
        counts[t] = (counts[t] || 0) + 1;
      });
      Object.keys(data.types).forEach(function (type) {
        if (!counts[type]) return;
        var style = data.types[type];
        var swatch = el("span", "swatch " + style.shape);
        swatch.style.backgroundColor = style.color;
        list.appendChild(checkItem(state.types, type, [swatch, el("span", "name", typeName(type)), el("span", "count", counts[type])]));
      });
    }

    function buildLevelFilter() {
      var list = document.getElementById("level-filter");
      clear(list);
      var present = {};
      Object.keys(entities).forEach(function (id) { if (entities[id].level) present[entities[id].level] = true; });
      Object.keys(data.levels).forEach(function (level) {
        if (!present[level]) return;
        list.appendChild(checkItem(state.levels, level, [el("span", "name", pick(data.levels[level]))]));
      });
    }

    function buildCityFilter() {
      var select = document.getElementById("city-filter");
      clear(select);
      var all = el("option", null, lang === "zh" ? "全部城市" : "All cities");
      all.value = "";
      select.appendChild(all);
      var cities = Object.keys(entities).filter(function (id) { return entities[id].type === "City"; });
      cities.sort(function (a, b) { return nodeById[a].label.localeCompare(nodeById[b].label, "zh"); });
      cities.forEach(function (id) {
        var option = el("option", null, nodeById[id].label);
        option.value = id;
        select.appendChild(option);
      });
      select.value = state.city;
    }
    document.getElementById("city-filter").addEventListener("change", function (event) {
      state.city = event.target.value;
      cityMembers = {};
      if (state.city) {
        // The city and the cities below it.
        cityMembers[state.city] = true;
        Object.keys(entities).forEach(function (id) {
          if (entities[id].type === "City" && entities[id].cities.indexOf(state.city) >= 0) cityMembers[id] = true;
        });
      }
      applyFilters();
    });

    var years = [];
    data.edgeFacts.forEach(function (edge) { edge.facts.forEach(function (f) { if (f.year) years.push(f.year); }); });
    Object.keys(entities).forEach(function (id) { if (entities[id].year) years.push(entities[id].year); });
    var yearFrom = document.getElementById("year-from");
    var yearTo = document.getElementById("year-to");
    if (years.length) {
      var minYear = Math.min.apply(null, years), maxYear = Math.max.apply(null, years);
      [yearFrom, yearTo].forEach(function (input) { input.min = minYear; input.max = maxYear; });
      yearFrom.placeholder = minYear;
      yearTo.placeholder = maxYear;
    }
    function readYear(input) {
      var value = parseInt(input.value, 10);
      return isNaN(value) ? null : value;
    }
    [yearFrom, yearTo].forEach(function (input) {
      input.addEventListener("change", function () {
        state.from = readYear(yearFrom);
        state.to = readYear(yearTo);
        applyFilters();
      });
    });

    document.getElementById("reset").addEventListener("click", function () {
      Object.keys(state.types).forEach(function (t) { state.types[t] = true; });
      Object.keys(state.levels).forEach(function (l) { state.levels[l] = true; });
      state.city = ""; state.from = null; state.to = null; state.review = true;
      cityMembers = {};
      yearFrom.value = ""; yearTo.value = "";
      buildFilters();
      applyFilters();
    });

    var reviewCount = 0;
    data.edgeFacts.forEach(function (edge) { edge.facts.forEach(function (f) { if (toReview(f)) reviewCount++; }); });
    function buildReviewFilter() {
      var section = document.getElementById("review-section");
      section.hidden = reviewCount === 0;
      var list = document.getElementById("review-filter");
      clear(list);
      var label = lang === "zh" ? "显示待复核的事实（置信度低于 " + data.reviewBelow + "）"
                                : "Show facts to review (confidence below " + data.reviewBelow + ")";
      list.appendChild(checkItem(state, "review", [el("span", "name", label), el("span", "count", reviewCount)]));
    }

    function buildFilters() {
      buildTypeFilter();
      buildLevelFilter();
      buildCityFilter();
      buildReviewFilter();
    }

    // ---- search ----------------------------------------------------------------

    var searchInput = document.getElementById("search");
    var resultList = document.getElementById("search-results");
    var searchIndex = data.nodes.map(function (node) {
      var names = [node.label].concat(entities[node.id].aliases);
      return { id: node.id, names: names.map(function (n) { return n.normalize("NFKC").toLowerCase(); }) };
    });

    function search(query) {
      var wanted = query.normalize("NFKC").trim().toLowerCase();
      if (!wanted) return [];
      var exact = [], starts = [], contains = [];
      searchIndex.forEach(function (entry) {
        var best = null;
        entry.names.forEach(function (name) {
          if (name === wanted) best = 0;
          else if (name.indexOf(wanted) === 0 && best !== 0) best = 1;
          else if (name.indexOf(wanted) > 0 && best === null) best = 2;
        });
        if (best === 0) exact.push(entry.id);
        else if (best === 1) starts.push(entry.id);
        else if (best === 2) contains.push(entry.id);
      });
      return exact.concat(starts, contains);
    }

    function showResults(ids) {
      clear(resultList);
      if (!searchInput.value.trim()) { resultList.hidden = true; return; }
      if (!ids.length) {
        resultList.appendChild(el("li", "empty", lang === "zh" ? "没有找到" : "Nothing found"));
      }
      ids.slice(0, 30).forEach(function (id) {
        var item = el("li");
        item.setAttribute("role", "option");
        item.setAttribute("data-id", id);
        item.appendChild(el("span", "name", nodeById[id].label));
        item.appendChild(el("span", "kind", typeName(entities[id].type)));
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          chooseResult(id);
        });
        resultList.appendChild(item);
      });
      resultList.hidden = false;
    }
    function chooseResult(id) {
      resultList.hidden = true;
      searchInput.value = nodeById[id].label;
      selectEntity(id, true);
    }
    searchInput.addEventListener("input", function () { showResults(search(searchInput.value)); });
    searchInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var found = search(searchInput.value);
        if (found.length) chooseResult(found[0]);
      } else if (event.key === "Escape") {
        resultList.hidden = true;
      }
    });
    searchInput.addEventListener("blur", function () { resultList.hidden = true; });

    // ---- selection and panel ----------------------------------------------------

    var selected = null;
    var panel = document.getElementById("panel");
    var panelBody = document.getElementById("panel-body");

    function neighbourhood(id) {
      var ids = [id], edgeIds = [];
      incident[id].forEach(function (edge) {
        var other = edge.from === id ? edge.to : edge.from;
        if (visible[other] && edgeView.get(edge.id)) {
          ids.push(other);
          edgeIds.push(edge.id);
        }
      });
      return { nodes: ids, edges: edgeIds };
    }

    function selectEntity(id, moveTo) {
      if (!nodeById[id]) return;
      if (!visible[id]) {
        // Searching for a filtered-out entity clears the filters rather than failing silently.
        document.getElementById("reset").click();
      }
      selected = id;
      var hood = neighbourhood(id);
      selectedEdges = hood.edges;
      network.setSelection(hood, { unselectAll: true, highlightEdges: false });
      if (moveTo) network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
      renderPanel(id);
    }

    function closePanel() {
      selected = null;
      panel.hidden = true;
      selectedEdges = [];
      network.unselectAll();
    }
    document.getElementById("panel-close").addEventListener("click", closePanel);

    network.on("click", function (params) {
      if (params.nodes.length) selectEntity(params.nodes[0], false);
      else if (!params.edges.length) closePanel();
    });

    function entityButton(id) {
      var button = el("button", "entity-link", nodeById[id].label);
      button.type = "button";
      button.addEventListener("click", function () { selectEntity(id, true); });
      return button;
    }

    function sourceList(docIds, evidence) {
      var list = el("ul", "sources");
      docIds.forEach(function (docId) {
        var doc = data.documents[docId];
        if (!doc) return;
        var item = el("li");
        var title = "《" + doc.title + "》";
        if (doc.url) {
          var link = el("a", null, title);
          link.href = doc.url;
          link.target = "_blank";
          link.rel = "noopener noreferrer";
          item.appendChild(link);
        } else {
          item.appendChild(el("span", null, title));
        }
        var about = [doc.publisher, doc.date].filter(Boolean).join("，");
        if (about) item.appendChild(el("span", null, " " + about));
        (evidence || []).forEach(function (span) {
          if (span.document !== docId) return;
          // Where the document states the fact; the text itself only when the facts carry it.
          var where = lang === "en" ? "characters " + span.start + "–" + span.end : "第 " + span.start + "–" + span.end + " 字";
          item.appendChild(el("span", "offsets", " · " + where));
          if (span.quote) item.appendChild(el("blockquote", "evidence", span.quote));
        });
        list.appendChild(item);
      });
      return list;
    }

    function factRow(edge, id) {
      var other = edge.from === id ? edge.to : edge.from;
      var row = el("li", "fact");
      row.appendChild(entityButton(other));
      var facts = data.edgeFacts[edge.id].facts;
      facts.forEach(function (fact, index) {
        var line = el("div");
        var when = [fact.detail, fact.year].filter(Boolean).join(" · ");
        if (when) line.appendChild(el("span", "when", when));
        if (fact.confidence !== null && fact.confidence !== undefined) {
          line.appendChild(el("span", "confidence", (lang === "zh" ? " 置信度 " : " confidence ") + fact.confidence.toFixed(2)));
          if (toReview(fact)) line.appendChild(el("span", "to-review", lang === "zh" ? "待复核" : "to review"));
        }
        line.appendChild(sourceList(fact.documents, fact.evidence));
        if (index > 0 || when || fact.documents.length || fact.confidence != null) row.appendChild(line);
      });
      return row;
    }

    // ---- conferrals: a chart for the selected entity or city, and a table of those in view ----

    var LEVEL_ORDER = ["national", "provincial", "municipal", "county", ""];
    var LEVEL_COLORS = { national: "#b91c1c", provincial: "#ea580c", municipal: "#2563eb", county: "#16a34a", "": "#94a3b8" };
    // Every conferral of the graph: recipient, award, level, year, from the award edges' facts.
    function conferrals(edgeList) {
      var rows = [];
      edgeList.forEach(function (edge) {
        var facts = data.edgeFacts[edge.id];
        if (facts.relation !== "award") return;
        facts.facts.forEach(function (fact) {
          if (!yearInRange(fact.year) || (!state.review && toReview(fact))) return;
          rows.push({ recipient: edge.from, award: edge.to, level: entities[edge.to].level || "", year: fact.year });
        });
      });
      return rows;
    }
    // A city's own awards and those of everything in it (the cities and counties below it too).
    function awardsOf(id) {
      if (entities[id].type !== "City") return conferrals(incident[id].filter(function (e) { return e.from === id; }));
      var inside = {};
      inside[id] = true;
      Object.keys(entities).forEach(function (other) {
        if (entities[other].cities.indexOf(id) >= 0) inside[other] = true;
        if (entities[other].type === "City" && entities[other].cities.indexOf(id) >= 0) {
          Object.keys(entities).forEach(function (o) { if (entities[o].cities.indexOf(other) >= 0) inside[o] = true; });
        }
      });
      return conferrals(data.edges.filter(function (e) { return inside[e.from]; }));
    }
    function svg(tag, attributes) {
      var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
      Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
      return node;
    }
    // Stacked bars, one per year, a colour per level: drawn in SVG by the page, no library, no network.
    function awardsChart(rows) {
      rows = rows.filter(function (row) { return row.year; });
      if (!rows.length) return null;
      var counts = {}, years = [];
      rows.forEach(function (row) {
        if (!counts[row.year]) { counts[row.year] = {}; years.push(row.year); }
        counts[row.year][row.level] = (counts[row.year][row.level] || 0) + 1;
      });
      var first = Math.min.apply(null, years), last = Math.max.apply(null, years);
      var span = last - first + 1, highest = 0;
      years.forEach(function (y) {
        var total = 0;
        Object.keys(counts[y]).forEach(function (l) { total += counts[y][l]; });
        highest = Math.max(highest, total);
      });
      var width = 300, height = 130, left = 24, bottom = 18, top = 6, barWidth = (width - left) / span;
      var chart = svg("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img", "class": "awards-chart" });
      chart.appendChild(el("title", null, lang === "zh" ? "历年获奖（按级别）" : "Awards by year and level"));
      var scaleY = (height - bottom - top) / highest;
      years.forEach(function (y) {
        var base = height - bottom;
        LEVEL_ORDER.forEach(function (level) {
          var count = counts[y][level];
          if (!count) return;
          var bar = svg("rect", { x: left + (y - first) * barWidth + 1, y: base - count * scaleY, width: Math.max(barWidth - 2, 1),
                                  height: count * scaleY, fill: LEVEL_COLORS[level], "data-year": y, "data-level": level, "data-count": count });
          var tip = svg("title", {});
          tip.textContent = y + " " + (level ? pick(data.levels[level]) : (lang === "zh" ? "未定级别" : "no level")) + ": " + count;
          bar.appendChild(tip);
          chart.appendChild(bar);
          base -= count * scaleY;
        });
      });
      var axis = svg("text", { x: left, y: height - 4, "font-size": 10, fill: "#475569" });
      axis.textContent = String(first);
      chart.appendChild(axis);
      if (last !== first) {
        var end = svg("text", { x: width, y: height - 4, "font-size": 10, fill: "#475569", "text-anchor": "end" });
        end.textContent = String(last);
        chart.appendChild(end);
      }
      var most = svg("text", { x: 0, y: top + 8, "font-size": 10, fill: "#475569" });
      most.textContent = String(highest);
      chart.appendChild(most);
      var figure = el("figure", "chart");
      figure.appendChild(chart);
      var legend = el("figcaption", "legend");
      LEVEL_ORDER.forEach(function (level) {
        if (!rows.some(function (row) { return row.level === level; })) return;
        var key = el("span", "key");
        key.style.backgroundColor = LEVEL_COLORS[level];
        legend.appendChild(key);
        legend.appendChild(el("span", null, (level ? pick(data.levels[level]) : (lang === "zh" ? "未定级别" : "no level")) + " "));
      });
      figure.appendChild(legend);
      return figure;
    }

    // The table view: the conferrals between the entities in view, sortable, and as CSV for Excel.
    var tableSort = { column: "year", descending: false };
    var TABLE_COLUMNS = ["recipient", "award", "level", "year"];
    var TABLE_HEADERS = { recipient: ["获奖者", "Recipient"], award: ["奖项", "Award"], level: ["级别", "Level"], year: ["年份", "Year"] };
    function tableRows() {
      var rows = conferrals(edgeView.get()).map(function (row) {
        return { recipient: nodeById[row.recipient].label, award: nodeById[row.award].label,
                 level: row.level ? pick(data.levels[row.level]) : "", year: row.year || "" };
      });
      var column = tableSort.column, sign = tableSort.descending ? -1 : 1;
      rows.sort(function (a, b) {
        var x = a[column], y = b[column];
        if (column === "year") { x = x === "" ? -1 : x; y = y === "" ? -1 : y; }  // undated first, ascending
        var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh");
        return sign * order || a.recipient.localeCompare(b.recipient, "zh");
      });
      return rows;
    }
    function renderTable() {
      var view = document.getElementById("table-view");
      if (view.hidden) return;
      var rows = tableRows();
      var table = el("table");
      var head = el("tr");
      TABLE_COLUMNS.forEach(function (column) {
        var arrow = tableSort.column === column ? (tableSort.descending ? " ▼" : " ▲") : "";
        var cell = el("th", null, pick(TABLE_HEADERS[column]) + arrow);
        cell.setAttribute("data-column", column);
        cell.addEventListener("click", function () {
          tableSort = { column: column, descending: tableSort.column === column && !tableSort.descending };
          renderTable();
        });
        head.appendChild(cell);
      });
      table.appendChild(head);
      rows.forEach(function (row) {
        var line = el("tr");
        TABLE_COLUMNS.forEach(function (column) { line.appendChild(el("td", null, row[column])); });
        table.appendChild(line);
      });
      var body = document.getElementById("table-body");
      clear(body);
      body.appendChild(el("p", "count", lang === "zh" ? "共 " + rows.length + " 次获奖（当前筛选）" : rows.length + " conferrals (current filters)"));
      body.appendChild(table);
    }
    // CSV as Excel opens it: a BOM, CRLF, quoted fields, and no cell read as a formula.
    function csvText(rows) {
      function field(value) {
        var text = String(value);
        if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
        return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
      }
      var lines = [TABLE_COLUMNS.map(function (c) { return field(pick(TABLE_HEADERS[c])); }).join(",")];
      rows.forEach(function (row) { lines.push(TABLE_COLUMNS.map(function (c) { return field(row[c]); }).join(",")); });
      return "\ufeff" + lines.join("\r\n") + "\r\n";
    }
    document.getElementById("table-toggle").addEventListener("click", function () {
      var view = document.getElementById("table-view");
      view.hidden = !view.hidden;
      renderTable();
    });
    document.getElementById("table-csv").addEventListener("click", function () {
      var link = el("a");
      link.href = URL.createObjectURL(new Blob([csvText(tableRows())], { type: "text/csv;charset=utf-8" }));
      link.download = lang === "zh" ? "获奖记录.csv" : "conferrals.csv";
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
    });

    function renderPanel(id) {
      var node = nodeById[id], entity = entities[id], style = data.types[entity.type];
      clear(panelBody);
      panelBody.appendChild(el("h2", null, node.label));
      var badge = el("span", "badge", typeName(entity.type));
      badge.style.backgroundColor = style.color;
      var meta = el("div", "meta");
      meta.appendChild(badge);
      if (entity.level) meta.appendChild(el("span", null, pick(data.levels[entity.level])));
      if (entity.year) meta.appendChild(el("span", "when", entity.year));
      panelBody.appendChild(meta);
      if (entity.aliases.length) {
        panelBody.appendChild(el("h3", null, lang === "zh" ? "别名" : "Also known as"));
        panelBody.appendChild(el("div", "meta", entity.aliases.join(lang === "zh" ? "、" : ", ")));
      }
      var chart = awardsChart(awardsOf(id));
      if (chart) {
        panelBody.appendChild(el("h3", null, lang === "zh" ? "历年获奖（按级别）" : "Awards by year and level"));
        panelBody.appendChild(chart);
      }
      var cities = entity.cities.filter(function (c) { return c !== id; });
      if (cities.length) {
        panelBody.appendChild(el("h3", null, lang === "zh" ? "所在城市" : "City"));
        var cityLine = el("div", "meta");
        cities.forEach(function (c) { cityLine.appendChild(entityButton(c)); cityLine.appendChild(document.createTextNode(" ")); });
        panelBody.appendChild(cityLine);
      }
      var groups = {}, order = [];
      incident[id].forEach(function (edge) {
        var key = edge.from === id ? data.edgeFacts[edge.id].relation + ":out" : data.edgeFacts[edge.id].relation + ":in";
        if (!groups[key]) { groups[key] = []; order.push(key); }
        groups[key].push(edge);
      });
      var sectionOrder = Object.keys(data.sections);
      order.sort(function (a, b) { return sectionOrder.indexOf(a) - sectionOrder.indexOf(b); });
      order.forEach(function (key) {
        var section = el("section", "facts");
        section.setAttribute("data-section", key);
        section.appendChild(el("h3", null, pick(data.sections[key]) + "（" + groups[key].length + "）"));
        var list = el("ul");
        groups[key].forEach(function (edge) { list.appendChild(factRow(edge, id)); });
        section.appendChild(list);
        panelBody.appendChild(section);
      });
      if (entity.documents.length) {
        panelBody.appendChild(el("h3", null, lang === "zh" ? "提及该实体的文献" : "Mentioned in"));
        panelBody.appendChild(sourceList(entity.documents));
      }
      panel.hidden = false;
    }

    // ---- language ---------------------------------------------------------------

    function applyLanguage() {
      document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
      document.getElementById("lang").textContent = lang === "zh" ? "English" : "中文";
      document.getElementById("page-title").textContent = lang === "zh" ? data.title : "Quality governance knowledge graph";
      searchInput.placeholder = lang === "zh" ? "搜索名称或别名" : "Search names and aliases";
      Array.prototype.forEach.call(document.querySelectorAll("[data-zh]"), function (node) {
        node.textContent = node.getAttribute(lang === "zh" ? "data-zh" : "data-en");
      });
      buildFilters();
      updateStats();
      renderTable();
      if (selected) renderPanel(selected);
    }
    document.getElementById("lang").addEventListener("click", function () {
      lang = lang === "zh" ? "en" : "zh";
      network.redraw();
      applyLanguage();
    });

    performance.mark("qkg-prelang");
    applyLanguage();
    performance.mark("qkg-lang");

    // For tests and benchmarks: read-only views of the page's state.
    window.qkg = {
      network: network,
      visibleNodeIds: function () { return nodeView.getIds(); },
      visibleEdgeIds: function () { return edgeView.getIds(); },
      search: search,
      edgeLabel: edgeLabel,
      select: function (id) { selectEntity(id, true); },
      selected: function () { return selected; },
      language: function () { return lang; },
      tableCsv: function () { return csvText(tableRows()); },
      keyEntities: function () { return Object.keys(keyIds); },
      labelOf: function (id) { return nodeById[id].label; },
      opacity: function (id) { return opacity[id]; }
    };
  }
})();
