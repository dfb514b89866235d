"""A small world for the embed browser test and benchmark: a loopback feed server with images,
a `roost` database with a site and feeds, `roost serve`, and headless Debian chromium.

Shared by scripts/test_embeds.py and scripts/bench_embed.py; the helpers of the admin page test
(processes, waits, PNGs) are reused from scripts/test_admin_page.py.
"""

import glob
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from email.utils import formatdate

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_admin_page import (CHROMEDRIVER, CHROMIUM, Failure, QuietHandler, check_prerequisites, free_port,  # noqa: E402,F401
                             png, run_roost, wait_until, xml_escape)

# The sanitizer's XSS vectors, as a feed would carry them; none may ever run in an embed.
HOSTILE_TITLE = "Hostile <script>alert('title')</script><img src=x onerror=alert('t')> title"
HOSTILE_BODY = ("<p>Hostile body <img src=x onerror=alert('img')> <svg onload=alert('svg')></svg>"
                "<a href=\"javascript:alert('href')\">js link</a> <a href=\"https://example.org/ok\" onclick=\"alert('click')\">ok link</a>"
                "<iframe src=\"javascript:alert('frame')\"></iframe><script>alert('script')</script>"
                "<style>*{display:none}</style><form action=\"https://evil.example/\"><input name=q></form>"
                "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>"
                "<p style=\"background:url(javascript:alert('css'))\">styled</p></p>")
SIZES = [(64, 48), (48, 64), (80, 40), (60, 60)]


