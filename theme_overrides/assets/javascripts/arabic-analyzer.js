/*
 * The dossier's Arabic search analyser, in the browser.
 *
 * A line-by-line port of generator/arabic/ (normalize, tokenize, stem,
 * analyze).  The index is built in Python and the query is analysed here:
 * if the two disagree on one word, that word is never found.  They are kept
 * in step by tests/data/analyzer_vectors.json, run against both (pytest and
 * `node --test tests/js/`).  Change one, change the other, run both.
 *
 * The tables (clitics, suffixes, stop words, names) are not in this file:
 * they come from generator/data/analyzer.json, passed to load(config) by
 * the search code (in the browser) or by the tests (in Node).
 *
 * Plain script, no build step: sets window.DossierAnalyzer, and
 * module.exports under Node.
 */
(function (root) {
  "use strict";

  // --- normalisation (generator/arabic/text.py: normalize) -------------------

  // The letter class, the marks and invisible controls removed before matching,
  // the letter and digit maps: not written here but read from analyzer.json's
  // "text" section (exported from generator/arabic/text.py: text_tables) by
  // setTables(), so that Python and the browser cannot define them apart.
  var UNSEEN, LETTER_MAP, LETTER_CLASS, TOKEN, ARABIC_RUN, SCRIPT_RUN;

  function setTables(text) {
    if (!text || !text.letters || !text.unseen || !text.letter_map || !text.digits) {
      throw new Error("DossierAnalyzer: analyzer.json has no \"text\" tables (letters, unseen, letter_map, digits)");
    }
    var letters = text.letters;
    UNSEEN = new RegExp("[" + text.unseen + "]", "g");
    LETTER_MAP = {};
    Object.keys(text.letter_map).forEach(function (c) { LETTER_MAP[c] = text.letter_map[c]; });
    for (var i = 0; i < text.digits.from.length; i++) LETTER_MAP[text.digits.from[i]] = text.digits.to[i];
    LETTER_CLASS = new RegExp("[" + Object.keys(LETTER_MAP).join("") + "]", "g");
    TOKEN = new RegExp("[" + text.token_extra + letters + "]+", "g");
    ARABIC_RUN = new RegExp("^[" + letters + "]+$");
    // Inside one token: a run of Arabic letters, or a run of anything else.
    SCRIPT_RUN = new RegExp("[" + letters + "]+|[^" + letters + "]+", "g");
  }

  // Characters that Python 3.11's unicodedata (Unicode 14) does not know,
  // but this engine's Unicode (17 in Node 20) folds or lower-cases: Python
  // leaves them as they are, so must we, or a query could hold a word the
  // index never saw (U+A7F1 would become "s", U+1CCD6.. outlined letters
  // would become Latin letters).  Found by comparing every code point in
  // both (tests/test_arabic_js.py does it on every run): when Node's or
  // Python's Unicode moves, that test names the new code points to list.
  var PYTHON_UNASSIGNED = /([\u1c89\ua7cb\ua7cc\ua7ce\ua7d2\ua7d4\ua7da\ua7dc\ua7f1\u{10d50}-\u{10d65}\u{16ea0}-\u{16eb8}\u{1ccd6}-\u{1ccf9}\u{1e030}-\u{1e06d}])/u;

  function normalizePiece(text) {
    text = text.normalize("NFKC");
    text = text.replace(UNSEEN, "");
    text = text.replace(LETTER_CLASS, function (c) { return LETTER_MAP[c]; });
    return text.toLowerCase();
  }

  /** The matching form of a text (generator/arabic/text.py: normalize). */
  function normalize(text) {
    if (!UNSEEN) throw new Error("DossierAnalyzer: call load(config) with analyzer.json first");
    // split() with a capturing group: odd pieces are the protected characters.
    return String(text).split(PYTHON_UNASSIGNED).map(function (piece, i) {
      return i % 2 ? piece : normalizePiece(piece);
    }).join("");
  }

  // --- tokens (generator/arabic/text.py: tokenize) ---------------------------

  // TOKEN, ARABIC_RUN and SCRIPT_RUN come from analyzer.json (setTables); the
  // Latin range leaves out U+00F7 (÷), which is not a letter.

  function tokenize(text) {
    return normalize(text).match(TOKEN) || [];
  }

  // --- stemming (generator/arabic/stemmer.py: Analyzer) -------------------------

  var ARTICLE = "\u0627\u0644";   // ال
  var LAM = "\u0644";             // ل
  var TA = "\u062a";              // ت
  var TA_MARBUTA = "\u0647";      // ة after normalisation
  var PLURAL_AT = "\u0627\u062a"; // ات

  function startsWith(s, p) { return s.slice(0, p.length) === p; }
  function endsWith(s, p) { return p.length <= s.length && s.slice(s.length - p.length) === p; }

  // Normalised, longest first (equal lengths never both match one word).
  function longestFirst(forms) {
    var seen = Object.create(null), out = [];
    forms.forEach(function (f) {
      f = normalize(f);
      if (!seen[f]) { seen[f] = true; out.push(f); }
    });
    return out.sort(function (a, b) { return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0); });
  }

  function setOf(forms) {
    var set = Object.create(null);
    forms.forEach(function (f) { set[normalize(f)] = true; });
    return set;
  }

  function Analyzer(config) {
    setTables(config.text);
    this.config = config;
    this.cache = new Map();
    this.minStem = config.min_stem;
    // Article groups (ال، وال، بال، لل ...): stripped from any word.
    this.proclitics = longestFirst(config.proclitics);
    // و ف ب ل ك and pairs: only in front of a known word or a lexicon
    // stem.  Shortest first: وكبار is و + كبار, not وك + بار.
    this.clitics = longestFirst(config.clitics).reverse();
    this.suffixSlots = config.suffixes.map(function (slot) {
      var forms = Object.keys(slot.forms).map(function (f) { return [normalize(f), slot.forms[f]]; });
      // Stable sort, like Python's sorted(): equal lengths keep their order.
      forms.sort(function (a, b) { return b[0].length - a[0].length; });
      return { forms: forms, restoreTa: !!slot.restore_ta_marbuta };
    });
    this.stopwords = setOf(config.stopwords);
    this.stopwordClitics = setOf(config.stopword_clitics);
    this.lexicon = setOf(config.lexicon);
    // Known words -> their term (Map: no prototype keys to trip over).
    this.known = new Map();
    this.aliases = new Map();
    var self = this;
    config.protected.concat(config.keep).forEach(function (w) { self.addKnown(w); });
    Object.keys(config.aliases).forEach(function (alias) {
      self.addKnown(alias, config.aliases[alias]);
      var form = normalize(alias);
      self.aliases.set(form, self.known.has(form) ? self.known.get(form) : normalize(config.aliases[alias]));
    });
  }

  Analyzer.prototype.addKnown = function (word, term) {
    var form = normalize(word);
    if (!ARABIC_RUN.test(form)) return; // one Arabic word only
    if (!this.known.has(form)) this.known.set(form, term ? normalize(term) : form);
    this.cache.clear();
  };

  Analyzer.prototype.stripSuffixes = function (word) {
    for (var i = 0; i < this.suffixSlots.length; i++) {
      var slot = this.suffixSlots[i];
      for (var j = 0; j < slot.forms.length; j++) {
        var suffix = slot.forms[j][0], minStem = slot.forms[j][1];
        if (endsWith(word, suffix) && word.length - suffix.length >= minStem) {
          word = word.slice(0, word.length - suffix.length);
          // حكومتها -> حكومت -> حكومه; not وقتها, not قواتها
          if (slot.restoreTa && endsWith(word, TA) && !endsWith(word, PLURAL_AT) && word.length > this.minStem) {
            word = word.slice(0, -1) + TA_MARBUTA;
          }
          break;
        }
      }
    }
    return word;
  };

  // Names as written; aliases (demonyms, spellings) also under suffixes.
  Analyzer.prototype.knownTerm = function (word) {
    if (this.known.has(word)) return this.known.get(word);
    var stem = this.stripSuffixes(word);
    return this.aliases.has(stem) ? this.aliases.get(stem) : null;
  };

  Analyzer.prototype.afterArticle = function (clitic, word) {
    // للجنة = ل + اللجنة: give back the merged ل when the lexicon knows it.
    if (endsWith(clitic, LAM + LAM) && this.lexicon[this.stripSuffixes(LAM + word)]) word = LAM + word;
    // الالتزام: once more a bare ال
    if (startsWith(word, ARTICLE) && word.length - ARTICLE.length >= this.minStem) word = word.slice(ARTICLE.length);
    return this.stripSuffixes(word);
  };

  Analyzer.prototype.stem = function (token) {
    var stem = this.cache.get(token);
    if (stem === undefined) {
      stem = this.stemUncached(token);
      this.cache.set(token, stem);
    }
    return stem;
  };

  Analyzer.prototype.stemUncached = function (token) {
    if (!ARABIC_RUN.test(token)) return token;
    var term = this.knownTerm(token), i, clitic, rest;
    // 1. A known word, bare or behind any clitic group.
    if (term) return term;
    for (i = 0; i < this.proclitics.length; i++) {
      clitic = this.proclitics[i];
      if (startsWith(token, clitic) && token.length > clitic.length) {
        rest = token.slice(clitic.length);
        term = this.knownTerm(ARTICLE + rest) || this.knownTerm(rest);
        if (term) return term;
      }
    }
    for (i = 0; i < this.clitics.length; i++) {
      clitic = this.clitics[i];
      if (startsWith(token, clitic) && token.length > clitic.length) {
        term = this.knownTerm(token.slice(clitic.length));
        if (term) return term;
      }
    }
    // 2. One article group, never below the floor.
    for (i = 0; i < this.proclitics.length; i++) {
      clitic = this.proclitics[i];
      if (startsWith(token, clitic) && token.length - clitic.length >= this.minStem) {
        return this.afterArticle(clitic, token.slice(clitic.length));
      }
    }
    // 3. A one-letter clitic (or pair) only in front of a lexicon stem, and
    // only if the whole token is not one itself.
    var stem = this.stripSuffixes(token);
    if (this.lexicon[stem]) return stem;
    for (i = 0; i < this.clitics.length; i++) {
      clitic = this.clitics[i];
      if (startsWith(token, clitic) && token.length - clitic.length >= this.minStem) {
        rest = this.stripSuffixes(token.slice(clitic.length));
        if (this.lexicon[rest]) return rest;
      }
    }
    return stem;
  };

  // A stop word, also behind the conjunction و or ف; never a known word.
  Analyzer.prototype.isStopword = function (token) {
    if (this.stopwords[token]) return true;
    return token.length > 2 && !!this.stopwordClitics[token.charAt(0)] && !!this.stopwords[token.slice(1)] &&
      !this.known.has(token);
  };

  Analyzer.prototype.terms = function (token) {
    var out = [], runs = token.match(SCRIPT_RUN) || [];
    for (var i = 0; i < runs.length; i++) {
      var word = runs[i], arabic = ARABIC_RUN.test(word);
      if (arabic && word.length < 2) continue; // a lone letter: لـ المنصة
      if (this.isStopword(word)) continue;
      out.push(arabic ? this.stem(word) : word);
    }
    return out;
  };

  Analyzer.prototype.analyze = function (text) {
    var tokens = tokenize(text), out = [];
    for (var i = 0; i < tokens.length; i++) {
      Array.prototype.push.apply(out, this.terms(tokens[i]));
    }
    return out;
  };

  // --- module surface ----------------------------------------------------

  var current = null;

  function analyzer() {
    if (!current) throw new Error("DossierAnalyzer: call load(config) with analyzer.json first");
    return current;
  }

  var api = {
    Analyzer: Analyzer,
    normalize: normalize,
    tokenize: tokenize,
    /** Set the tables (the parsed analyzer.json); returns the analyser. */
    load: function (config) { current = new Analyzer(config); return current; },
    stem: function (token) { return analyzer().stem(token); },
    analyze: function (text) { return analyzer().analyze(text); },
    isStopword: function (token) { return analyzer().isStopword(token); }
  };

  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof window !== "undefined") window.DossierAnalyzer = api;
  else if (root) root.DossierAnalyzer = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
