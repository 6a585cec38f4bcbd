/*
 * The dossier's search, in the browser: loading the prebuilt index, running a
 * query, highlighting, keyboard handling, and the search box in the header.
 * The search page (facets, full result list) is search-page.js, built on the
 * DossierSearch object defined here.
 *
 * The index is built by generator/search.py with lunr.py.  Its fields hold
 * terms already analysed by the project's Arabic analyser, so a query must
 * be analysed the same way: DossierAnalyzer.analyze(q), loaded with the very
 * analyzer.json the index was built with (docs/search/analyzer.json), and
 * each term looked up with usePipeline: false.  lunr's own tokenizer never
 * sees Arabic text.
 *
 * Plain script, no build step.  Needs vendor/lunr.min.js, arabic-analyzer.js
 * and search-index.js loaded first (mkdocs.yml extra_javascript).
 */
(function () {
  "use strict";

  var PIPELINE_NAME = "dossier-arabic";   // as in generator/search.py
  var DROPDOWN_SIZE = 8;

  // The site root, from the page's relative base URL: works from a sub-path,
  // under `mkdocs serve` and from any depth.
  var baseMeta = document.querySelector('meta[name="dossier-base"]');
  var root = new URL(((baseMeta && baseMeta.content) || ".").replace(/\/?$/, "/"), document.baseURI);

  var loading = null;
  var timings = {};

  // A portable site (dossier site --portable) is opened from disk: its pages end in .html and
  // the search data comes as scripts beside the JSON (a browser fetches nothing from file://).
  var portable = !!document.querySelector('meta[name="dossier-portable"]');

  function page(path) { return portable ? path.replace(/\/(?=$|\?)/, ".html").replace(/^(?=\?|$)/, "index.html") : path; }

  function fetchJson(path) {
    if (portable) return loadScript(path);
    return fetch(new URL(path, root)).then(function (response) {
      if (!response.ok) throw new Error(path + ": HTTP " + response.status);
      return response.json();
    });
  }

  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(path.replace(/\.json$/, ".js"), root).href;
      script.onload = function () { resolve((window.DossierSearchData || {})[path]); };
      script.onerror = function () { reject(new Error(path + ": not loaded")); };
      document.head.appendChild(script);
    });
  }

  /** Fetch and load the index once; resolves to the engine. */
  function load() {
    if (loading) return loading;
    timings.start = performance.now();
    loading = Promise.all([fetchJson("search/analyzer.json"), fetchJson("search/index.json"),
                           fetchJson("search/documents.json")]).then(function (parts) {
      timings.fetched = performance.now();
      var analyzer = DossierAnalyzer.load(parts[0]);
      // lunr.js refuses an index whose pipeline names an unknown function.
      // Queries bypass it; it is the same analyser all the same.
      var pipelineFn = function (token) {
        return analyzer.analyze(token.toString()).map(function (term) {
          return token.clone(function () { return term; });
        });
      };
      lunr.Pipeline.registerFunction(pipelineFn, PIPELINE_NAME);
      var engine = new Engine(DossierSearchIndex.load(lunr, parts[1]), parts[2], analyzer);
      timings.loaded = performance.now();
      return engine;
    });
    loading.catch(function (err) { loading = null; console.error("dossier search:", err); });
    return loading;
  }

  function Engine(index, data, analyzer) {
    this.index = index;
    this.documents = data.documents;
    this.facets = data.facets;
    this.analyzer = analyzer;
    this.snippetGroup = data.snippets || 0;   // documents per file of search/snippets/ (generator/search.py)
    this.snippetFiles = {};
  }

  /**
   * Fetch the snippet texts of the documents at these refs (each file once)
   * into their doc.text.  Always resolves: a file that fails to load means
   * results without a snippet, not no results.
   */
  Engine.prototype.withSnippets = function (refs) {
    var engine = this, docs = this.documents, size = this.snippetGroup;
    if (!size) return Promise.resolve();
    return Promise.all(refs.map(function (ref) {
      var group = Math.floor(ref / size);
      if (!engine.snippetFiles[group]) {
        engine.snippetFiles[group] = fetchJson("search/snippets/" + group + ".json").then(function (texts) {
          texts.forEach(function (text, i) { if (docs[group * size + i]) docs[group * size + i].text = text; });
        }, function (err) {
          delete engine.snippetFiles[group];
          console.error("dossier search:", err);
        });
      }
      return engine.snippetFiles[group];
    }));
  };

  /**
   * Search for the text a reader typed.  Returns {terms, results}; terms is
   * [] when the query holds nothing to search for (only stop words or
   * punctuation).  Every term is required; the last one also matches as a
   * prefix while it is being typed (typing: true), so results come as the
   * reader types, exact matches ranked above prefix ones.
   */
  Engine.prototype.search = function (text, options) {
    var terms = unique(this.analyzer.analyze(text || ""));
    if (!terms.length) return { terms: terms, prefix: null, results: [] };
    var typing = options && options.typing && !/\s$/.test(text);
    var docs = this.documents;
    var found = this.index.query(function (q) {
      terms.forEach(function (term, i) {
        var last = i === terms.length - 1;
        if (typing && last && term.length >= 3) {
          q.term(term, { usePipeline: false, presence: lunr.Query.presence.REQUIRED,
                         wildcard: lunr.Query.wildcard.TRAILING });
          q.term(term, { usePipeline: false, boost: 5 });
        } else {
          q.term(term, { usePipeline: false, presence: lunr.Query.presence.REQUIRED });
        }
      });
    });
    return {
      terms: terms,
      prefix: typing && terms[terms.length - 1].length >= 3 ? terms[terms.length - 1] : null,
      results: found.map(function (r) { return { ref: +r.ref, score: r.score, doc: docs[+r.ref] }; })
    };
  };

  /** For a search's {terms, prefix}: does this word of a title or snippet match? */
  Engine.prototype.matcher = function (found) {
    var wanted = new Set(found.terms), analyzer = this.analyzer, prefix = found.prefix;
    return function (word) {
      return analyzer.analyze(word).some(function (t) { return wanted.has(t) || (prefix && t.indexOf(prefix) === 0); });
    };
  };

  function unique(list) {
    return list.filter(function (x, i) { return list.indexOf(x) === i; });
  }

  // --- display helpers (shared with search-page.js) -----------------------

  // A word as the analyser sees one: letters, digits, combining marks,
  // tatweel and joiners (generator/arabic/text.py: _RAW_WORD).
  var WORD = /[\p{L}\p{N}\p{M}\u0640\u200c\u200d]+/gu;

  /** Append `text` to `el`, the words that `matches` wrapped in <mark>. */
  function highlight(el, text, matches) {
    var last = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (!matches(m[0])) continue;
      if (m.index > last) el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      el.appendChild(mark);
      last = m.index + m[0].length;
    }
    if (last < text.length) el.appendChild(document.createTextNode(text.slice(last)));
    return el;
  }

  /** About `size` characters of `text` around its first matching word. */
  function snippet(text, matches, size) {
    if (!text || text.length <= size) return text || "";
    var m, start = 0;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (matches(m[0])) { start = Math.max(0, m.index - Math.floor(size / 4)); break; }
    }
    if (start > 0) start = text.indexOf(" ", start) + 1;
    var end = Math.min(text.length, start + size);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 1);
    return (start > 0 ? "… " : "") + text.slice(start, end).replace(/\s*…$/, "") + (end < text.length ? " …" : "");
  }

  var KIND_LABELS = { actor: "فاعل", topic: "موضوع", outlet: "منفذ" };

  function href(doc) { return new URL(page(doc.url), root).href; }

  /** Fill `el` with the line under a result's title: kind of page, date, outlet. */
  function metaLine(el, engine, doc) {
    var parts = [];
    if (KIND_LABELS[doc.kind]) parts.push(document.createTextNode("صفحة " + KIND_LABELS[doc.kind]));
    if (doc.date) {
      var date = document.createElement("bdi");   // 2025-05-11 keeps its order inside Arabic
      date.dir = "ltr";
      date.textContent = doc.date;
      parts.push(date);
    }
    if (doc.outlet) parts.push(document.createTextNode(engine.facets.outlets[doc.outlet] || doc.outlet));
    parts.forEach(function (part, i) {
      if (i) el.appendChild(document.createTextNode(" · "));
      el.appendChild(part);
    });
    return el;
  }

  function searchPageUrl(query) {
    return new URL(page("search/") + "?q=" + encodeURIComponent(query), root).href;
  }

  /**
   * Arrow keys move through `items()` (links), Enter opens the selected one;
   * `onEnter` is called when nothing is selected.  Returns reset().
   */
  function listKeys(input, items, onEnter) {
    var active = -1;
    function select(i) {
      var list = items();
      list.forEach(function (a, j) {
        a.classList.toggle("dossier-search__active", j === i);
        a.setAttribute("aria-selected", j === i ? "true" : "false");
      });
      active = i;
      if (list[i]) {
        list[i].scrollIntoView({ block: "nearest" });
        input.setAttribute("aria-activedescendant", list[i].id || "");
      }
    }
    input.addEventListener("keydown", function (event) {
      var list = items();
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!list.length) return;
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        select(active < 0 ? (step > 0 ? 0 : list.length - 1) : (active + step + list.length) % list.length);
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (active >= 0 && list[active]) window.location.href = list[active].href;
        else if (onEnter) onEnter();
      }
    });
    return function reset() { active = -1; };
  }

  // --- keyboard: "/" or "s" focuses the search box, as in mkdocs-material --

  document.addEventListener("keydown", function (event) {
    if ((event.key !== "/" && event.key !== "s") || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.querySelector(".dossier-search-page__input") || document.querySelector(".dossier-header-search__input");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // --- the header box: a short dropdown while typing, Enter -> search page --

  function headerBox(form) {
    var input = form.querySelector("input");
    var panel = form.querySelector(".dossier-header-search__results");
    var reset = listKeys(input, function () {
      return Array.prototype.slice.call(panel.querySelectorAll("a"));
    }, function () {
      if (input.value.trim()) window.location.href = searchPageUrl(input.value.trim());
    });
    var pending = 0;

    function render(engine, query) {
      reset();
      panel.textContent = "";
      if (!query.trim()) { panel.hidden = true; return; }
      var found = engine.search(query, { typing: true });
      var matches = engine.matcher(found);
      var note = document.createElement("p");
      note.className = "dossier-search__status";
      if (!found.terms.length) note.textContent = "لا كلمات للبحث عنها: الكلمات الشائعة مثل «في» و«من» لا تُفهرس.";
      else if (!found.results.length) note.textContent = "لا نتائج لـ «" + query.trim() + "».";
      else note.textContent = "عدد النتائج: " + found.results.length;
      panel.appendChild(note);
      var list = document.createElement("ol");
      found.results.slice(0, DROPDOWN_SIZE).forEach(function (r, i) {
        var item = document.createElement("li"), a = document.createElement("a");
        a.href = href(r.doc);
        a.id = "dossier-header-result-" + i;
        a.setAttribute("role", "option");
        highlight(a.appendChild(document.createElement("strong")), r.doc.title, matches);
        var meta = a.appendChild(document.createElement("span"));
        meta.className = "dossier-search__meta";
        metaLine(meta, engine, r.doc);
        item.appendChild(a);
        list.appendChild(item);
      });
      panel.appendChild(list);
      if (found.results.length > DROPDOWN_SIZE) {
        var more = panel.appendChild(document.createElement("a"));
        more.className = "dossier-search__more";
        more.href = searchPageUrl(query.trim());
        more.textContent = "كل النتائج (" + found.results.length + ")";
      }
      panel.hidden = false;
    }

    // `input`, not `keyup`: typing Arabic through an input method fires no keyup.
    input.addEventListener("input", function () {
      var query = input.value, ticket = ++pending;
      load().then(function (engine) { if (ticket === pending) render(engine, query); });
    });
    input.addEventListener("focus", function () { load(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { panel.hidden = true; input.blur(); }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) panel.hidden = true;
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (input.value.trim()) window.location.href = searchPageUrl(input.value.trim());
    });
  }

  window.DossierSearch = {
    root: root, load: load, timings: timings, highlight: highlight, snippet: snippet,
    href: href, metaLine: metaLine, listKeys: listKeys, searchPageUrl: searchPageUrl
  };

  var form = document.querySelector(".dossier-header-search");
  if (form) headerBox(form);
})();
