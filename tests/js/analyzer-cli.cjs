// Helper for tests/test_arabic_js.py (not a test file itself): runs the
// browser analyser in Node on input from Python, so that Python can compare.
//
//   node analyzer-cli.cjs analyze       stdin: JSON list of texts -> stdout: JSON list of token lists
//   node analyzer-cli.cjs normalize-all stdout: {code point: normalize(char)} where that differs from char
//   node analyzer-cli.cjs lunr INDEX    stdin: JSON list of queries -> stdout: JSON list of sorted refs,
//                                       searching a lunr.py index with the vendored lunr.js
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const Analyzer = require(path.join(root, "theme_overrides/assets/javascripts/arabic-analyzer.js"));
Analyzer.load(JSON.parse(fs.readFileSync(path.join(root, "generator/data/analyzer.json"), "utf8")));

const mode = process.argv[2];
const stdin = () => JSON.parse(fs.readFileSync(0, "utf8"));

if (mode === "analyze") {
  process.stdout.write(JSON.stringify(stdin().map((text) => Analyzer.analyze(text))));
} else if (mode === "normalize-all") {
  const changed = {};
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    const n = Analyzer.normalize(ch);
    if (n !== ch) changed[cp] = n;
  }
  process.stdout.write(JSON.stringify(changed));
} else if (mode === "lunr") {
  const lunr = require(path.join(root, "theme_overrides/assets/javascripts/vendor/lunr.min.js"));
  // The same pipeline function, under the same name, as the Python side registers.
  const dossierArabic = (token) => Analyzer.analyze(token.toString()).map((term) => token.clone(() => term));
  lunr.Pipeline.registerFunction(dossierArabic, "dossier-arabic");
  const index = lunr.Index.load(JSON.parse(fs.readFileSync(process.argv[3], "utf8")));
  const results = stdin().map((query) => {
    const terms = Analyzer.analyze(query);
    if (terms.length === 0) return [];
    return index.query((q) => terms.forEach((t) => q.term(t, { usePipeline: false })))
      .map((r) => r.ref).sort();
  });
  process.stdout.write(JSON.stringify(results));
} else {
  process.stderr.write("usage: analyzer-cli.cjs analyze | normalize-all | lunr INDEX\n");
  process.exit(2);
}
