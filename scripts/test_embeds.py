#!/usr/bin/env python3
"""End-to-end test of embeds (issue 11, SPEC 3.9) in headless Debian chromium through selenium.

It builds a world around a built `roost` binary (scripts/embed_world.py): a loopback feed server
with 45 published posts (PNG images of four aspect ratios, one image that 404s, one post full of
the sanitizer's XSS vectors) and 2 inbox posts, `roost serve`, and embeds created through the
admin API. Then:

1. every layout (wall, grid, masonry, carousel, slideshow) at 360, 768 and 1440 px: posts appear,
   nothing overflows horizontally, loaded images keep their aspect ratio (natural-ratio layouts)
   or are fitted without distortion (object-fit), a screenshot per case goes to --screenshots;
   axe-core (from the axe-selenium-python package, injected with execute_script) finds no
   serious or critical violation (grid and slideshow in the dark preset, the others light);
2. a keyboard-only walk through a wall reaches cards, links and "Load more posts" with a visible
   focus outline; "Load more" walks every published post exactly once, the same ids as the API;
3. the slideshow advances by itself, and under --force-prefers-reduced-motion it does not;
4. a post published through the admin API appears without reload (live polling of `newer`), and a
   hidden post is gone on the next load; `roost serve` stops for 15 s and restarts on the same
   port, and a post published after that still appears without reload (backoff, then recovery);
5. the snippet on a page of another origin with hostile CSS: cards render inside a shadow root,
   the host's CSS does not reach them and theirs does not reach the host;
6. the /admin page's embeds panel creates an embed, previews it and shows its snippet;
7. throughout: no alert() and no marker from the XSS post, no element with an on* attribute or a
   javascript: link inside the embed, no console error (except the intended 404 image), no cookie,
   no request to any host but Roost and the posts' own media host, embed.js + CSS under 20 KB gzipped.

Usage: python3 scripts/test_embeds.py --roost .build/debug/roost [--screenshots DIR]
Exit codes: 0 pass, 1 a check failed, 2 a prerequisite is missing. Every wait is bounded.
"""

import argparse
import os
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from embed_world import (Failure, World, axe_source, check_prerequisites, requested_urls, start_browser,  # noqa: E402
                         wait_until)

LAYOUTS = ["wall", "grid", "masonry", "carousel", "slideshow"]
WIDTHS = [360, 768, 1440]
ROOT = "const h = document.querySelector('[data-roost-embed]'); const r = h && h.shadowRoot;"


def log(message):
    print(f"embeds: {message}", flush=True)


