// A small static server for the built site, with the headers a real host should send:
// correct MIME types (application/wasm, so that the browser compiles the wasm as it streams
// in), a year's immutable cache for hashed files and revalidation for the rest (the rules of
// scripts/host-files.mjs, which writes them into Netlify's and Cloudflare's `_headers` too), the
// brotli or gzip file that `make build` wrote beside each file (`.br`, `.gz`) with its
// Content-Encoding where the browser accepts it, as nginx's brotli_static and Caddy's
// `precompressed` do, and Access-Control-Allow-Origin: * so sandboxed (origin "null") iframes
// can load the module.
//
//   node e2e/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--base /some/sub/path/]
//                      [--compression off]   (serve every file as it is, for the benchmark)
//
// Also importable: `startServer({ root, port, host, base, compression })` resolves to
// { url, close }.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheControl } from "../scripts/host-files.mjs";

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
/// The precompressed files looked for, in the order preferred: brotli is the smaller.
const ENCODINGS = [["br", ".br"], ["gzip", ".gz"]];

/** Whether an Accept-Encoding header accepts `coding`: its own entry, or else `*`, with a q
 *  above 0. */
export function accepts(header, coding) {
  const q = new Map(
    String(header || "")
      .split(",")
      .map((part) => {
        const [name, ...params] = part.trim().toLowerCase().split(";");
        const value = params.map((p) => p.trim().match(/^q=([\d.]+)$/)).find(Boolean);
        return [name, value ? Number(value[1]) : 1];
      }),
  );
  return (q.get(coding) ?? q.get("*") ?? 0) > 0;
}

export function startServer({ root = "dist", port = 8080, host = "127.0.0.1", base = "/", extraRoutes = {}, compression = true } = {}) {
  const rootDir = resolve(root);
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
        "Cache-Control": cacheControl(file),
      };
      let body = null;
      for (const [coding, suffix] of compression ? ENCODINGS : []) {
        if (!(await stat(file + suffix).catch(() => null))?.isFile()) continue;
        // The answer depends on the request's Accept-Encoding for every file that has one.
        headers.Vary = "Accept-Encoding";
        if (body === null && accepts(req.headers["accept-encoding"], coding)) {
          body = await readFile(file + suffix);
          headers["Content-Encoding"] = coding;
        }
      }
      body ??= await readFile(file);
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
    compression: args.compression !== "off",
  });
  console.log(`Serving ${args.root || "dist"} at ${url}`);
}
