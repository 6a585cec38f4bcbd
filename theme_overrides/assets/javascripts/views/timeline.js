/* The timeline chart: articles per week or month, stacked by topic; a bar lists its articles. */
(function () {
  "use strict";
  var V = window.DossierViews;

  V.draw.timeline = function (container, data) {
    var chart = V.chartIn(container);
    var keys = data.buckets.map(function (b) { return b.key; });
    var list = container.appendChild(V.el("div", "dossier-view__list"));
    list.setAttribute("aria-live", "polite");
    var option = V.baseOption();
    option.legend = { type: "scroll", top: 0, right: 0, align: "right", textStyle: { fontFamily: V.FONT } };
    option.grid = { top: 50, bottom: 60, left: 16, right: 40, containLabel: true };
    // Right to left: the earliest bucket stands at the right, the counts' axis on the right.
    option.xAxis = { type: "category", data: keys, inverse: true, axisLabel: { rotate: 45, fontFamily: V.FONT } };
    option.yAxis = { type: "value", position: "right", minInterval: 1, axisLabel: { fontFamily: V.FONT } };
    option.tooltip.trigger = "item";
    option.tooltip.formatter = function (p) {
      var bucket = data.buckets[p.dataIndex];
      return V.esc(bucket.key) + "<br>" + V.esc(p.seriesName) + ": " + p.value + "<br>المقالات: " + bucket.total;
    };
    option.series = data.topics.map(function (topic, t) {
      return {
        type: "bar", stack: "topics", name: topic.label, barMaxWidth: 48,
        // An empty cell draws nothing ("-"), so the marks drawn are exactly the non-zero counts.
        data: data.buckets.map(function (b) { return b.counts[t] || "-"; })
      };
    });
    chart.setOption(option);

    var articles = null;
    chart.on("click", function (p) {
      var bucket = data.buckets[p.dataIndex];
      (articles || (articles = V.fetchJson(data.articles))).then(function (lists) {
        show(bucket, lists[bucket.key] || []);
      });
    });

    function show(bucket, items) {
      list.textContent = "";
      list.appendChild(V.el("h3", null, (data.unit === "week" ? "أسبوع " : "شهر ") + bucket.key + " (" + items.length + ")"));
      var ul = list.appendChild(V.el("ul"));
      items.forEach(function (item) {
        var li = ul.appendChild(V.el("li"));
        var a = li.appendChild(V.el("a", null, item.title));
        a.href = V.href(item.url);
        li.appendChild(V.el("span", "dossier-view__meta", " " + (item.date || "") + " · " + item.outlet));
      });
      list.setAttribute("data-bucket", bucket.key);
    }
  };
})();
