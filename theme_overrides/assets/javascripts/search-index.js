/*
 * The compact search index (docs/search/index.json, format "dossier-tf-1")
 * turned back into a lunr.js 2.3.9 index.
 *
 * generator/search.py builds the index with lunr.py and ships only what
 * lunr's weights are computed from: for each term and field, the documents
 * that hold it and how often (ref gaps and term frequencies, in ref order).
 * lunr's own serialisation adds an empty object per missing field to every
 * term and a vector of weights per document and field, four times the bytes.
 * Here the inverted index and the field vectors are rebuilt with the formula
 * of lunr.Builder.prototype.createFieldVectors (BM25 with lunr's k1, b and
 * field boosts, rounded to 1/1000 as lunr does), so scores are those of the
 * index lunr.py built (tests/test_search.py compares them query by query).
 *
 * Plain script: window.DossierSearchIndex, and module.exports under Node.
 */
(function (root) {
  "use strict";

  function load(lunr, data) {
    if (data.format !== "dossier-tf-1") throw new Error("search index: unknown format " + data.format);
    var fields = data.fields, nFields = fields.length, N = data.documentCount;
    var k1 = data.k1, b = data.b, rows = data.terms;
    // lunr.TokenSet.fromArray needs the terms in JavaScript's string order.
    rows.sort(function (x, y) { return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0; });

    // Field lengths (terms per document and field) and their averages.
    var lengths = fields.map(function () { return new Float64Array(N); });
    var average = new Float64Array(nFields);
    var f, i, row, list, ref, tf;
    for (i = 0; i < rows.length; i++) {
      row = rows[i];
      for (f = 0; f < nFields; f++) {
        list = row[f + 1];
        for (var j = 0, r = 0; j < list.length; j += 2) { r += list[j]; lengths[f][r] += list[j + 1]; }
      }
    }
    for (f = 0; f < nFields; f++) {
      var sum = 0;
      for (i = 0; i < N; i++) sum += lengths[f][i];
      average[f] = sum / N;
    }

    // Each document's field vector as a flat [termIndex, weight, ...]
    // array: terms are visited in index order, so every array is already
    // sorted, as lunr.Vector requires.
    var vectors = fields.map(function () { return new Array(N); });
    var terms = new Array(rows.length), position = new Map();
    for (i = 0; i < rows.length; i++) {
      row = rows[i];
      terms[i] = row[0];
      position.set(row[0], i);
      var withTerm = 0;
      for (f = 0; f < nFields; f++) withTerm += row[f + 1].length / 2;
      // lunr.idf: documents are counted once per field that holds the term.
      var idf = Math.log(1 + Math.abs((N - withTerm + 0.5) / (withTerm + 0.5)));
      for (f = 0; f < nFields; f++) {
        list = row[f + 1];
        for (var k = 0, at = 0; k < list.length; k += 2) {
          at += list[k];
          tf = list[k + 1];
          var score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (lengths[f][at] / average[f])) + tf) * data.boosts[f];
          (vectors[f][at] || (vectors[f][at] = [])).push(i, Math.round(score * 1000) / 1000);
        }
      }
    }

    // lunr's inverted index, {term: {_index, field: {ref: metadata}}}, is
    // read only for the terms a query matches; built eagerly, its hundred
    // thousand small objects with numeric keys cost more than all the rest
    // of loading (measured: 170 of 220 ms at 1,000 articles).  So each
    // posting is made on first use.
    var NO_METADATA = Object.freeze({});   // lunr copies metadata, never changes it
    var postings = Object.create(null);
    var invertedIndex = new Proxy(postings, {
      get: function (made, term) {
        if (typeof term !== "string" || !position.has(term)) return made[term];
        if (!made[term]) {
          var at = position.get(term), posting = { _index: at };
          for (var f = 0; f < nFields; f++) {
            var refs = posting[fields[f]] = {}, list = rows[at][f + 1];
            for (var k = 0, ref = 0; k < list.length; k += 2) { ref += list[k]; refs[ref] = NO_METADATA; }
          }
          made[term] = posting;
        }
        return made[term];
      }
    });

    var fieldVectors = Object.create(null);
    for (f = 0; f < nFields; f++) {
      for (ref = 0; ref < N; ref++) {
        fieldVectors[fields[f] + "/" + ref] = new lunr.Vector(vectors[f][ref] || []);
      }
    }
    return new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(terms),
      fields: fields,
      pipeline: lunr.Pipeline.load(data.pipeline)
    });
  }

  var api = { load: load };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof window !== "undefined") window.DossierSearchIndex = api;
  else if (root) root.DossierSearchIndex = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
