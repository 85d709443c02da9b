// A small static server for the built site, with the headers a real host should send:
// correct MIME types, long caching for hashed files, revalidation for index.html, brotli/gzip,
// and Access-Control-Allow-Origin: * so sandboxed (origin "null") iframes can load the module.
//
//   node e2e/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--base /some/sub/path/]
//
// Also importable: `startServer({ root, port, host, base })` resolves to { url, close }.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".txt", ".svg"]);
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

export function startServer({ root = "dist", port = 8080, host = "127.0.0.1", base = "/", extraRoutes = {} } = {}) {
  const rootDir = resolve(root);
  const cache = new Map();
  if (!base.endsWith("/")) base += "/";

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      if (extraRoutes[url.pathname]) {
        const { type, body, headers = {} } = extraRoutes[url.pathname];
        res.writeHead(200, { "Content-Type": type, ...headers });
        res.end(body);
        return;
      }
      if (!url.pathname.startsWith(base)) {
        res.writeHead(404, { "Content-Type": "text/plain" });
        res.end("Not found");
        return;
      }
      let rel = decodeURIComponent(url.pathname.slice(base.length)) || "index.html";
      if (rel.endsWith("/")) rel += "index.html";
      const file = normalize(join(rootDir, rel));
      if (file !== rootDir && !file.startsWith(rootDir + sep)) {
        res.writeHead(403, { "Content-Type": "text/plain" });
        res.end("Forbidden");
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain" });
        res.end("Not found");
        return;
      }
      const ext = extname(file);
      const headers = {
        "Content-Type": TYPES[ext] || "application/octet-stream",
        "Access-Control-Allow-Origin": "*",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
        Vary: "Accept-Encoding",
      };
      let body = await readFile(file);
      const accept = String(req.headers["accept-encoding"] || "");
      if (COMPRESSIBLE.has(ext)) {
        const key = `${file}:${info.mtimeMs}`;
        if (/\bbr\b/.test(accept)) {
          if (!cache.has(key + ":br")) {
            cache.set(key + ":br", brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          }
          body = cache.get(key + ":br");
          headers["Content-Encoding"] = "br";
        } else if (/\bgzip\b/.test(accept)) {
          if (!cache.has(key + ":gz")) cache.set(key + ":gz", gzipSync(body, { level: 9 }));
          body = cache.get(key + ":gz");
          headers["Content-Encoding"] = "gzip";
        }
      }
      headers["Content-Length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (err) {
      res.writeHead(400, { "Content-Type": "text/plain" });
      res.end("Bad request");
    }
  });

  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        url: `http://${host}:${actual}${base}`,
        port: actual,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => {
      if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
      return pairs;
    }, []),
  );
  const { url } = await startServer({
    root: args.root || "dist",
    port: Number(args.port || 8080),
    host: args.host || "127.0.0.1",
    base: args.base || "/",
  });
  console.log(`Serving ${args.root || "dist"} at ${url}`);
}
