#!/usr/bin/env python3
"""End-to-end test of the operator inbox page (`GET /admin`, issue 5) in a real headless browser.

It builds a small world around a built `roost` binary and drives Debian's chromium through
Selenium and the system chromedriver (no downloads):

1. a temporary database, `roost sites create`, and a local HTTP server on 127.0.0.1 serving
   a generated RSS feed of 5 items with PNG images; one title carries
   `<script>alert(1)</script>` and `<img src=x onerror=...>`, and one body the same as
   text, to prove the page never injects post text as HTML;
2. `roost feeds add --moderation saved_to_inbox`, `roost fetch --once`, `roost serve`, and a
   keyword rule put through the API (re-evaluating the inbox) so that one post has a reason;
3. the page at /admin#count=2: a wrong key shows the API's error; the right key lists the
   inbox, "load more" follows `pagination.older` until all 5 posts are shown with images
   and the rule's reason;
   `?` shows the help; `j` `p` publishes (checked through `GET /v2/S/posts`); `x` `j` `x`
   then Shift+H hides two (checked through `GET /v2/S/posts/ID`); a batch naming an
   unknown id shows the error and changes nothing; `r` reloads; `i` pins at the index
   typed into the prompt (checked through the API); no alert() ever fired and the browser
   console has no errors.

Usage: python3 scripts/test_admin_page.py --roost .build/debug/roost
Exit codes: 0 pass, 1 a check failed, 2 a prerequisite (chromium, chromedriver, selenium) is missing.
Every process it starts is stopped in a finally block, and every wait is bounded.
"""

import argparse
import http.server
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zlib
from email.utils import formatdate

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
XSS_TITLE = "Breaking <script>alert(1)</script> <img src=x onerror=alert(5)> news"
XSS_TEXT = "Text with <img src=x onerror=alert(2)> inside"


class Failure(Exception):
    """A check of the test failed; the message says which and why."""


def log(message):
    print(f"admin-page: {message}", flush=True)


