/* The figure tracker: each stated value at its article's date, one colour per source. */
(function () {
  "use strict";
  var V = window.DossierViews;

  V.draw.figures = function (container, data) {
    var chart = V.chartIn(container);
    var disputed = new Set();
    data.disagreements.forEach(function (pair) { disputed.add(pair[0]); disputed.add(pair[1]); });
    // One series per source, the most frequent first (the legend's order).
    var bySource = new Map();
    data.points.forEach(function (p, i) {
      if (!bySource.has(p.source)) bySource.set(p.source, { label: p.source_label, items: [] });
      bySource.get(p.source).items.push(i);
    });
    var sources = Array.from(bySource.values()).sort(function (a, b) {
      return b.items.length - a.items.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    });
    var positive = data.points.every(function (p) { return p.value > 0; });
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
      var point = data.points[p.data[2]];
      return V.esc(point.date) + " · " + V.esc(point.source_label) + "<br><b>" + V.esc(point.value.toLocaleString("ar")) +
        "</b> " + (point.qualifier ? V.esc(point.qualifier) + " " : "") + "<br>«" + V.esc(point.text) + "»";
    };
    option.series = sources.map(function (source) {
      return {
        type: "scatter", name: source.label, symbolSize: 11,
        data: source.items.map(function (i) {
          var p = data.points[i];
          var item = { value: [p.date, p.value, i] };
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
      window.location.href = V.href(data.points[p.data.value[2]].url);
    });
  };
})();