class Checks:
    """The checks every page gets, and the state they share."""

    def __init__(self, world, driver):
        self.world, self.driver = world, driver
        self.allowed_origins = {world.base, world.media}

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def cards(self):
        return self.js(ROOT + "return r ? Array.from(r.querySelectorAll('article[data-id]')).map(a => Number(a.dataset.id)) : [];")

    def open(self, url, minimum=1):
        self.driver.get(url)
        wait_until(lambda: len(self.cards()) >= minimum, 20, f"{minimum} cards at {url}")

    def hostile(self, where):
        from selenium.common.exceptions import NoAlertPresentException
        try:
            text = self.driver.switch_to.alert.text
            raise Failure(f"an alert() fired {where}: {text!r}")
        except NoAlertPresentException:
            pass
        bad = self.js(ROOT + """
            if (!r) return [];
            const out = [];
            for (const el of r.querySelectorAll('*')) {
              for (const a of el.attributes) {
                if (/^on/i.test(a.name)) out.push(el.tagName + ' ' + a.name);
                if (/^\\s*javascript:/i.test(a.value)) out.push(el.tagName + ' ' + a.name + '=' + a.value);
              }
              if (['SCRIPT', 'IFRAME', 'FORM', 'SVG', 'MATH', 'STYLE', 'INPUT'].includes(el.tagName.toUpperCase())) out.push(el.tagName);
            }
            for (const a of r.querySelectorAll('a')) {
              if (!/noopener/.test(a.rel) || !/noreferrer/.test(a.rel)) out.push('a without rel=noopener noreferrer ' + a.href);
              if (!/^(https?:|mailto:)/.test(a.getAttribute('href') || '') || a.href.startsWith(location.origin + location.pathname)) out.push('a link to ' + a.href);
            }
            return out;""")
        if bad:
            raise Failure(f"hostile markup survived {where}: {bad[:8]}")

    def logs(self, where):
        errors = [e for e in self.driver.get_log("browser") if e.get("level") == "SEVERE"
                  and "missing-image.png" not in e.get("message", "")]
        if errors:
            raise Failure(f"console errors {where}: " + "; ".join(e.get("message", "") for e in errors[:5]))
        for url in requested_urls(self.driver):
            if url.startswith("data:") or url.startswith("about:"):
                continue
            origin = "/".join(url.split("/")[:3])
            if origin not in self.allowed_origins:
                raise Failure(f"{where}: a request went to {origin} ({url[:120]}); only Roost and the posts' media host are allowed")
        if self.js("return document.cookie"):
            raise Failure(f"{where}: the page has cookies: {self.js('return document.cookie')!r}")

    def layout(self, layout, width):
        """No horizontal overflow; images keep their aspect ratio; returns (cards, images checked)."""
        return self.js(ROOT + """
            const layout = arguments[0], width = document.documentElement.clientWidth, problems = [];
            if (document.documentElement.scrollWidth > width + 1) problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
            const cards = Array.from(r.querySelectorAll('article'));
            for (const c of cards) {
              const b = c.getBoundingClientRect();
              const inTrack = c.parentElement.classList.contains('track');
              if (!inTrack && (b.left < -1 || b.right > width + 1)) problems.push('card ' + c.dataset.id + ' spans ' + b.left + '..' + b.right);
              if (b.width < 1) problems.push('card ' + c.dataset.id + ' has no width');
            }
            let images = 0;
            for (const img of r.querySelectorAll('.media img')) {
              if (!img.complete || !img.naturalWidth) continue;
              const b = img.getBoundingClientRect();
              if (b.width < 2 || b.height < 2) continue;
              images++;
              const fit = getComputedStyle(img).objectFit, natural = img.naturalWidth / img.naturalHeight, shown = b.width / b.height;
              if (layout === 'wall' || layout === 'masonry') {
                if (Math.abs(shown - natural) / natural > 0.04) problems.push('image ' + img.src.split('/').pop() + ' shown at ' + shown.toFixed(2) + ', natural ' + natural.toFixed(2));
              } else if (fit !== 'cover' && fit !== 'contain') problems.push('image stretched: object-fit ' + fit);
              if (!img.hasAttribute('width') || !img.hasAttribute('height') || img.getAttribute('loading') === null) problems.push('image without width/height/loading');
              if (!img.hasAttribute('alt')) problems.push('image without alt');
            }
            return [cards.length, images, problems];""", layout)

    def axe(self, source, where):
        self.js(source)
        result = self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.length, v.help])),
                                                                 e => done([['axe-error', 'critical', 0, String(e)]]));""")
        serious = [v for v in result if v[1] in ("serious", "critical")]
        if serious:
            raise Failure(f"axe-core {where}: " + "; ".join(f"{v[0]} ({v[1]}, {v[2]} nodes): {v[3]}" for v in serious))
        return result


def viewport(driver, width, height=900):
    """The page's viewport in CSS pixels (a headless window cannot be narrower than 500 px)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def layouts(world, driver, checks, shots, axe):
    for layout in LAYOUTS:
        # The dark preset on two layouts, so axe-core checks the contrast of both presets.
        theme = {"preset": "dark" if layout in ("grid", "slideshow") else "light"}
        embed = world.embed(name=f"{layout.title()} test", layout=layout, count=12, slideInterval=3, theme=theme)
        for width in WIDTHS:
            viewport(driver, width)
            checks.open(f"{world.base}/embed/{embed['uuid']}")
            time.sleep(0.8)  # images in view load; natural-ratio boxes settle
            count, images, problems = checks.layout(layout, width)
            if problems:
                raise Failure(f"{layout} at {width}px: " + "; ".join(problems[:6]))
            if layout != "slideshow" and images == 0:
                raise Failure(f"{layout} at {width}px: no image loaded in view")
            path = os.path.join(shots, f"{layout}-{width}.png")
            driver.save_screenshot(path)
            violations = checks.axe(axe, f"on {layout} at {width}px") if width in (360, 1440) else []
            checks.hostile(f"on {layout} at {width}px")
            checks.logs(f"on {layout} at {width}px")
            log(f"{layout} at {width}px: {count} cards, {images} images checked, axe minor issues {len(violations)}, {path}")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def keyboard_and_walk(world, driver, checks):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    driver.set_window_size(1440, 900)
    embed = world.embed(name="Keyboard wall", layout="wall", count=10, live={"enabled": False})
    checks.open(f"{world.base}/embed/{embed['uuid']}")
    seen, kinds = [], set()
    for _ in range(80):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = checks.js(ROOT + """
            const a = r.activeElement; if (!a) return null;
            const s = getComputedStyle(a);
            return [a.tagName, a.className, a.dataset.id || (a.closest('[data-id]') || {dataset: {}}).dataset.id || '', s.outlineStyle, s.outlineWidth, a.textContent.slice(0, 30)];""")
        if not focused:
            continue
        tag, cls, post, outline, outline_width, text = focused
        if outline == "none" or outline_width in ("0px", ""):
            raise Failure(f"focus on {tag}.{cls} ({text!r}) has no visible outline")
        kinds.add(tag if tag != "BUTTON" else text.strip())
        if tag == "ARTICLE":
            seen.append(int(post))
        if "Load more posts" in kinds:
            break
    if len(seen) < 5 or "A" not in kinds or "Load more posts" not in kinds:
        raise Failure(f"a keyboard walk reached cards {seen}, kinds {sorted(kinds)}; expected cards, links and Load more")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_until(lambda: len(checks.cards()) > 10, 10, "Enter on Load more to add cards")
    log(f"keyboard: {len(seen)} cards, links and Load more reached with visible focus; Enter loaded more")

    read_key = world.call("GET", f"/embed/{embed['uuid']}/config", key=False)[1]["embed"]["readKey"]
    expected = world.walk(read_key, count=10)
    for _ in range(30):
        more = checks.js(ROOT + "const b = r.querySelector('.more'); if (!b || b.hidden) return false; b.click(); return true;")
        if not more:
            break
        time.sleep(0.4)
    ids = checks.cards()
    if len(ids) != len(set(ids)):
        raise Failure(f"load more showed a post twice: {sorted(i for i in ids if ids.count(i) > 1)}")
    if sorted(ids) != sorted(expected):
        raise Failure(f"load more showed {len(ids)} posts, the API walk has {len(expected)}: missing {sorted(set(expected) - set(ids))[:10]}")
    if ids != expected:
        raise Failure("load more showed the posts in another order than the API")
    checks.hostile("after load more")
    checks.logs("after load more")
    log(f"load more: every one of {len(ids)} published posts exactly once, in the API's order")