class World:
    """Owns every process and server it starts; `close()` stops them all."""

    def __init__(self, roost, work, posts=45, inbox=2, log=print):
        self.roost, self.work, self.log = roost, work, log
        self.www = os.path.join(work, "www")
        os.makedirs(os.path.join(self.www, "img"), exist_ok=True)
        self.database = os.path.join(work, "roost.sqlite")
        self.feed_server = self.serve = self.serve_log = None
        self.feed_server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), lambda *a, **k: QuietHandler(*a, directory=self.www, **k))
        threading.Thread(target=self.feed_server.serve_forever, daemon=True).start()
        self.media = f"http://127.0.0.1:{self.feed_server.server_address[1]}"
        self.write_feed("feed.xml", posts, "pub", broken=True)
        self.write_feed("inbox.xml", inbox, "inbox", broken=False, offset=-1)
        created = json.loads(run_roost(roost, ["sites", "create", "--name", "Embed test", "--db", self.database]))
        self.site, self.key = created["uuid"], created["apiKey"]
        for name, moderation in (("feed.xml", "auto_publish"), ("inbox.xml", "saved_to_inbox")):
            run_roost(roost, ["feeds", "add", "--site", self.site, "--url", f"{self.media}/{name}", "--moderation", moderation,
                              "--allow-private-networks", "--db", self.database])
        summary = run_roost(roost, ["fetch", "--once", "--allow-private-networks", "--db", self.database], timeout=120)
        log(f"fetched: {summary.strip()}")
        self.start_serve()

    def write_feed(self, name, count, prefix, broken, offset=0):
        """`count` items, newest first, each with an image of one of four aspect ratios."""
        now = time.time()
        items = []
        for n in range(1, count + 1):
            width, height = SIZES[n % len(SIZES)]
            image = f"img/{prefix}-{n}.png"
            with open(os.path.join(self.www, image), "wb") as f:
                f.write(png(width, height, ((n * 37) % 256, (n * 91) % 256, (n * 53) % 256)))
            title, body = f"{prefix} post {n}", f"<p>Body of {prefix} post {n} with a <a href=\"https://example.org/{n}\">link</a> #tag{n % 3}</p>"
            if prefix == "pub" and n == 3:
                title, body = HOSTILE_TITLE, HOSTILE_BODY
            url = f"{self.media}/{image}"
            if broken and n == 5:
                url = f"{self.media}/img/missing-image.png"
            items.append(f"""<item><title>{xml_escape(xml_escape(title))}</title><link>https://example.org/{prefix}/{n}</link>
<guid isPermaLink="false">{prefix}-{n}</guid><pubDate>{formatdate(now - (n + offset) * 3600 - 7200 * (prefix == 'inbox'), usegmt=True)}</pubDate>
<dc:creator>Author {n}</dc:creator><description><![CDATA[{body}]]></description>
<enclosure url="{url}" type="image/png" length="100"/></item>""")
        with open(os.path.join(self.www, name), "w", encoding="utf-8") as f:
            f.write(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{prefix}</title><link>{self.media}/</link>
<description>embed test</description>{"".join(items)}</channel></rss>""")

    def stop_serve(self):
        """Stops `roost serve` (the database stays)."""
        if self.serve is not None and self.serve.poll() is None:
            self.serve.terminate()
            self.serve.wait(timeout=10)
        if self.serve_log is not None:
            self.serve_log.close()

    def start_serve(self, port=None):
        port = port or free_port()
        self.serve_log = open(os.path.join(self.work, "serve.log"), "a")
        environment = dict(os.environ, ROOST_LOG_LEVEL="warning")
        environment.pop("ROOST_PUBLIC_URL", None)
        self.serve = subprocess.Popen([self.roost, "serve", "--port", str(port), "--db", self.database, "--allow-private-networks"],
                                      stdout=self.serve_log, stderr=subprocess.STDOUT, env=environment)
        self.base = f"http://127.0.0.1:{port}"

        def healthy():
            if self.serve.poll() is not None:
                raise Failure(f"roost serve exited {self.serve.returncode}; see {self.serve_log.name}")
            with urllib.request.urlopen(self.base + "/health", timeout=2) as response:
                return response.status == 200
        wait_until(healthy, 30, f"roost serve to answer on {self.base}/health", interval=0.2)

    def call(self, method, path, body=None, key=None, raw=False):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if key is not False:
            request.add_header("Authorization", f"Bearer {key or self.key}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                payload = response.read()
                return response.status, (payload if raw else json.loads(payload or b"null")), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), error.headers

    def embed(self, **settings):
        status, body, _ = self.call("POST", f"/v2/{self.site}/embeds", settings)
        if status != 201:
            raise Failure(f"creating an embed {settings} answered {status}: {body}")
        return body["result"]["data"]["embed"]

    def walk(self, key, count=100):
        """Every published post, walking `older` links as a client would."""
        ids, url = [], f"/v2/{self.site}/posts?count={count}"
        while url:
            status, body, _ = self.call("GET", url, key=key)
            if status != 200:
                raise Failure(f"GET {url} answered {status}: {body}")
            ids += [p["flocklerId"] for p in body["posts"]]
            older = body["pagination"]["older"]
            url = older[len(self.base):] if older else None
        return ids

    def asset_sizes(self):
        """Bytes and gzipped bytes of embed.js and embed.css."""
        sizes = {}
        for name in ("embed.js", "embed.css"):
            status, body, _ = self.call("GET", "/" + name, key=False, raw=True)
            if status != 200:
                raise Failure(f"GET /{name} answered {status}")
            sizes[name] = (len(body), len(gzip.compress(body, 9)))
        return sizes

    def close(self):
        if self.serve is not None and self.serve.poll() is None:
            self.serve.terminate()
            try:
                self.serve.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.serve.kill()
                self.serve.wait(timeout=10)
        if self.serve_log is not None:
            self.serve_log.close()
        if self.feed_server is not None:
            self.feed_server.shutdown()
            self.feed_server.server_close()


def start_browser(width=1440, height=1000, reduced_motion=False):
    """Headless Debian chromium with browser and network logs."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                     "--no-first-run", "--disable-extensions", "--hide-scrollbars", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-default-browser-check"):
        options.add_argument(argument)
    if reduced_motion:
        options.add_argument("--force-prefers-reduced-motion")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.unhandled_prompt_behavior = "ignore"
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def requested_urls(driver):
    """URLs the page requested since the last call (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def axe_source():
    """axe.min.js from the installed axe-selenium-python (or axe-playwright-python) package."""
    import site
    roots = site.getsitepackages() + [site.getusersitepackages()]
    for root in roots:
        for pattern in ("axe_selenium_python/**/axe.min.js", "axe_playwright_python/**/axe.min.js"):
            found = glob.glob(os.path.join(root, pattern), recursive=True)
            if found:
                with open(found[0], encoding="utf-8") as f:
                    return f.read()
    raise Failure("axe.min.js not found: pip install axe-selenium-python")
