/* An actor's neighbourhood on its page: the actor in the middle, the actors it appears with around it. */
(function () {
  "use strict";
  var V = window.DossierViews;

  V.draw.neighbourhood = function (container, data) {
    var chart = V.chartIn(container);
    var around = data.neighbours.slice(0, data.drawn);
    var nodes = [{ name: data.center.id, display: data.center.label, url: data.center.url, value: data.center.articles,
                   x: 0, y: 0, symbolSize: 30, itemStyle: { color: "#c62828" }, label: { show: true } }];
    around.forEach(function (n, i) {
      var angle = 2 * Math.PI * i / around.length - Math.PI / 2;
      nodes.push({ name: n.id, display: n.label, url: n.url, value: n.articles, sentences: n.sentences,
                   x: 100 * Math.cos(angle), y: 100 * Math.sin(angle), symbolSize: 10 + 3 * Math.sqrt(n.articles),
                   // labels point away from the centre, clear of the edges
                   label: { show: true, position: Math.cos(angle) >= 0 ? "right" : "left" } });
    });
    var option = V.baseOption();
    option.tooltip.formatter = function (p) {
      if (p.dataType === "edge") return "مقالات مشتركة: " + p.data.value + "<br>جمل مشتركة: " + p.data.sentences;
      return V.esc(p.data.display);
    };
    option.series = [{
      type: "graph", layout: "none", data: nodes,
      links: around.map(function (n, i) {
        return { source: 0, target: i + 1, value: n.articles, sentences: n.sentences,
                 lineStyle: { width: Math.min(8, 1 + Math.log(1 + n.articles) * 1.5) } };
      }),
      label: { position: "left", formatter: function (p) { return p.data.display; }, fontFamily: V.FONT },
      lineStyle: { color: "#90a4ae", opacity: 0.7 }
    }];
    chart.setOption(option);
    chart.on("click", function (p) {
      if (p.dataType === "node" && p.dataIndex > 0) window.location.href = V.href(p.data.url);
    });
  };
})();