def slideshow(world, checks, reduced):
    embed = world.embed(name="Event screen", layout="slideshow", count=10, slideInterval=3)
    position = ROOT + "const p = r && r.querySelector('.controls .meta'); return p ? p.textContent : '';"
    checks.open(f"{world.base}/embed/{embed['uuid']}")
    first = checks.js(position)
    if reduced is None:
        wait_until(lambda: checks.js(position) != first, 10, "the slideshow to advance by itself")
        label = checks.js(ROOT + "return r.querySelector('.controls button:nth-child(2)').getAttribute('aria-label');")
        if label != "Pause slideshow":
            raise Failure(f"the slideshow's pause button is labelled {label!r}")
        checks.js(ROOT + "r.querySelector('.controls button:nth-child(2)').click();")
        paused = checks.js(position)
        time.sleep(7)
        if checks.js(position) != paused:
            raise Failure("the slideshow kept advancing after Pause")
        log(f"slideshow: advanced from {first} by itself, Pause held it at {paused}")
    else:
        time.sleep(7)
        now = checks.js(position)
        label = checks.js(ROOT + "return r.querySelector('.controls button:nth-child(2)').getAttribute('aria-label');")
        if now != first or label != "Play slideshow":
            raise Failure(f"with reduced motion the slideshow moved from {first} to {now} (button {label!r})")
        animated = checks.js(ROOT + "return getComputedStyle(r.querySelector('article')).animationName;")
        if animated not in ("none", ""):
            raise Failure(f"with reduced motion the slide still animates ({animated})")
        log(f"slideshow with prefers-reduced-motion: stayed at {now} for 7 s, button offers Play, no animation")
    checks.hostile("on the slideshow")
    checks.logs("on the slideshow")


