/*
 * Keyword in context, the search page's second tab: every sentence that holds the query, the
 * matched word in a middle column, what precedes it on its right and what follows on its left,
 * with the article's date and outlet.  Words are matched with the search's own analyser
 * (search/analyzer.json through arabic-analyzer.js), so "لحماس" and "حماس" meet as they do in
 * the search.  A sentence matches when it holds every term of the query.
 *
 * The sentences come in shards, newest articles first (search/kwic/index.json lists them): shards
 * are read one after another until a page of rows is found; "more" reads on.  Analysing every word
 * of every sentence is the slow part (about 20 µs a new word), so a sentence is analysed only when
 * its normalised text holds a form the query's terms can come from: the term itself, with ل for
 * ال ("للقدس"), or a word the analyser's alias table turns into it ("الأمريكية" -> امريكا).
 *
 * Kept apart from the search page's own scripts: it only adds a tab bar before
 * #dossier-search-page and reads the query from the address (?q=) or from its own box.
 */
(function () {
  "use strict";
  var V = window.DossierViews;
  var SHOWN = 500;
  var STEP_SHARDS = 10;    // shards read before showing what was found: 1,000 articles, a few hundred ms
  var CONTEXT = 70;        // characters of context on each side
  // A run of letters, digits and the marks inside Arabic words (diacritics, tatweel).
  var WORD = /[0-9A-Za-z\u00c0-\u024f\u0621-\u065f\u0660-\u0669\u0670-\u06d3\u06f0-\u06f9\u0640]+/g;

  V.draw.kwic = function (container, load) {
    var results = document.getElementById("dossier-search-page");
    var tabs = V.el("div", "dossier-kwic__tabs");
    tabs.setAttribute("role", "tablist");
    (results || container).parentNode.insertBefore(tabs, results || container);
    var tabResults = tabs.appendChild(V.el("button", "dossier-kwic__tab", "النتائج"));
    var tabKwic = tabs.appendChild(V.el("button", "dossier-kwic__tab", "الكلمة في سياقها"));
    [tabResults, tabKwic].forEach(function (b) { b.type = "button"; b.setAttribute("role", "tab"); });

    var form = container.appendChild(V.el("form"));
    form.setAttribute("role", "search");
    var input = form.appendChild(V.el("input", "dossier-kwic__input"));
    input.type = "search";
    input.dir = "rtl";
    input.placeholder = "كلمة أو عبارة";
    input.setAttribute("aria-label", "الكلمة في سياقها");
    var status = container.appendChild(V.el("p", "dossier-search__status"));
    var table = container.appendChild(V.el("div", "dossier-kwic__table"));

    var more = container.appendChild(V.el("button", "dossier-kwic__more", "المزيد"));
    more.type = "button";
    more.hidden = true;

    var index = null, analyzer = null, shards = [], cache = new Map(), run_id = 0;
    var state = { query: "", rows: [], next: 0, read: 0, limit: SHOWN, wanted: null, sources: null };

    function ready() {
      if (!index) {
        index = Promise.all([load(), V.fetchJson("search/analyzer.json")]).then(function (parts) {
          // An analyser of its own: the search's (DossierAnalyzer.load) stays untouched.
          analyzer = new DossierAnalyzer.Analyzer(parts[1]);
          analyzer.aliasTable = parts[1].aliases || {};
          return parts[0];
        });
      }
      return index;
    }

    function shard(i, list) {
      if (!shards[i]) shards[i] = V.fetchJson(list[i]);
      return shards[i];
    }

    function termsOf(word) {
      if (!cache.has(word)) cache.set(word, analyzer.analyze(word));
      return cache.get(word);
    }

    // The normalised forms that can carry each term (see the note at the top).
    function sourcesOf(terms) {
      return terms.map(function (term) {
        var forms = [term];
        Object.keys(analyzer.aliasTable).forEach(function (k) { if (analyzer.aliasTable[k] === term) forms.push(k); });
        forms.slice().forEach(function (f) { if (f.indexOf("ال") === 0) forms.push("ل" + f.slice(1)); });
        return forms;
      });
    }

    // Where the sentence holds every query term: the first word carrying one, else null.
    function match(sentence, wanted, sources) {
      var plain = DossierAnalyzer.normalize(sentence);
      for (var s = 0; s < sources.length; s++) {
        if (!sources[s].some(function (f) { return plain.indexOf(f) >= 0; })) return null;
      }
      var found = new Set(), first = null, m;
      WORD.lastIndex = 0;
      while ((m = WORD.exec(sentence))) {
        var terms = termsOf(m[0]);
        for (var i = 0; i < terms.length; i++) {
          if (wanted.has(terms[i])) {
            found.add(terms[i]);
            if (!first) first = { start: m.index, end: m.index + m[0].length };
          }
        }
      }
      return found.size === wanted.size ? first : null;
    }

    function cut(text, fromEnd) {
      if (text.length <= CONTEXT) return text;
      return fromEnd ? "… " + text.slice(text.length - CONTEXT) : text.slice(0, CONTEXT) + " …";
    }

    function row(body, r) {
      var tr = body.appendChild(V.el("tr", "dossier-kwic__row"));
      var before = tr.appendChild(V.el("td", "dossier-kwic__before"));
      before.appendChild(V.el("span", null, cut(r.text.slice(0, r.at.start), true))).dir = "rtl";
      var mid = tr.appendChild(V.el("td", "dossier-kwic__match"));
      var a = mid.appendChild(V.el("a", null, r.text.slice(r.at.start, r.at.end)));
      a.href = V.href(r.article.url) + "#:~:text=" + encodeURIComponent(r.text.split(" ").slice(0, 8).join(" "));
      a.title = r.article.title;
      tr.appendChild(V.el("td", "dossier-kwic__after", cut(r.text.slice(r.at.end), false)));
      var source = tr.appendChild(V.el("td", "dossier-kwic__source"));
      source.appendChild(V.el("bdi", null, r.article.date || "بلا تاريخ")).dir = r.article.date ? "ltr" : "rtl";
      source.appendChild(V.el("span", null, " · " + r.article.outlet));
    }

    function show(list) {
      var done = state.next >= list.shards.length;
      table.textContent = "";
      var tbl = table.appendChild(V.el("table", "dossier-kwic__grid"));   // a class: material's table look (and its cell alignment) stays off
      var body = tbl.appendChild(V.el("tbody"));
      state.rows.slice(0, state.limit).forEach(function (r) { row(body, r); });
      if (!state.rows.length && done) status.textContent = "لا جملة تحمل هذا الاستعلام.";
      else if (done && state.rows.length <= state.limit) status.textContent = state.rows.length + " جملة";
      else if (state.rows.length <= state.limit) status.textContent = state.rows.length + " جملة في أحدث " + state.read + " مقالة من " + list.articles + "؛ «المزيد» يبحث في ما بعدها";
      else status.textContent = "أول " + Math.min(state.rows.length, state.limit) + " جملة، في أحدث " + state.read + " مقالة من " + list.articles;
      more.hidden = done && state.rows.length <= state.limit;
      container.setAttribute("data-count", String(state.rows.length));
      container.setAttribute("data-complete", String(done));
    }

    // Read shards until there are more rows than the limit, STEP_SHARDS were read, or none is left.
    function search(list, id, wanted, sources, began, step) {
      if (id !== run_id) return;
      step = step || 0;
      if (state.rows.length > state.limit || state.next >= list.shards.length || step >= STEP_SHARDS) {
        container.setAttribute("data-search-ms", String(Math.round(performance.now() - began)));
        show(list);
        return;
      }
      shard(state.next, list.shards).then(function (part) {
        if (id !== run_id) return;
        part.sentences.forEach(function (pair) {
          var at = match(pair[1], wanted, sources);
          if (at) state.rows.push({ article: part.articles[pair[0]], text: pair[1], at: at });
        });
        state.next++;
        state.read = (state.read || 0) + part.articles.length;
        search(list, id, wanted, sources, began, step + 1);
      });
    }

    function run() {
      var query = input.value.trim();
      var id = ++run_id;
      table.textContent = "";
      more.hidden = true;
      container.setAttribute("data-query", query);
      container.removeAttribute("data-search-ms");
      if (!query) { status.textContent = "اكتب كلمة لترى كل جملة ترد فيها."; container.setAttribute("data-count", "0"); return; }
      status.textContent = "…";
      ready().then(function (list) {
        if (id !== run_id) return;
        var began = performance.now();
        var terms = Array.from(new Set(analyzer.analyze(query)));
        if (!terms.length) { status.textContent = "لا كلمة بحث في الاستعلام (كلمات شائعة فقط)."; container.setAttribute("data-count", "0"); return; }
        state = { query: query, rows: [], next: 0, read: 0, limit: SHOWN, wanted: new Set(terms), sources: sourcesOf(terms) };
        search(list, id, state.wanted, state.sources, began);
      });
    }

    more.addEventListener("click", function () {
      ready().then(function (list) {
        if (state.rows.length > state.limit) state.limit += SHOWN;
        search(list, run_id, state.wanted, state.sources, performance.now());
      });
    });

    function select(kwic) {
      tabResults.setAttribute("aria-selected", String(!kwic));
      tabKwic.setAttribute("aria-selected", String(kwic));
      if (results) results.hidden = kwic;
      container.hidden = !kwic;
      if (kwic) {
        var theirs = results && results.querySelector("input[type=search]");
        var query = (theirs && theirs.value) || new URLSearchParams(window.location.search).get("q") || "";
        if (query && query !== input.value) input.value = query;
        history.replaceState(null, "", window.location.pathname + window.location.search + "#kwic");
        run();
      } else {
        history.replaceState(null, "", window.location.pathname + window.location.search);
      }
    }

    tabResults.addEventListener("click", function () { select(false); });
    tabKwic.addEventListener("click", function () { select(true); });
    input.addEventListener("input", run);
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    select(window.location.hash === "#kwic");
  };
})();