def wait_until(predicate, timeout, what, interval=0.1):
    """Polls predicate until it returns a truthy value; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Failure:
            raise
        except Exception as error:  # a transient WebDriver or HTTP error: try again until the deadline
            last_error = error
        time.sleep(interval)
    suffix = f" (last error: {last_error})" if last_error else ""
    raise Failure(f"timed out after {timeout}s waiting for {what}{suffix}")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def png(width, height, rgb):
    """A valid solid-colour PNG."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_feed(www, base):
    """Five items, newest first, each with an image; item 3 carries the XSS probes."""
    os.makedirs(os.path.join(www, "img"), exist_ok=True)
    colours = [(200, 40, 40), (40, 160, 40), (40, 40, 200), (200, 160, 0), (120, 0, 160)]
    now = time.time()
    items = []
    for n in range(1, 6):
        with open(os.path.join(www, "img", f"{n}.png"), "wb") as f:
            f.write(png(32, 24, colours[n - 1]))
        title = f"Inbox post number {n}"
        body = f"<p>Body of post {n}.</p><p>Second paragraph #tag{n}</p>"
        extra = ""
        if n == 3:
            # Escaped twice so that the stored *plain-text* title contains the markup literally.
            title = XSS_TITLE
            body = (f"<p>{xml_escape(XSS_TEXT)}</p>"
                    f'<img src="{base}/img/3b.png" alt="Third image" onerror="alert(3)">')
            extra = f'<enclosure url="{base}/video/3.mp4" type="video/mp4" length="1000"/>'
            with open(os.path.join(www, "img", "3b.png"), "wb") as f:
                f.write(png(16, 16, (0, 0, 0)))
        items.append(f"""<item>
  <title>{xml_escape(xml_escape(title))}</title>
  <link>{base}/posts/{n}</link>
  <guid isPermaLink="false">admin-page-test-{n}</guid>
  <pubDate>{formatdate(now - n * 3600, usegmt=True)}</pubDate>
  <dc:creator>Author {n}</dc:creator>
  <category>topic{n}</category>
  <description><![CDATA[{body}]]></description>
  <enclosure url="{base}/img/{n}.png" type="image/png" length="100"/>
  {extra}
</item>""")
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Admin page test feed</title>
<link>{base}/</link>
<description>Generated by scripts/test_admin_page.py</description>
{"".join(items)}
</channel>
</rss>
"""
    with open(os.path.join(www, "feed.xml"), "w", encoding="utf-8") as f:
        f.write(feed)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def run_roost(roost, args, timeout=60):
    command = [roost] + args
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failure(f"`{' '.join(command)}` did not finish within {timeout}s")
    if done.returncode != 0:
        raise Failure(f"`{' '.join(command)}` exited {done.returncode}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


class API:
    """A tiny client for the Roost API with the admin key."""

    def __init__(self, base, site, key):
        self.base, self.site, self.key = base, site, key

    def call(self, method, path, body=None, key=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {key or self.key}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                return error.code, json.loads(raw)
            except ValueError:
                return error.code, raw.decode(errors="replace")

    def get(self, path, key=None):
        status, body = self.call("GET", path, key=key)
        if status != 200 and key is None:
            raise Failure(f"GET {path} answered {status}: {body}")
        return body

    def inbox_ids(self):
        return [p["flocklerId"] for p in self.get(f"/v2/{self.site}/inbox?count=100")["posts"]]

    def published_ids(self):
        return [p["flocklerId"] for p in self.get(f"/v2/{self.site}/posts?count=100")["posts"]]

    def post(self, flockler_id):
        return self.get(f"/v2/{self.site}/posts/{flockler_id}")["result"]["data"]


class Page:
    """Helpers over the Selenium driver for the inbox page."""

    def __init__(self, driver):
        self.driver = driver

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def card_ids(self):
        return self.js("return Array.from(document.querySelectorAll('#posts article.post')).map(c => Number(c.dataset.id));")

    def status(self):
        return self.js("const s = document.getElementById('status'); return [s.dataset.kind || '', s.textContent];")

    def active_card_id(self):
        return self.js("const a = document.activeElement; const c = a && a.closest ? a.closest('article.post') : null;"
                       " return c ? Number(c.dataset.id) : null;")

    def keys(self, text):
        from selenium.webdriver.common.action_chains import ActionChains
        ActionChains(self.driver).send_keys(text).perform()

    def shift_key(self, letter):
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        ActionChains(self.driver).key_down(Keys.SHIFT).send_keys(letter.upper()).key_up(Keys.SHIFT).perform()

    def wait_status(self, kind, timeout=10, contains=None):
        def ready():
            current_kind, text = self.status()
            return current_kind == kind and (contains is None or contains in text)
        wait_until(ready, timeout, f"a status of kind {kind!r}" + (f" containing {contains!r}" if contains else "")
                   + f" (status now: {self.status()})")
        return self.status()[1]


def assert_no_alert(driver, when):
    from selenium.common.exceptions import NoAlertPresentException
    try:
        alert = driver.switch_to.alert
        text = alert.text
    except NoAlertPresentException:
        return
    raise Failure(f"an alert() fired {when}: {text!r} (post content was executed as script)")


def open_alert(driver):
    """Says which alert() is open, if any: an open dialog makes every later WebDriver call fail."""
    if driver is None:
        return None
    try:
        return (f"a JavaScript dialog is open ({driver.switch_to.alert.text!r}): an alert() run from post content "
                "(or a prompt left unanswered)")
    except Exception:
        return None


def console_errors(driver, allowed=()):
    """The browser console's SEVERE entries, less those whose message contains an allowed fragment."""
    entries = driver.get_log("browser")
    return [e for e in entries if e.get("level") == "SEVERE" and not any(a in e.get("message", "") for a in allowed)]


