/* The figure tracker: each stated value at its article's date, one colour per source. */
(function () {
  "use strict";
  var V = window.DossierViews;

  V.draw.figures = function (container, data) {
    var chart = V.chartIn(container);
    // A point: [date, value, source, article, words, qualifier, precision] (generator/views/figures_tracker.py).
    var disputed = new Set(data.disputed);
    // One series per source, the most frequent first (the legend's order); past SERIES sources,
    // the rest share one grey series: hundreds of series would take seconds to draw.
    var SERIES = 11;
    var bySource = data.sources.map(function (source) { return { label: source.label, items: [] }; });
    data.points.forEach(function (p, i) { bySource[p[2]].items.push(i); });
    var sources = bySource.slice().sort(function (a, b) {
      return b.items.length - a.items.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    });
    if (sources.length > SERIES + 1) {
      var rest = { label: "مصادر أخرى (" + (sources.length - SERIES) + ")", items: [], color: "#9e9e9e" };
      sources.slice(SERIES).forEach(function (s) { rest.items = rest.items.concat(s.items); });
      sources = sources.slice(0, SERIES).concat([rest]);
    }
    function url(p) {
      return "articles/" + data.articles[p[3]].id + "/#:~:text=" + encodeURIComponent(p[4]);
    }
    var positive = data.points.every(function (p) { return p[1] > 0; });
    var option = V.baseOption();
    option.legend = { type: "scroll", top: 0, right: 0, align: "right", textStyle: { fontFamily: V.FONT } };
    // room on the left for the half of an ISO date label that stands past the last tick
    option.grid = { top: 50, bottom: 40, left: 40, right: 40, containLabel: true };
    // A margin either side: a point on the axis's very end is half clipped and cannot be clicked.
    function margin(v) { return Math.max(7 * 86400000, (v.max - v.min) * 0.04); }
    option.xAxis = { type: "time", inverse: true, axisLabel: { formatter: V.isoDay, hideOverlap: true, fontFamily: V.FONT },
                     min: function (v) { return v.min - margin(v); }, max: function (v) { return v.max + margin(v); } };
    option.yAxis = { type: positive ? "log" : "value", position: "right", axisLabel: { fontFamily: V.FONT } };
    option.tooltip.trigger = "item";
    option.tooltip.formatter = function (p) {
      var point = data.points[p.data.value[2]];
      return V.esc(point[0]) + " · " + V.esc(data.sources[point[2]].label) + "<br><b>" + V.esc(point[1].toLocaleString("ar")) +
        "</b> " + (point[5] ? V.esc(point[5]) + " " : "") + "<br>«" + V.esc(point[4]) + "»<br>" + V.esc(data.articles[point[3]].title);
    };
    option.series = sources.map(function (source) {
      return {
        type: "scatter", name: source.label, symbolSize: 11, itemStyle: source.color ? { color: source.color } : undefined,
        data: source.items.map(function (i) {
          var p = data.points[i];
          var item = { value: [p[0], p[1], i] };
          // A value another source contradicts within a week is ringed.
          if (disputed.has(i)) item.itemStyle = { borderColor: "#c62828", borderWidth: 3 };
          return item;
        })
      };
    });
    chart.setOption(option);
    // "mouseup", not "click": on this SVG chart ECharts 6 reports no click on a scatter symbol
    // (measured in chromium: the pointer's down, up and click all reach the chart, the click event
    // never comes), while a bar's and a node's clicks do.
    chart.on("mouseup", function (p) {
      window.location.href = V.href(url(data.points[p.data.value[2]]));
    });
  };
})();
