/*
 * The research views' loader (loaded on every page, does nothing on most).
 *
 * A page that shows a view holds <div data-dossier-view="NAME" data-src="PATH.json">, written by
 * the generator (generator/views).  For each one this loads, once, the charting library
 * (vendor/echarts.min.js, only on pages that draw a chart) and views/NAME.js, fetches the data
 * file (a path from the site root, so it works from any depth and from a sub-path) and calls
 * the view's draw function.  Every chart is drawn in SVG with the shipped Arabic fonts,
 * right to left, dates as ISO.
 *
 * window.DossierViews also lets the browser tests count what was drawn (marks) and find a
 * mark on screen (markBox), from the chart itself rather than from the data file.
 */
(function () {
  "use strict";

  var baseMeta = document.querySelector('meta[name="dossier-base"]');
  var root = new URL(((baseMeta && baseMeta.content) || ".").replace(/\/?$/, "/"), document.baseURI);
  var CHARTLESS = { kwic: true };
  var scripts = {};
  var FONT = '"Noto Sans Arabic", "Noto Naskh Arabic", sans-serif';

  function loadScript(path) {
    if (!scripts[path]) {
      scripts[path] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = new URL(path, root).href;
        s.onload = resolve;
        s.onerror = function () { reject(new Error(path + ": could not be loaded")); };
        document.head.appendChild(s);
      });
    }
    return scripts[path];
  }

  function fetchJson(path) {
    return fetch(new URL(path, root)).then(function (response) {
      if (!response.ok) throw new Error(path + ": HTTP " + response.status);
      return response.json();
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Tooltips are HTML: every value from an article passes through here.
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  function isoDay(ms) {
    var d = new Date(ms);
    return d.getUTCFullYear() + "-" + String(d.getUTCMonth() + 1).padStart(2, "0") + "-" + String(d.getUTCDate()).padStart(2, "0");
  }

  function chartIn(container) {
    var box = container.appendChild(el("div", "dossier-view__chart"));
    var chart = echarts.init(box, null, { renderer: "svg" });
    window.addEventListener("resize", function () { chart.resize(); });
    container.dossierChart = chart;
    return chart;
  }

  // Shared look: the shipped fonts, tooltips right to left, escaped.
  function baseOption() {
    return {
      textStyle: { fontFamily: FONT },
      animation: false,
      tooltip: { confine: true, textStyle: { fontFamily: FONT }, extraCssText: "direction: rtl; text-align: right;" }
    };
  }

  // What the chart drew: one graphic element per data item (bars, points, nodes) and per edge.
  function marks(container) {
    var chart = container.dossierChart;
    if (!chart) return 0;
    var count = 0;
    chart.getModel().getSeries().forEach(function (series) {
      [series.getData(), series.getEdgeData ? series.getEdgeData() : null].forEach(function (data) {
        if (!data) return;
        for (var i = 0; i < data.count(); i++) if (data.getItemGraphicEl(i)) count++;
      });
    });
    return count;
  }

  // Where a drawn mark's centre is in the window (for a test's real mouse click).
  function markBox(container, seriesIndex, dataIndex) {
    var chart = container.dossierChart;
    var g = chart.getModel().getSeries()[seriesIndex].getData().getItemGraphicEl(dataIndex);
    var rect = g.getBoundingRect().clone();
    g.updateTransform();
    if (g.transform) rect.applyTransform(g.transform);
    var outer = chart.getDom().getBoundingClientRect();
    return { x: outer.left + rect.x + rect.width / 2, y: outer.top + rect.y + rect.height / 2 };
  }

  var api = {
    root: root, draw: {}, fetchJson: fetchJson, el: el, esc: esc, isoDay: isoDay, FONT: FONT,
    chartIn: chartIn, baseOption: baseOption, marks: marks, markBox: markBox,
    href: function (path) { return new URL(path, root).href; }
  };
  window.DossierViews = api;

  function start(container) {
    var name = container.getAttribute("data-dossier-view");
    var needs = CHARTLESS[name] ? Promise.resolve() : loadScript("assets/javascripts/vendor/echarts.min.js");
    var began = performance.now();
    var src = container.getAttribute("data-src");
    // A lazy view (the keyword-in-context tab) is handed a loader: its data is fetched when first needed.
    var data = container.hasAttribute("data-lazy") ? function () { return fetchJson(src); } : fetchJson(src);
    return needs.then(function () {
      return Promise.all([loadScript("assets/javascripts/views/" + name + ".js"), data]);
    }).then(function (parts) {
      var drawing = performance.now();
      api.draw[name](container, parts[1]);
      container.setAttribute("data-draw-ms", String(Math.round(performance.now() - drawing)));
      container.setAttribute("data-load-ms", String(Math.round(performance.now() - began)));
      container.setAttribute("data-ready", "true");
    }).catch(function (err) {
      container.appendChild(el("p", "dossier-view__error", "تعذّر رسم هذا العرض: " + err.message));
      container.setAttribute("data-ready", "error");
      console.error("dossier views:", err);
    });
  }

  function startAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-dossier-view]"), start);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})();
