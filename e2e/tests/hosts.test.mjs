// The site as static hosts serve it: the compressed files `make build` writes beside each file
// (brotli and gzip at their highest levels, each the file itself once decompressed), the
// `_headers` file of Netlify and Cloudflare Pages, and the configurations README's Deploy
// section gives, each run: e2e/serve.mjs (`make serve`), Debian's nginx with the brotli_static
// module (deploy/nginx.conf) and Debian's Caddy (deploy/Caddyfile). For each, Chromium opens a
// shared link and gets the brotli files, the wasm as application/wasm (so that it compiles as it
// streams in) and hashed files cached for a year, and the app starts.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { BASE, CHARTS, DIST, VOCAB, closeClean } from "./helpers.mjs";
import { launch, openPage } from "../browser.mjs";
import { startServer } from "../serve.mjs";
import { COMPRESSED, HASHED, brotli, siteFiles } from "../../scripts/host-files.mjs";

const REPO = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, REPO), "utf8");
const FILES = siteFiles(DIST);
const TEXT_AND_WASM = FILES.filter((f) => COMPRESSED.has(extname(f)));
const WASM = FILES.find((f) => f.endsWith(".wasm"));
const LINK = `?actors=${VOCAB.actors.at(-1).slug}`;
/// A chart's own page, a folder whose index.html the host serves.
const CHART_PAGE = `chart/${CHARTS[0].slug}/`;

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test("beside each text and wasm file, its brotli and gzip at their highest levels, each the file once decompressed", () => {
  assert.ok(TEXT_AND_WASM.includes("index.html") && WASM, `index.html and the wasm among ${FILES}`);
  for (const f of TEXT_AND_WASM) {
    const file = readFileSync(join(DIST, f));
    const br = readFileSync(join(DIST, `${f}.br`));
    const gz = readFileSync(join(DIST, `${f}.gz`));
    assert.ok(brotliDecompressSync(br).equals(file), `${f}.br decompresses to ${f}`);
    assert.ok(gunzipSync(gz).equals(file), `${f}.gz decompresses to ${f}`);
    // Quality 11 (its bytes are what it gives), and gzip's header says "maximum compression".
    assert.ok(br.equals(brotli(file, extname(f))), `${f}.br is brotli at quality 11`);
    assert.equal(gz[8], 2, `${f}.gz is gzip at level 9`);
    assert.ok(br.length < file.length && gz.length < file.length, `${f} compresses`);
  }
  for (const f of FILES.filter((f) => !COMPRESSED.has(extname(f)))) {
    assert.ok(!existsSync(join(DIST, `${f}.br`)), `${f} is compressed already: no ${f}.br`);
  }
});

