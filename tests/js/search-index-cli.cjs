// Helper for tests/test_search.py (not a test file itself): loads a compact
// index (generator/search.py) with search-index.js and the vendored lunr.js,
// and answers queries as the browser does.
//
//   node search-index-cli.cjs INDEX ANALYZER   stdin: JSON list of queries
//   stdout: JSON list of [[ref, score], ...] per query, best first
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const js = (name) => require(path.join(root, "theme_overrides/assets/javascripts", name));
const lunr = js("vendor/lunr.min.js");
const Analyzer = js("arabic-analyzer.js");
const SearchIndex = js("search-index.js");

const analyzer = Analyzer.load(JSON.parse(fs.readFileSync(process.argv[3], "utf8")));
lunr.Pipeline.registerFunction((token) => analyzer.analyze(token.toString()).map((t) => token.clone(() => t)),
                               "dossier-arabic");
const index = SearchIndex.load(lunr, JSON.parse(fs.readFileSync(process.argv[2], "utf8")));
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(queries.map((query) => {
  const terms = [...new Set(analyzer.analyze(query))];
  if (!terms.length) return [];
  return index.query((q) => terms.forEach((t) => q.term(t, { usePipeline: false, presence: lunr.Query.presence.REQUIRED })))
    .map((r) => [r.ref, r.score]);
})));