def live(world, driver, checks):
    driver.set_window_size(1440, 900)
    embed = world.embed(name="Live wall", layout="wall", count=20, live={"enabled": True, "interval": 10})
    checks.open(f"{world.base}/embed/{embed['uuid']}")
    inbox = world.call("GET", f"/v2/{world.site}/inbox?count=10")[1]["posts"]
    if not inbox:
        raise Failure("the inbox feed left no post to publish")
    target = inbox[0]["flocklerId"]
    status, body, _ = world.call("POST", f"/v2/{world.site}/posts/{target}/publish")
    if status != 200:
        raise Failure(f"publishing {target} answered {status}: {body}")
    checks.js("window.__noReload = 1;")
    wait_until(lambda: target in checks.cards(), 40, f"post {target}, published through the API, to appear without reload")
    if not checks.js("return window.__noReload === 1;"):
        raise Failure("the page reloaded to show the new post")
    announced = checks.js(ROOT + "return r.querySelector('[aria-live=polite]').textContent;")
    if "new post" not in announced:
        raise Failure(f"the new post was not announced politely (live region: {announced!r})")
    if checks.cards()[0] != target:
        raise Failure(f"the new post is not at the top: {checks.cards()[:3]}")
    log(f"live: post {target} published through the API appeared at the top without reload, announced {announced!r}")
    victim = checks.cards()[1]
    status, body, _ = world.call("POST", f"/v2/{world.site}/posts/{victim}/hide")
    if status != 200:
        raise Failure(f"hiding {victim} answered {status}: {body}")
    time.sleep(1.2)  # the page cache lives at most a second
    checks.open(f"{world.base}/embed/{embed['uuid']}")
    if victim in checks.cards():
        raise Failure(f"hidden post {victim} still shows after a reload")
    checks.logs("on the live wall")
    log(f"live: hidden post {victim} is gone on the next load")

    # The server goes away for a while and comes back on the same address: polling backs off,
    # then resumes, and a post published meanwhile still arrives without a reload.
    world.stop_serve()
    time.sleep(15)
    world.start_serve(port=int(world.base.rsplit(":", 1)[1]))
    inbox = world.call("GET", f"/v2/{world.site}/inbox?count=10")[1]["posts"]
    if inbox:
        late = inbox[0]["flocklerId"]
        world.call("POST", f"/v2/{world.site}/posts/{late}/publish")
        wait_until(lambda: late in checks.cards(), 90, f"post {late}, published after the server came back, to appear without reload")
        log(f"offline: the server was away 15 s; polling recovered and post {late} appeared without reload")
    driver.get_log("browser")  # the refused connections while the server was away are expected
    requested_urls(driver)