test("_headers (Netlify, Cloudflare Pages) caches hashed files for a year, revalidates the rest, types the wasm, and opens CORS", () => {
  // Its rules: a path, then its headers indented under it.
  const rules = {};
  let path = null;
  for (const line of readFileSync(join(DIST, "_headers"), "utf8").split("\n")) {
    if (/^\//.test(line)) rules[(path = line.trim())] = {};
    else if (/^\s+\S/.test(line)) {
      const [, name, value] = line.trim().match(/^([^:]+):\s*(.*)$/);
      rules[path][name.toLowerCase()] = value;
    }
  }
  assert.equal(rules["/*"]["access-control-allow-origin"], "*");
  assert.equal(rules["/"]["cache-control"], "no-cache");
  assert.equal(rules[`/${CHART_PAGE}`]["cache-control"], "no-cache", "a chart's page, by its folder's address");
  for (const f of FILES) {
    const rule = rules[`/${f}`];
    assert.ok(rule, `a rule for ${f}`);
    assert.equal(rule["cache-control"], HASHED.test(f) ? "public, max-age=31536000, immutable" : "no-cache", f);
  }
  assert.ok(FILES.filter((f) => HASHED.test(f)).length >= 2, "the glue and the wasm are hashed");
  assert.equal(rules[`/${WASM}`]["content-type"], "application/wasm");
});

test("README's Deploy section gives deploy/nginx.conf and deploy/Caddyfile as they are", () => {
  const readme = read("README.md");
  for (const file of ["deploy/nginx.conf", "deploy/Caddyfile"]) assert.ok(readme.includes(read(file).trim()), `README shows ${file}`);
});

/** A GET of `url` with this Accept-Encoding, as its raw bytes and headers. */
const fetchRaw = (url, encoding) =>
  new Promise((resolve, reject) => {
    get(url, { headers: encoding ? { "accept-encoding": encoding } : {} }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Runs `command` (a server in the foreground) until it answers at `url`; resolves to close(). */
async function run(command, args, url, env = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const until = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited: ${output}`);
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    if (Date.now() > until) throw new Error(`${command} did not answer at ${url}: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return async () => {
    child.kill("SIGTERM");
    await exited;
  };
}

const installed = (path) => assert.ok(existsSync(path), `${path} is missing: scripts/setup.sh test installs it`);

const HOSTS = {
  "make serve (e2e/serve.mjs)": async () => {
    const server = await startServer({ root: DIST, port: 0, base: BASE });
    return { url: server.url, close: server.close };
  },
  "nginx with brotli_static (deploy/nginx.conf)": async () => {
    installed("/usr/sbin/nginx");
    const module = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
    installed(module);
    const dir = mkdtempSync(join(tmpdir(), "nginx-"));
    const port = await freePort();
    const site = read("deploy/nginx.conf").replace("/srv/frontline-figures/dist/", `${DIST}/`).replace("location /frontline-figures/", `location ${BASE}`);
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir}/${t};`).join(" ");
    writeFileSync(join(dir, "nginx.conf"), `load_module ${module};
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp}
  server {
    listen 127.0.0.1:${port};
${site}
  }
}
`);
    const url = `http://127.0.0.1:${port}${BASE}`;
    const close = await run("/usr/sbin/nginx", ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log"), "-g", `daemon off; pid ${dir}/nginx.pid;`], url);
    return { url, close };
  },
  "Caddy with precompressed (deploy/Caddyfile)": async () => {
    installed("/usr/bin/caddy");
    const dir = mkdtempSync(join(tmpdir(), "caddy-"));
    const port = await freePort();
    const site = read("deploy/Caddyfile").replace("/srv/frontline-figures/dist", DIST).replace("handle_path /frontline-figures/*", `handle_path ${BASE}*`).replace(/^example\.org \{/m, `http://127.0.0.1:${port} {`);
    writeFileSync(join(dir, "Caddyfile"), `{\n\tadmin off\n\tauto_https off\n}\n${site}`);
    const url = `http://127.0.0.1:${port}${BASE}`;
    const close = await run("/usr/bin/caddy", ["run", "--config", join(dir, "Caddyfile"), "--adapter", "caddyfile"], url, { HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir });
    return { url, close };
  },
};

for (const [name, start] of Object.entries(HOSTS)) {
  test(`${name}: a shared link gets brotli, the wasm as application/wasm and a year's cache for hashed files, and starts; a chart's folder serves its page`, async () => {
    const host = await start();
    try {
      const page = await openPage(browser, { width: 375, height: 812 });
      const responses = {};
      page.on("response", async (r) => {
        const file = new URL(r.url()).pathname.slice(BASE.length) || "index.html";
        responses[file] = r.allHeaders();
      });
      await page.goto(host.url + LINK);
      await page.waitForSelector(".app[data-ready='true']");
      for (const f of ["index.html", WASM, FILES.find((f) => HASHED.test(f) && f.endsWith(".js"))]) {
        const headers = await responses[f];
        assert.ok(headers, `the browser requested ${f}: ${Object.keys(responses)}`);
        assert.equal(headers["content-encoding"], "br", `${f} arrives as brotli`);
        assert.match(headers.vary ?? "", /accept-encoding/i, `${f}: Vary`);
        assert.equal(headers["cache-control"], HASHED.test(f) ? "public, max-age=31536000, immutable" : "no-cache", f);
        assert.equal(headers["access-control-allow-origin"], "*", f);
      }
      assert.equal((await responses[WASM])["content-type"], "application/wasm");
      await closeClean(page);
      // Each coding as asked for, and the file as it is when none is.
      // The front page and a chart's page by their folders' addresses, and the wasm.
      for (const f of ["", CHART_PAGE, WASM]) {
        const file = readFileSync(join(DIST, f === "" || f.endsWith("/") ? `${f}index.html` : f));
        const br = await fetchRaw(host.url + f, "br");
        assert.equal(br.headers["content-encoding"], "br");
        assert.ok(brotliDecompressSync(br.body).equals(file), `${f || "index.html"} in brotli`);
        const gz = await fetchRaw(host.url + f, "gzip");
        assert.equal(gz.headers["content-encoding"], "gzip");
        assert.ok(gunzipSync(gz.body).equals(file), `${f || "index.html"} in gzip`);
        const plain = await fetchRaw(host.url + f, "");
        assert.equal(plain.headers["content-encoding"], undefined);
        assert.ok(plain.body.equals(file), `${f || "index.html"} as it is`);
      }
    } finally {
      await host.close();
    }
  });
}
