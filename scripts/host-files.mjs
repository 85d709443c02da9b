// What a static host needs beside the built site, written by `make build` after Trunk:
// - beside each text and WebAssembly file, its brotli (.br, quality 11) and gzip (.gz, level 9)
//   compression, for hosts that serve precompressed files (nginx's brotli_static and
//   gzip_static, Caddy's `precompressed`, e2e/serve.mjs);
// - `_headers`, the headers file of Netlify and Cloudflare Pages: a year's immutable cache for
//   the hashed files, revalidation for the rest, the wasm's type, and CORS for sandboxed embeds.
//
//   node scripts/host-files.mjs [dist]
//
// Also importable: what it compresses and how (`COMPRESSED`, `brotli`, `gzip`), the files it
// covers (`siteFiles`), and each file's cache (`HASHED`, `cacheControl`), which e2e/serve.mjs
// sends too, so that the two cannot disagree.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/// Text and wasm; images (png) are compressed already.
export const COMPRESSED = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".txt", ".svg", ".xml"]);
/// Trunk's hashed names (`frontline-figures-<hex>.js`, `…_bg.wasm`: a 64-bit hash in hex, without
/// its leading zeros, so 16 digits or a few fewer): their content
/// never changes under that name.
export const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
export const cacheControl = (name) => (HASHED.test(name) ? "public, max-age=31536000, immutable" : "no-cache");

/// Brotli at its highest quality and window; wasm as generic data, the rest as text.
export const brotli = (buf, ext) =>
  brotliCompressSync(buf, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      // 24 bits, the most a browser decodes (the large window is not web brotli).
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_MODE]: ext === ".wasm" ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });
export const gzip = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION });

/// Every file under `dir` but dot-files (Trunk's .stage) and compressed copies, as paths
/// relative to `dir` with `/`.
export function siteFiles(dir) {
  const walk = (d) =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      if (e.name.startsWith(".")) return [];
      const path = join(d, e.name);
      return e.isDirectory() ? walk(path) : [relative(dir, path).split(sep).join("/")];
    });
  return walk(dir).filter((f) => !/\.(br|gz)$/.test(f) && f !== "_headers").sort();
}

function headersFile(files) {
  const rule = (path, lines) => [path, ...lines.map((l) => `  ${l}`)].join("\n");
  const rules = [
    "# Netlify and Cloudflare Pages read this file (written by `make build`: scripts/host-files.mjs).",
    rule("/*", ["Access-Control-Allow-Origin: *", "X-Content-Type-Options: nosniff"]),
    // A page's folder address (`/`, `/chart/strength/`) serves its index.html.
    ...files.filter((f) => f === "index.html" || f.endsWith("/index.html")).map((f) => rule(`/${f.slice(0, -"index.html".length)}`, ["Cache-Control: no-cache"])),
    ...files.map((f) =>
      rule(`/${f}`, [`Cache-Control: ${cacheControl(f)}`, ...(f.endsWith(".wasm") ? ["Content-Type: application/wasm"] : [])]),
    ),
  ];
  return rules.join("\n") + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] || "dist";
  const files = siteFiles(dist);
  for (const f of files.filter((f) => COMPRESSED.has(extname(f)))) {
    const path = join(dist, f);
    const body = readFileSync(path);
    writeFileSync(`${path}.br`, brotli(body, extname(f)));
    writeFileSync(`${path}.gz`, gzip(body));
  }
  writeFileSync(join(dist, "_headers"), headersFile(files));
  console.log(`host-files: ${dist}: .br and .gz beside ${files.filter((f) => COMPRESSED.has(extname(f))).length} files, and _headers`);
}
