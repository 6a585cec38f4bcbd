// The JavaScript analyser must give, for every test vector, exactly the
// tokens the Python analyser gives (tests/test_arabic.py checks Python
// against the same file).  Run: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");

const Analyzer = require(path.join(root, "theme_overrides/assets/javascripts/arabic-analyzer.js"));
const config = JSON.parse(readFileSync(path.join(root, "generator/data/analyzer.json"), "utf8"));
const vectors = JSON.parse(readFileSync(path.join(root, "tests/data/analyzer_vectors.json"), "utf8"));

Analyzer.load(config);

test("there are enough vectors to mean something", () => {
  assert.ok(vectors.cases.length >= 250, `only ${vectors.cases.length} vectors`);
});

test("every vector gives the expected tokens", () => {
  const failures = [];
  for (const [i, c] of vectors.cases.entries()) {
    const got = Analyzer.analyze(c.input);
    try {
      assert.deepEqual(got, c.tokens);
    } catch {
      failures.push(`#${i} ${JSON.stringify(c.input)}\n  expected ${JSON.stringify(c.tokens)}\n  got      ${JSON.stringify(got)}`);
    }
  }
  assert.equal(failures.length, 0, `${failures.length} vectors differ:\n${failures.join("\n")}`);
});

test("the acceptance words meet in one term", () => {
  const groups = [
    ["حماس", "لحماس", "وحماس"],
    ["غزة", "بغزة", "غزَّة"],
    ["إسرائيل", "اسرائيل", "الإسرائيلي", "الإسرائيلية"],
    ["مفاوضات", "المفاوضات", "والمفاوضات"],
    ["فلسطين", "الفلسطينيين", "فلسطيني"],
  ];
  for (const words of groups) {
    const terms = new Set(words.map((w) => Analyzer.analyze(w).join(" ")));
    assert.equal(terms.size, 1, `${words.join(" / ")} give ${[...terms].join(" / ")}`);
  }
});

test("the browser global is set when there is a window", () => {
  const source = readFileSync(path.join(root, "theme_overrides/assets/javascripts/arabic-analyzer.js"), "utf8");
  const window = {};
  new Function("window", "module", source)(window, undefined);
  assert.equal(typeof window.DossierAnalyzer.analyze, "function");
  assert.throws(() => window.DossierAnalyzer.analyze("غزة"), /load\(config\)/);
  window.DossierAnalyzer.load(config);
  assert.deepEqual(window.DossierAnalyzer.analyze("بغزة"), ["غزه"]);
});

test("the letter, mark and digit tables come from analyzer.json, and their absence is named", () => {
  assert.throws(() => new Analyzer.Analyzer({ ...config, text: undefined }), /"text" tables/);
  const fewer = { ...config.text, unseen: "\u0640" };   // only tatweel removed
  const stripped = new Analyzer.Analyzer({ ...config, text: fewer });
  assert.deepEqual(Analyzer.tokenize("غزَّة"), ["غز", "ه"]);   // shadda and fatha kept: they split the word
  Analyzer.load(config);
  assert.deepEqual(Analyzer.tokenize("غزَّة"), ["غزه"]);
  assert.ok(stripped);
});

test("stem() and normalize() agree with analyze()", () => {
  assert.equal(Analyzer.normalize("غزَّة"), "غزه");
  assert.deepEqual(Analyzer.tokenize("لـ«حماس»"), ["ل", "حماس"]);
  assert.equal(Analyzer.stem("والمفاوضات"), "مفاوض");
});
