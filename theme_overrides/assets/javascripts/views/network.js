/*
 * The actor network: nodes at the positions the generator laid out, edges weighted by shared
 * articles or shared sentences; a topic and a period re-count the weights over those articles
 * only (network/articles.json, fetched the first time a filter is used).  A node opens its page.
 */
(function () {
  "use strict";
  var V = window.DossierViews;
  var SCALE = 300;

  function select(form, label, choices) {
    var wrap = form.appendChild(V.el("label", "dossier-view__filter", label + " "));
    var s = wrap.appendChild(V.el("select"));
    choices.forEach(function (c) {
      var o = s.appendChild(V.el("option", null, c[1]));
      o.value = c[0];
    });
    return s;
  }

  V.draw.network = function (container, data) {
    var form = container.appendChild(V.el("form", "dossier-view__filters"));
    var weight = select(form, "الوزن", [["articles", "مقالات مشتركة"], ["sentences", "جمل مشتركة"]]);
    var topic = select(form, "الموضوع", [["", "كل الموضوعات"]].concat(data.topics.map(function (t, i) { return [String(i), t.label]; })));
    var months = data.months.map(function (m) { return [m, m]; });
    var from = select(form, "من", [["", "البداية"]].concat(months));
    var to = select(form, "إلى", [["", "النهاية"]].concat(months));
    var chart = V.chartIn(container);
    var rows = null;

    function counts() {
      // Everything, as the generator counted it: no need for the per-article rows.
      if (!topic.value && !from.value && !to.value) {
        return Promise.resolve({
          nodes: data.nodes.map(function (n) { return n.articles; }),
          edges: data.edges.map(function (e) { return { a: e[0], b: e[1], articles: e[2], sentences: e[3] }; })
        });
      }
      return (rows || (rows = V.fetchJson(data.articles))).then(function (file) {
        var nodes = data.nodes.map(function () { return 0; });
        var pairs = new Map();
        function pair(a, b) {
          var key = Math.min(a, b) + "," + Math.max(a, b);
          if (!pairs.has(key)) pairs.set(key, { a: Math.min(a, b), b: Math.max(a, b), articles: 0, sentences: 0 });
          return pairs.get(key);
        }
        file.rows.forEach(function (r) {
          if (topic.value && r[1].indexOf(+topic.value) < 0) return;
          if (from.value && (!r[0] || r[0] < from.value)) return;
          if (to.value && (!r[0] || r[0] > to.value)) return;
          r[2].forEach(function (a, i) {
            nodes[a]++;
            for (var j = i + 1; j < r[2].length; j++) pair(a, r[2][j]).articles++;
          });
          r[3].forEach(function (s) { pair(s[0], s[1]).sentences += s[2]; });
        });
        return { nodes: nodes, edges: Array.from(pairs.values()) };
      });
    }

    function draw() {
      counts().then(function (c) {
        var shown = [], position = {};
        data.nodes.forEach(function (n, i) {
          if (!c.nodes[i]) return;
          position[i] = shown.length;
          shown.push({
            name: n.id, value: c.nodes[i], x: n.x * SCALE, y: n.y * SCALE, url: n.url, label: { show: shown.length < 25 },
            symbolSize: 8 + 4 * Math.sqrt(c.nodes[i]), itemStyle: n.type === "person" ? { color: "#00897b" } : (n.type === "state" ? { color: "#5c6bc0" } : { color: "#ef6c00" }),
            display: n.label
          });
        });
        var links = c.edges.filter(function (e) { return e[weight.value] > 0 && e.a in position && e.b in position; }).map(function (e) {
          return { source: position[e.a], target: position[e.b], value: e[weight.value], articles: e.articles, sentences: e.sentences,
                   lineStyle: { width: Math.min(8, 0.6 + Math.log(1 + e[weight.value]) * 1.2) } };
        });
        var option = V.baseOption();
        option.tooltip.formatter = function (p) {
          if (p.dataType === "edge") {
            return V.esc(shown[p.data.source].display) + " — " + V.esc(shown[p.data.target].display) +
              "<br>مقالات مشتركة: " + p.data.articles + "<br>جمل مشتركة: " + p.data.sentences;
          }
          return V.esc(p.data.display) + "<br>المقالات: " + p.data.value;
        };
        option.series = [{
          type: "graph", layout: "none", roam: true, data: shown, links: links, edgeSymbol: ["none", "none"],
          label: { position: "left", formatter: function (p) { return p.data.display; }, fontFamily: V.FONT },
          lineStyle: { color: "#90a4ae", opacity: 0.6 }, emphasis: { focus: "adjacency" }
        }];
        chart.setOption(option, true);
        container.setAttribute("data-nodes", String(shown.length));
        container.setAttribute("data-edges", String(links.length));
        container.setAttribute("data-filtered", String(Boolean(topic.value || from.value || to.value || weight.value !== "articles")));
      });
    }

    [weight, topic, from, to].forEach(function (s) { s.addEventListener("change", draw); });
    chart.on("click", function (p) {
      if (p.dataType === "node") window.location.href = V.href(p.data.url);
    });
    draw();
  };
})();