def check_prerequisites():
    missing = []
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            missing.append(f"{path} (apt-get install -y {package})")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium Python package (pip install selenium)")
    return missing


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Leave unexpected dialogs open so that an alert() from injected content is seen, not dismissed.
    options.unhandled_prompt_behavior = "ignore"
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(10)
    return driver


def scenario(driver, base, api, screenshot=None):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    page = Page(driver)
    site = api.site
    # A rule that fires on post 3, decided again over the inbox, so a card has reasons to show.
    rules = {"rules": [{"id": "watch-breaking", "type": "keywords", "words": ["breaking"], "action": "inbox"}],
             "thresholds": {"publish": 0.3, "hide": 0.7}}
    status, answer = api.call("PUT", f"/v2/{site}/moderation/rules?reevaluate=true", rules)
    if status != 200:
        raise Failure(f"PUT /v2/{site}/moderation/rules answered {status}: {answer}")
    expected_order = api.inbox_ids()
    if len(expected_order) != 5:
        raise Failure(f"the inbox should hold the 5 fetched posts, the API lists {len(expected_order)}")

    # The page itself: HTML with the strict CSP.
    with urllib.request.urlopen(base + "/admin", timeout=10) as response:
        csp = response.headers.get("Content-Security-Policy", "")
        kind = response.headers.get("Content-Type", "")
        html = response.read().decode()
    if "text/html" not in kind or "default-src 'none'" not in csp:
        raise Failure(f"GET /admin should be HTML with a strict CSP; got Content-Type {kind!r}, CSP {csp!r}")
    for forbidden in (" onclick=", " onload=", " onerror=", "<link rel=\"stylesheet\"", "src=\"http"):
        if forbidden in html:
            raise Failure(f"the page should be self-contained without inline handlers, but contains {forbidden!r}")
    log(f"GET /admin: {len(html)} bytes of HTML, CSP {csp!r}")

    driver.get(base + "/admin#count=2")
    wait_until(lambda: driver.find_element(By.ID, "site").is_displayed(), 10, "the sign-in form")

    # A wrong key: the API's error message is shown and the form comes back.
    _, unauthorized = api.call("GET", f"/v2/{site}/inbox?count=2", key="not-a-key")
    expected_message = unauthorized["error"]["message"]
    driver.find_element(By.ID, "site").send_keys(site)
    driver.find_element(By.ID, "key").send_keys("not-a-key", Keys.ENTER)
    page.wait_status("error", contains=expected_message)
    wait_until(lambda: driver.find_element(By.ID, "key").is_displayed(), 5, "the sign-in form after a wrong key")
    console_errors(driver)  # drains the expected "401" resource error
    log(f"wrong key -> status shows {page.status()[1]!r}")

    # The right key: the first page of 2, then "load more" twice.
    driver.find_element(By.ID, "key").send_keys(api.key, Keys.ENTER)
    wait_until(lambda: len(page.card_ids()) == 2, 10, "the first page of 2 posts")
    if api.key in driver.current_url or site in driver.current_url:
        raise Failure(f"the site or key leaked into the URL: {driver.current_url}")
    if page.js("return sessionStorage.getItem('roost.admin.key')") != api.key:
        raise Failure("the admin key should be kept in sessionStorage")
    for expected in (4, 5):
        more = driver.find_element(By.ID, "more")
        if not more.is_displayed():
            raise Failure(f"'Load more' should be visible with {len(page.card_ids())} of 5 posts shown")
        more.click()
        wait_until(lambda: len(page.card_ids()) == expected, 10, f"{expected} posts after 'Load more'")
    wait_until(lambda: not driver.find_element(By.ID, "more").is_displayed(), 5, "'Load more' to disappear at the end")
    if page.card_ids() != expected_order:
        raise Failure(f"the page should list the inbox newest first as the API does: {page.card_ids()} != {expected_order}")
    log(f"listed {len(expected_order)} posts over 3 pages: {expected_order}")

    # Every card shows its images, loaded; post text is text, never markup.
    def images_loaded():
        return page.js("""
            const cards = Array.from(document.querySelectorAll('#posts article.post'));
            return cards.every(c => { const imgs = c.querySelectorAll('img.thumb');
                return imgs.length > 0 && Array.from(imgs).every(i => i.complete && i.naturalWidth > 0); });""")
    wait_until(images_loaded, 15, "every post card to show its loaded images")
    injected = page.js("""
        const list = document.getElementById('posts');
        return { scripts: list.querySelectorAll('script').length,
                 strayImages: list.querySelectorAll('img:not(.thumb)').length,
                 handlers: Array.from(list.querySelectorAll('*')).filter(e =>
                     Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
                 titles: Array.from(list.querySelectorAll('article.post h2')).map(h => h.textContent),
                 texts: Array.from(list.querySelectorAll('article.post .text')).map(t => t.textContent),
                 reasons: list.querySelectorAll('.moderation').length,
                 videos: list.querySelectorAll('ul.videos a').length };""")
    if injected["scripts"] or injected["strayImages"] or injected["handlers"]:
        raise Failure(f"post content was injected as HTML: {injected}")
    if XSS_TITLE not in injected["titles"]:
        raise Failure(f"the title with markup should be shown as text; titles are {injected['titles']}")
    if not any(XSS_TEXT in t for t in injected["texts"]):
        raise Failure(f"the text with markup should be shown as text; texts are {injected['texts']}")
    if injected["reasons"] != 5 or injected["videos"] != 1:
        raise Failure(f"every card should show its moderation and the video link: {injected}")
    reasons = page.js("""
        return Array.from(document.querySelectorAll('#posts article.post')).map(c => {
            const items = c.querySelectorAll('.moderation li');
            return items.length ? Array.from(items).map(i => i.textContent).join(' | ') : ''; });""")
    with_reason = [text for text in reasons if text]
    if len(with_reason) != 1 or "watch-breaking" not in with_reason[0] or "keywords" not in with_reason[0]:
        raise Failure(f"the card of the post the keyword rule fired on should show the reason; reasons shown: {reasons}")
    log(f"reason shown: {with_reason[0]!r}")
    assert_no_alert(driver, "after listing the inbox")
    log("images loaded on every card; markup in titles and text shown as text")
    if screenshot:
        driver.save_screenshot(screenshot)
        log(f"screenshot of the listed inbox: {screenshot}")

    # ? toggles the help; Escape closes it.
    page.js("document.activeElement && document.activeElement.blur();")
    page.keys("?")
    wait_until(lambda: driver.find_element(By.ID, "help").is_displayed(), 5, "the help to open on ?")
    page.keys(Keys.ESCAPE)
    wait_until(lambda: not driver.find_element(By.ID, "help").is_displayed(), 5, "the help to close on Escape")

    # j then p: the first post is published and leaves the inbox.
    page.keys("j")
    first = wait_until(page.active_card_id, 5, "j to focus the first post")
    if first != expected_order[0]:
        raise Failure(f"j should focus the first post {expected_order[0]}, focused {first}")
    page.keys("p")
    wait_until(lambda: first not in page.card_ids(), 10, f"post {first} to leave the list after p")
    page.wait_status("ok", contains="Published")
    wait_until(lambda: first in api.published_ids(), 10, f"GET /v2/{site}/posts to list the published post {first}")
    if first in api.inbox_ids():
        raise Failure(f"post {first} is still in the inbox after p")
    log(f"j p published post {first}: {page.status()[1]!r}")

    # x, j, x, Shift+H: two posts hidden in one batch.
    second, third = expected_order[1], expected_order[2]
    focused = wait_until(page.active_card_id, 5, "the focus to move to the next post")
    if focused != second:
        raise Failure(f"after publishing, the focus should be on the next post {second}, it is on {focused}")
    page.keys("x")
    page.keys("j")
    page.keys("x")
    selected = page.js("return Array.from(document.querySelectorAll('#posts article.post.selected')).map(c => Number(c.dataset.id));")
    if selected != [second, third]:
        raise Failure(f"x j x should select posts {[second, third]}, selected {selected}")
    page.shift_key("h")
    wait_until(lambda: second not in page.card_ids() and third not in page.card_ids(), 10, "both selected posts to leave the list")
    page.wait_status("ok", contains="Hid 2 posts")
    for hidden in (second, third):
        state = api.post(hidden)["moderation"]["state"]
        if state != "hidden":
            raise Failure(f"post {hidden} should be hidden after Shift+H, its state is {state!r}")
    log(f"x j x Shift+H hid posts {second} and {third}: {page.status()[1]!r}")

    # A batch naming an unknown id fails as a whole: the error is shown and nothing changes.
    fourth, fifth = expected_order[3], expected_order[4]
    page.js("document.querySelector(`#posts article.post[data-id='${arguments[0]}']`).dataset.id = '999999';", fifth)
    page.js("document.querySelector(`#posts article.post[data-id='${arguments[0]}']`).focus();", fourth)
    page.keys("x")
    page.keys("j")
    page.keys("x")
    page.shift_key("p")
    message = page.wait_status("error", contains="Nothing changed")
    if "999999" not in message:
        raise Failure(f"the batch error should carry the API's message naming the unknown id; status: {message!r}")
    if api.post(fourth)["moderation"]["state"] != "inbox":
        raise Failure(f"a failed batch must change nothing, but post {fourth} left the inbox")
    console_errors(driver)  # drains the expected "404" resource error
    log(f"failed batch shows {message!r}")

    # r reloads the list from the server (the tampered card is gone, selection cleared).
    page.keys("r")
    wait_until(lambda: page.card_ids() == [fourth, fifth], 10, f"r to reload the inbox as {[fourth, fifth]}")
    if page.js("return document.querySelectorAll('#posts article.post.selected').length") != 0:
        raise Failure("the selection should be cleared after a reload")

    # i: pin at the index typed into the prompt. Pins are a gapless list (SPEC §3.5: a list
    # insert), so another post is pinned at 0 first for index 1 to mean something.
    page.keys("j")
    target = wait_until(page.active_card_id, 5, "j to focus a post before pinning")
    other = fifth if target == fourth else fourth
    status, answer = api.call("POST", f"/v2/{site}/posts/{other}/pin", {"index": 0})
    if status != 200:
        raise Failure(f"pinning post {other} through the API answered {status}: {answer}")
    page.keys("i")
    prompt = WebDriverWait(driver, 5).until(expected_conditions.alert_is_present())
    if "index" not in prompt.text:
        raise Failure(f"the pin prompt should ask for an index, it says {prompt.text!r}")
    prompt.send_keys("1")
    prompt.accept()
    page.wait_status("ok", contains="at index 1")
    pinned = api.post(target)
    if pinned.get("pinnedIndex") != 1 or api.post(other).get("pinnedIndex") != 0:
        raise Failure(f"post {target} should have pinnedIndex 1 after i (post {other} 0), the API says "
                      f"{pinned.get('pinnedIndex')!r} ({api.post(other).get('pinnedIndex')!r})")
    if pinned["moderation"]["state"] == "inbox":
        badge = page.js("const c = document.querySelector(`#posts article.post[data-id='${arguments[0]}'] .pinned`);"
                        " return c ? c.textContent : null;", target)
        if badge != "pinned at 1":
            raise Failure(f"the card of post {target} should show 'pinned at 1' after i, it shows {badge!r}")
    log(f"i pinned post {target} at index 1 (state {pinned['moderation']['state']}): {page.status()[1]!r}")

    assert_no_alert(driver, "during the run")
    errors = console_errors(driver)
    if errors:
        raise Failure("the browser console has errors: " + "; ".join(e.get("message", "") for e in errors))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roost", required=True, help="the built roost binary")
    parser.add_argument("--timeout", type=int, default=300, help="fail if the whole test takes longer (seconds)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, logs)")
    parser.add_argument("--screenshot", help="save a PNG of the listed inbox here")
    args = parser.parse_args()

    roost = os.path.abspath(args.roost)
    if not os.access(roost, os.X_OK):
        print(f"admin-page: FAIL: {roost} is not an executable roost binary", file=sys.stderr)
        return 2
    missing = check_prerequisites()
    if missing:
        print("admin-page: FAIL: missing " + ", ".join(missing), file=sys.stderr)
        return 2

    def on_alarm(signum, frame):
        raise Failure(f"the whole test took longer than {args.timeout}s")
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(args.timeout)

    work = tempfile.mkdtemp(prefix="roost-admin-page-")
    database = os.path.join(work, "roost.sqlite")
    www = os.path.join(work, "www")
    os.makedirs(www)
    feed_server = None
    serve = None
    serve_log = None
    driver = None
    try:
        feed_server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), lambda *a, **k: QuietHandler(*a, directory=www, **k))
        threading.Thread(target=feed_server.serve_forever, daemon=True).start()
        feed_base = f"http://127.0.0.1:{feed_server.server_address[1]}"
        write_feed(www, feed_base)

        created = json.loads(run_roost(roost, ["sites", "create", "--name", "Admin page test", "--db", database]))
        site, key = created["uuid"], created["apiKey"]
        run_roost(roost, ["feeds", "add", "--site", site, "--url", feed_base + "/feed.xml", "--moderation", "saved_to_inbox",
                          "--allow-private-networks", "--db", database])
        summary = run_roost(roost, ["fetch", "--once", "--allow-private-networks", "--db", database], timeout=90)
        log(f"fetched: {summary.strip()}")

        port = free_port()
        serve_log = open(os.path.join(work, "serve.log"), "w")
        # The script polls the API every 0.1 s while it waits for the page: more than the
        # default 100 requests a minute of an admin key (SPEC 3.7), which is not what it tests.
        environment = dict(os.environ, ROOST_LOG_LEVEL="warning", ROOST_RATE_LIMIT_ADMIN="100000/min")
        serve = subprocess.Popen([roost, "serve", "--port", str(port), "--db", database, "--allow-private-networks"],
                                 stdout=serve_log, stderr=subprocess.STDOUT, env=environment)
        base = f"http://127.0.0.1:{port}"

        def healthy():
            if serve.poll() is not None:
                raise Failure(f"roost serve exited {serve.returncode}; see {serve_log.name}")
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                return response.status == 200
        wait_until(healthy, 30, f"roost serve to answer on {base}/health", interval=0.2)

        driver = start_browser()
        scenario(driver, base, API(base, site, key), screenshot=args.screenshot and os.path.abspath(args.screenshot))
        print("admin-page: PASS", flush=True)
        return 0
    except Failure as failure:
        print(f"admin-page: FAIL: {open_alert(driver) or failure}", file=sys.stderr, flush=True)
        if serve_log is not None:
            serve_log.flush()
            with open(serve_log.name) as f:
                tail = f.read()[-2000:]
            if tail.strip():
                print("admin-page: roost serve log (tail):\n" + tail, file=sys.stderr)
        return 1
    except Exception as error:  # WebDriver and other unexpected errors: a failure with its type
        reason = open_alert(driver) or "unexpected error"
        print(f"admin-page: FAIL: {reason}: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        signal.alarm(0)
        if driver is not None:
            try:
                driver.quit()
            except Exception:
                pass
        if serve is not None and serve.poll() is None:
            serve.terminate()
            try:
                serve.wait(timeout=10)
            except subprocess.TimeoutExpired:
                serve.kill()
                serve.wait(timeout=10)
        if serve_log is not None:
            serve_log.close()
        if feed_server is not None:
            feed_server.shutdown()
            feed_server.server_close()
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
