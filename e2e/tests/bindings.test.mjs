// The short names the prerender step gives what the wasm and its JS glue call each other by
// (src/prerender/bindings.rs), checked on the built site with Node's own readers, not the
// step's: the wasm through WebAssembly.Module, the glue's imports object by running the glue's
// own function that builds it. No page is loaded: every other e2e test shows the app starts.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { DIST } from "./helpers.mjs";

const files = await readdir(DIST);
const only = (ext) => {
  const found = files.filter((f) => f.endsWith(ext));
  assert.equal(found.length, 1, `one ${ext} in ${DIST}: ${found}`);
  return `${DIST}/${found[0]}`;
};
const wasm = new WebAssembly.Module(await readFile(only(".wasm")));
const glue = await readFile(only(".js"), "utf8");
const imports = WebAssembly.Module.imports(wasm);
const exports = WebAssembly.Module.exports(wasm).map((e) => e.name);

// The names shortened are one or two letters: a…Z, then two letters (52 + 52 × 52 names).
const SHORT = /^[A-Za-z]{1,2}$/;
// The names the runtime keeps (memory, __wbindgen_malloc, …): reached from outside the glue.
const runtime = (name) => name === "memory" || name.startsWith("__");

test("every import module and import of the built wasm has a short name", () => {
  assert.ok(imports.length > 0, "the wasm imports something");
  const long = imports.filter((i) => !SHORT.test(i.module) || !SHORT.test(i.name));
  assert.deepEqual(long.map((i) => `${i.module} ${i.name}`), []);
});

test("the glue keeps none of wasm-bindgen's long names and calls only short or runtime exports the wasm has", () => {
  // wasm-bindgen's import names (__wbg_<method>_<16 hex digits>) and closure shims
  // (wasm_bindgen_<hash>___convert__closures…).
  assert.deepEqual(glue.match(/__wbg_\w+_[0-9a-f]{16}\b/g) ?? [], []);
  assert.deepEqual(glue.match(/\w*convert__closures\w*/g) ?? [], []);
  const called = new Set([...glue.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
  assert.ok(called.size > 0, "the glue calls the wasm as wasm.<name>");
  assert.deepEqual([...called].filter((name) => !exports.includes(name)), [], "called, not exported");
  assert.deepEqual([...called].filter((name) => !SHORT.test(name) && !runtime(name)), [], "called, long");
  assert.ok([...called].some((name) => SHORT.test(name)), "some export renamed");
});

test("the glue's imports object holds exactly the wasm's imports, under the same names", async () => {
  // The glue is an ES module that keeps the function to itself: the same text, with it exported.
  const source = `${glue}\nexport { __wbg_get_imports as __imports };`;
  const { __imports } = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
  const object = __imports();
  const given = Object.entries(object).flatMap(([module, fns]) => Object.keys(fns).map((name) => `${module} ${name}`));
  const wanted = imports.map((i) => `${i.module} ${i.name}`);
  assert.deepEqual(given.sort(), wanted.sort());
  // And it links: instantiating runs no code of the app (the glue calls its start later).
  assert.ok(new WebAssembly.Instance(wasm, object));
});