HOST_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title><link rel="icon" href="data:,">
<style>* {{ color: rgb(255, 0, 0) !important; font-size: 40px !important; }} article, .card {{ display: none !important; }}
img {{ width: 3px !important; }} button {{ visibility: hidden !important; }}</style></head>
<body><main><h1>A customer's page</h1><p class="card r" id="host-card">Host paragraph</p>
<div data-roost-embed="{uuid}"></div></main>
<script src="{base}/embed.js" async></script></body></html>"""


def host_page(world, driver, checks):
    driver.set_window_size(1024, 900)
    embed = world.embed(name="Snippet wall", layout="grid", count=8)
    with open(os.path.join(world.www, "host.html"), "w") as f:
        f.write(HOST_PAGE.format(uuid=embed["uuid"], base=world.base))
    checks.open(f"{world.media}/host.html")
    styles = checks.js(ROOT + """
        const card = r.querySelector('article'), s = getComputedStyle(card), img = r.querySelector('.media img');
        const host = getComputedStyle(document.getElementById('host-card'));
        return [s.display, s.color, s.fontSize, img ? img.getBoundingClientRect().width : -1, host.borderRadius, host.backgroundColor, host.padding];""")
    display, color, size, image_width, host_radius, host_background, host_padding = styles
    if display == "none" or color == "rgb(255, 0, 0)" or size == "40px" or 0 <= image_width < 20:
        raise Failure(f"the host page's CSS reached the cards: display {display}, color {color}, font-size {size}, image width {image_width}")
    if host_radius != "0px" or host_padding != "0px" or host_background not in ("rgba(0, 0, 0, 0)", "transparent"):
        raise Failure(f"the embed's CSS reached the host page: radius {host_radius}, padding {host_padding}, background {host_background}")
    checks.hostile("on a host page")
    checks.logs("on a host page")
    log("snippet on another origin: cards render in a shadow root; hostile host CSS does not reach them, theirs does not leak out")


def admin_panel(world, driver, checks):
    from selenium.webdriver.common.by import By
    driver.set_window_size(1280, 1400)
    driver.get(world.base + "/admin")
    driver.find_element(By.ID, "site").send_keys(world.site)
    driver.find_element(By.ID, "key").send_keys(world.key)
    driver.find_element(By.ID, "open").click()
    wait_until(lambda: driver.find_element(By.ID, "embeds-panel").is_displayed(), 15, "the admin page's embeds panel")
    name = driver.find_element(By.ID, "embed-name")
    name.clear()
    name.send_keys("Made in admin")
    driver.find_element(By.CSS_SELECTOR, "#embed-layout option[value=carousel]").click()
    driver.find_element(By.ID, "embed-create").click()
    wait_until(lambda: "Made in admin" in driver.find_element(By.ID, "embed-list").text, 15, "the new embed in the admin list")
    preview = driver.find_element(By.ID, "embed-preview")
    source = preview.get_attribute("src") or ""
    if not preview.is_displayed() or "/embed/" not in source:
        raise Failure(f"the admin panel shows no live preview (src {source!r})")
    row = [r for r in driver.find_elements(By.CSS_SELECTOR, ".embed-row") if "Made in admin" in r.text][0]
    snippet = row.find_element(By.CSS_SELECTOR, ".embed-snippet").get_attribute("value")
    if "data-roost-embed=" not in snippet or "/embed.js" not in snippet or world.key in snippet:
        raise Failure(f"the snippet is wrong: {snippet!r}")
    driver.switch_to.frame(preview)
    wait_until(lambda: len(checks.cards()) > 0, 20, "cards in the admin preview frame")
    driver.switch_to.default_content()
    row.find_element(By.CSS_SELECTOR, ".embed-copy").click()
    wait_until(lambda: "copied" in driver.find_element(By.ID, "embed-status").text, 5, "the copy confirmation")
    checks.logs("on the admin page")
    log(f"admin: created a carousel in the panel, previewed it live, snippet {snippet.splitlines()[0]!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roost", required=True, help="the built roost binary")
    parser.add_argument("--screenshots", default="/tmp/roost-embed-screenshots", help="folder for the layout screenshots")
    parser.add_argument("--timeout", type=int, default=900, help="fail if the whole test takes longer (seconds)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    roost = os.path.abspath(args.roost)
    if not os.access(roost, os.X_OK):
        print(f"embeds: FAIL: {roost} is not an executable roost binary", file=sys.stderr)
        return 2
    missing = check_prerequisites()
    if missing:
        print("embeds: FAIL: missing " + ", ".join(missing), file=sys.stderr)
        return 2

    def on_alarm(signum, frame):
        raise Failure(f"the whole test took longer than {args.timeout}s")
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(args.timeout)
    work = tempfile.mkdtemp(prefix="roost-embeds-")
    os.makedirs(args.screenshots, exist_ok=True)
    world = driver = reduced = None
    try:
        world = World(roost, work, log=log)
        sizes = world.asset_sizes()
        total = sum(gz for _, gz in sizes.values())
        log("sizes: " + ", ".join(f"{n} {raw} B ({gz} B gzipped)" for n, (raw, gz) in sizes.items()) + f"; together {total} B gzipped")
        if total > 20 * 1024:
            raise Failure(f"embed.js + embed.css are {total} bytes gzipped, over 20 KB")
        for path in ("/embed.js", "/embed.css"):
            _, _, headers = world.call("GET", path, key=False, raw=True)
            if headers.get("Set-Cookie"):
                raise Failure(f"{path} sets a cookie")
        driver = start_browser()
        checks = Checks(world, driver)
        layouts(world, driver, checks, os.path.abspath(args.screenshots), axe_source())
        keyboard_and_walk(world, driver, checks)
        slideshow(world, checks, None)
        reduced = start_browser(reduced_motion=True)
        slideshow(world, Checks(world, reduced), True)
        live(world, driver, checks)
        host_page(world, driver, checks)
        admin_panel(world, driver, checks)
        print(f"embeds: PASS (screenshots in {args.screenshots})", flush=True)
        return 0
    except Failure as failure:
        print(f"embeds: FAIL: {failure}", file=sys.stderr, flush=True)
        if world is not None and world.serve_log is not None:
            world.serve_log.flush()
            with open(world.serve_log.name) as f:
                tail = f.read()[-2000:]
            if tail.strip():
                print("embeds: roost serve log (tail):\n" + tail, file=sys.stderr)
        return 1
    except Exception as error:  # WebDriver and other unexpected errors fail the test with their type
        print(f"embeds: FAIL: unexpected error: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        signal.alarm(0)
        for browser in (driver, reduced):
            if browser is not None:
                try:
                    browser.quit()
                except Exception:
                    pass
        if world is not None:
            world.close()
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
