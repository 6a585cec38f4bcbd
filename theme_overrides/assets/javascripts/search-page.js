/*
 * The search page (docs/search.md holds <div id="dossier-search-page">):
 * query box, facets (topic, actor, outlet, year) and the ranked results.
 *
 * The query and the chosen facets live in the address (?q=...&topic=...),
 * so a search can be linked and shared, and the page runs it on load.
 * Facets: values of one facet are alternatives (OR), facets combine with
 * each other and with the query (AND), and each facet's counts are taken
 * over the results of the query and the *other* facets, so that choosing
 * a value never hides its own alternatives.
 *
 * Plain script; needs search.js (window.DossierSearch).
 */
(function () {
  "use strict";

  var container = document.getElementById("dossier-search-page");
  if (!container || !window.DossierSearch) return;
  var S = window.DossierSearch;
  var PAGE_SIZE = 50;
  var FACET_SHOWN = 12;
  var FACETS = [
    { key: "topics", param: "topic", legend: "الموضوع", values: function (d) { return d.topics || []; } },
    { key: "actors", param: "actor", legend: "الفاعل", values: function (d) { return d.actors || []; } },
    { key: "outlets", param: "outlet", legend: "المنفذ", values: function (d) { return d.outlet ? [d.outlet] : []; } },
    { key: "years", param: "year", legend: "السنة", values: function (d) { return d.year ? [d.year] : []; } }
  ];

  // --- state, read from and written to the address ----------------------

  var params = new URLSearchParams(window.location.search);
  var state = { query: params.get("q") || "", selected: {}, limit: PAGE_SIZE, typing: false };
  FACETS.forEach(function (f) { state.selected[f.key] = new Set(params.getAll(f.param)); });

  function writeAddress() {
    var p = new URLSearchParams();
    if (state.query.trim()) p.set("q", state.query.trim());
    FACETS.forEach(function (f) {
      Array.from(state.selected[f.key]).sort().forEach(function (v) { p.append(f.param, v); });
    });
    var search = p.toString();
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  }

  // --- the page's skeleton ---------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var form = container.appendChild(el("form", "dossier-search-page__form"));
  form.setAttribute("role", "search");
  var input = form.appendChild(el("input", "dossier-search-page__input"));
  input.type = "search";
  input.name = "q";
  input.dir = "rtl";
  input.autocomplete = "off";
  input.placeholder = "ابحث في مقالات الملف (مثال: حماس، غزة، Witkoff)";
  input.setAttribute("aria-label", "ابحث في مقالات الملف");
  input.setAttribute("aria-controls", "dossier-search-results");
  input.value = state.query;
  var status = container.appendChild(el("p", "dossier-search__status", "جارٍ تحميل فهرس البحث…"));
  status.setAttribute("aria-live", "polite");
  var body = container.appendChild(el("div", "dossier-search-page__body"));
  // On a phone the facets fold into one line above the results, so that the results come first.
  var facetsPanel = body.appendChild(el("details", "dossier-facets-panel"));
  facetsPanel.appendChild(el("summary", "dossier-facets-panel__summary", "تصفية النتائج"));
  facetsPanel.open = !window.matchMedia("(max-width: 44.9375em)").matches;
  var facetsBox = facetsPanel.appendChild(el("aside", "dossier-facets"));
  facetsBox.setAttribute("aria-label", "تصفية النتائج");
  var main = body.appendChild(el("div", "dossier-search-page__main"));
  var list = main.appendChild(el("ol", "dossier-results"));
  list.id = "dossier-search-results";
  list.setAttribute("role", "listbox");
  var more = main.appendChild(el("button", "md-button dossier-search__more-button", "عرض المزيد"));
  more.type = "button";
  more.hidden = true;

  var resetKeys = S.listKeys(input, function () {
    return Array.prototype.slice.call(list.querySelectorAll("a.dossier-result__link"));
  });

  // --- computing --------------------------------------------------------

  function passes(engine, doc, except) {
    return FACETS.every(function (f) {
      var chosen = state.selected[f.key];
      if (f === except || !chosen.size) return true;
      return f.values(doc).some(function (v) { return chosen.has(v); });
    });
  }

  function anySelected() {
    return FACETS.some(function (f) { return state.selected[f.key].size > 0; });
  }

  function newestFirst(a, b) {
    return (b.doc.date || "").localeCompare(a.doc.date || "") || a.ref - b.ref;
  }

  function run(engine) {
    var found, base;
    if (state.query.trim()) {
      found = engine.search(state.query, { typing: state.typing });
      base = found.results;
    } else {
      // No query: the facets browse the whole dossier, newest first.
      found = { terms: [], prefix: null, results: [] };
      base = engine.documents.map(function (doc, ref) { return { ref: ref, score: 0, doc: doc }; })
        .filter(function (r) { return r.doc.kind === "article"; }).sort(newestFirst);
    }
    var articles = base.filter(function (r) { return r.doc.kind === "article"; });
    var counts = {};
    FACETS.forEach(function (f) {
      var c = counts[f.key] = new Map();
      articles.forEach(function (r) {
        if (passes(engine, r.doc, f)) f.values(r.doc).forEach(function (v) { c.set(v, (c.get(v) || 0) + 1); });
      });
    });
    // Facets describe articles: once one is chosen, actor/topic pages drop out.
    var shown = anySelected() ? articles.filter(function (r) { return passes(engine, r.doc, null); }) : base;
    return { found: found, shown: shown, counts: counts };
  }

  // --- rendering --------------------------------------------------------

  // Snippet texts are fetched for the results shown (search/snippets/, a few
  // documents to a file): the first ones before the results are drawn, the
  // rest of the page as they arrive.  A newer render makes an older one moot.
  var FIRST_SNIPPETS = 10;
  var rendering = 0;

  function render(engine) {
    var ticket = ++rendering;
    var out = run(engine);
    var query = state.query.trim();
    var refs = out.shown.slice(0, state.limit).map(function (r) { return r.ref; });
    return engine.withSnippets(refs.slice(0, FIRST_SNIPPETS)).then(function () {
      if (ticket !== rendering) return;
      renderStatus(out, query);
      renderFacets(engine, out.counts);
      renderResults(engine, out);
      engine.withSnippets(refs).then(function () {
        if (ticket === rendering) fillSnippets(engine, out);
      });
    });
  }

  function renderStatus(out, query) {
    if (query && !out.found.terms.length) {
      status.textContent = "لا كلمات للبحث عنها في «" + query + "»: الكلمات الشائعة مثل «في» و«من» و«على» لا تُفهرس.";
    } else if (!query && !anySelected()) {
      status.textContent = "اكتب كلمة للبحث، أو اختر موضوعًا أو فاعلًا أو منفذًا أو سنة.";
    } else if (!out.shown.length) {
      status.textContent = "لا نتائج" + (query ? " لـ «" + query + "»" : "") + (anySelected() ? " مع التصفية المختارة." : ".");
    } else {
      status.textContent = "عدد النتائج" + (query ? " لـ «" + query + "»" : "") + ": " + out.shown.length;
    }
    status.classList.toggle("dossier-search__status--empty", !!(query || anySelected()) && !out.shown.length);
  }

  function renderFacets(engine, counts) {
    facetsBox.textContent = "";
    FACETS.forEach(function (f) {
      var chosen = state.selected[f.key], c = counts[f.key];
      var values = Array.from(new Set(Array.from(c.keys()).concat(Array.from(chosen))));
      if (!values.length) return;
      values.sort(f.key === "years" ? function (a, b) { return b.localeCompare(a); } : function (a, b) {
        return (c.get(b) || 0) - (c.get(a) || 0) || label(engine, f, a).localeCompare(label(engine, f, b), "ar");
      });
      var box = facetsBox.appendChild(el("fieldset", "dossier-facet"));
      box.dataset.facet = f.param;
      box.appendChild(el("legend", null, f.legend));
      var ul = box.appendChild(el("ul"));
      values.forEach(function (v, i) {
        var li = ul.appendChild(el("li"));
        if (i >= FACET_SHOWN && !chosen.has(v) && !box.dataset.open) li.hidden = true;
        var lab = li.appendChild(el("label"));
        var cb = lab.appendChild(el("input"));
        cb.type = "checkbox";
        cb.value = v;
        cb.checked = chosen.has(v);
        cb.addEventListener("change", function () {
          if (cb.checked) chosen.add(v); else chosen.delete(v);
          state.limit = PAGE_SIZE;
          writeAddress();
          render(engine);
        });
        lab.appendChild(el("span", "dossier-facet__label", label(engine, f, v)));
        lab.appendChild(el("span", "dossier-facet__count", String(c.get(v) || 0)));
      });
      if (values.length > FACET_SHOWN) {
        var toggle = box.appendChild(el("button", "dossier-facet__all", "عرض الكل (" + values.length + ")"));
        toggle.type = "button";
        toggle.addEventListener("click", function () {
          Array.prototype.forEach.call(ul.children, function (li) { li.hidden = false; });
          toggle.remove();
        });
      }
    });
  }

  function label(engine, facet, value) {
    return facet.key === "years" ? value : (engine.facets[facet.key][value] || value);
  }

  function renderResults(engine, out) {
    resetKeys();
    list.textContent = "";
    var matches = engine.matcher(out.found);
    out.shown.slice(0, state.limit).forEach(function (r, i) {
      var li = list.appendChild(el("li", "dossier-result dossier-result--" + r.doc.kind));
      var a = li.appendChild(el("a", "dossier-result__link"));
      a.href = S.href(r.doc);
      a.id = "dossier-result-" + i;
      a.setAttribute("role", "option");
      S.highlight(a.appendChild(el("span", "dossier-result__title")), r.doc.title, matches);
      S.metaLine(li.appendChild(el("div", "dossier-search__meta")), engine, r.doc);
      addSnippet(li, r.doc, matches);
      r.item = li;
    });
    more.hidden = out.shown.length <= state.limit;
  }

  function addSnippet(li, doc, matches) {
    if (doc.text && !li.querySelector(".dossier-result__snippet")) {
      S.highlight(li.appendChild(el("p", "dossier-result__snippet")), S.snippet(doc.text, matches, 240), matches);
    }
  }

  function fillSnippets(engine, out) {
    var matches = engine.matcher(out.found);
    out.shown.slice(0, state.limit).forEach(function (r) { if (r.item) addSnippet(r.item, r.doc, matches); });
  }

  // --- wiring -----------------------------------------------------------

  S.load().then(function (engine) {
    S.timings.firstRender = performance.now();
    render(engine).then(function () { S.timings.firstResult = performance.now(); });
    // `input`, not `keyup`: typing Arabic through an input method fires no keyup.
    input.addEventListener("input", function () {
      state.query = input.value;
      state.typing = true;
      state.limit = PAGE_SIZE;
      writeAddress();
      render(engine);
    });
    more.addEventListener("click", function () {
      state.limit += PAGE_SIZE;
      render(engine);
    });
  }, function () {
    status.textContent = "تعذّر تحميل فهرس البحث.";
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  if (!state.query) input.focus();
})();
