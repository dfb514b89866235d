#!/usr/bin/env python3
"""Benchmark of the embed (issue 11) against a static page of the same cards.

A world of 1,000 published posts (scripts/embed_world.py: loopback feed server, `roost serve`),
a wall embed of 20 posts a page, headless Debian chromium at 1440x900 on loopback. Per run:

- time to first card and to 100 cards (the page scrolls itself to the bottom every frame, so the
  wall's infinite scroll walks `older` links), measured in the page from navigation start;
- bytes transferred until 100 cards (CDP `Network.loadingFinished`, encoded bytes);
- DOM nodes (document plus shadow root) after the wall has loaded all 1,000 posts.

The baseline is a static HTML page of the same cards, the same stylesheet and the same images,
written from the posts API's answer and served by the loopback file server: no script at all.
Prints medians of --runs runs and the ratios embed / static as JSON. Timings are reported, never
asserted.

Usage: python3 scripts/bench_embed.py --roost .build/release/roost [--runs 3] [--posts 1000]
"""

import argparse
import html
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from embed_world import Failure, World, check_prerequisites, start_browser, wait_until  # noqa: E402

# Installed before any page script: records when 1 and 100 cards exist (light DOM or the embed's
# shadow root), scrolling to the bottom every frame until `window.__target` cards are there.
PROBE = """
window.__marks = {};
window.__target = 100;
(function frame() {
  const h = document.querySelector('[data-roost-embed]');
  const root = h && h.shadowRoot ? h.shadowRoot : document;
  const n = root.querySelectorAll('article').length;
  if (n >= 1 && !window.__marks.first) window.__marks.first = performance.now();
  if (n >= 100 && !window.__marks.hundred) window.__marks.hundred = performance.now();
  if (document.body && (n < window.__target)) window.scrollTo(0, document.documentElement.scrollHeight);
  requestAnimationFrame(frame);
})();
"""

# Whether the wall has walked every `older` link (its "Load more" button is gone).
DONE = "const h = document.querySelector('[data-roost-embed]'); const m = h.shadowRoot.querySelector('.more'); return !!m && m.hidden;"

NODES = """
const h = document.querySelector('[data-roost-embed]');
const inner = h && h.shadowRoot ? h.shadowRoot.querySelectorAll('*').length : 0;
return document.querySelectorAll('*').length + inner;
"""


def static_page(world, posts, style):
    """The same cards as plain HTML: the baseline."""
    cards = []
    for p in posts:
        image = p["images"][0] if p["images"] else None
        author = (p.get("from") or {}).get("name") or "Post"
        media = (f'<div class="media"><img src="{html.escape(image["url"])}" alt="{html.escape(image.get("altText") or "Image from " + author)}"'
                 f' width="800" height="600" loading="lazy" decoding="async"></div>') if image else ""
        cards.append(f'<article class="card" tabindex="0" data-id="{p["flocklerId"]}"><div class="by"><div class="who"><h3 class="name">'
                     f'{html.escape(author)}</h3></div><span class="ch">{p["channel"]}</span></div>{media}<div class="tx"><p>'
                     f'{html.escape((p.get("textPlain") or "")[:400])}</p></div><div class="ft"><time datetime="{p["publishedAt"]}">'
                     f'{p["publishedAt"][:10]}</time><a class="open" href="{html.escape(p["sourceUrl"] or "#")}" target="_blank"'
                     f' rel="noopener noreferrer">Open post</a></div></article>')
    page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            f'<title>Static wall</title><link rel="stylesheet" href="{style}"></head><body class="roost-page"><main>'
            f'<section class="r wall"><h2 class="hd">Static wall</h2><div class="feed"><div class="chunk">{"".join(cards)}'
            f'</div></div></section></main></body></html>')
    with open(os.path.join(world.www, "static.html"), "w", encoding="utf-8") as f:
        f.write(page)
    return f"{world.media}/static.html"


def transferred(driver):
    total = 0
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if message.get("method") == "Network.loadingFinished":
            total += int(message["params"].get("encodedDataLength", 0))
    return total


def measure(driver, url, all_posts, embed):
    driver.get_log("performance")
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})
    driver.get(url)
    wait_until(lambda: driver.execute_script("return window.__marks.hundred"), 120, f"100 cards at {url}", interval=0.05)
    marks = driver.execute_script("return window.__marks")
    size = transferred(driver)
    if embed:
        driver.execute_script("window.__target = 1e9;")
        wait_until(lambda: driver.execute_script(DONE), 300, "the wall to load every post", interval=0.2)
        wait_until(lambda: driver.execute_script("const h = document.querySelector('[data-roost-embed]');"
                                                 " return h.shadowRoot.querySelectorAll('.chunk').length") * 20 >= all_posts - 20,
                   60, "all chunks", interval=0.2)
        time.sleep(0.5)
    nodes = driver.execute_script(NODES)
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    return {"first_card_ms": marks["first"], "hundred_cards_ms": marks["hundred"], "bytes_to_100": size, "dom_nodes_all": nodes}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roost", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--posts", type=int, default=1000)
    args = parser.parse_args()
    missing = check_prerequisites()
    if missing:
        print("bench-embed: missing " + ", ".join(missing), file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="roost-bench-embed-")
    world = driver = None
    try:
        world = World(os.path.abspath(args.roost), work, posts=args.posts, inbox=0, log=lambda m: print(f"bench-embed: {m}", file=sys.stderr))
        embed = world.embed(name="Bench wall", layout="wall", count=20, live={"enabled": False})
        read_key = world.call("GET", f"/embed/{embed['uuid']}/config", key=False)[1]["embed"]["readKey"]
        ids = world.walk(read_key)
        posts = []
        url = f"/v2/{world.site}/posts?count=100"
        while url:
            body = world.call("GET", url, key=read_key)[1]
            posts += body["posts"]
            url = body["pagination"]["older"][len(world.base):] if body["pagination"]["older"] else None
        style = world.call("GET", f"/embed/{embed['uuid']}/config", key=False)[1]["embed"]["styleUrl"]
        static = static_page(world, posts, style)
        driver = start_browser(1440, 900)
        results = {"embed": [], "static": []}
        for _ in range(args.runs):
            results["embed"].append(measure(driver, f"{world.base}/embed/{embed['uuid']}", len(ids), True))
            results["static"].append(measure(driver, static, len(ids), False))
        median = {kind: {k: statistics.median(r[k] for r in runs) for k in runs[0]} for kind, runs in results.items()}
        ratios = {k: round(median["embed"][k] / median["static"][k], 2) if median["static"][k] else None for k in median["embed"]}
        sizes = world.asset_sizes()
        report = {"posts": len(ids), "runs": args.runs, "embed": median["embed"], "static": median["static"], "ratio_embed_to_static": ratios,
                  "assets": {name: {"bytes": raw, "gzip": gz} for name, (raw, gz) in sizes.items()}}
        print(json.dumps(report, indent=2))
        return 0
    except Failure as failure:
        print(f"bench-embed: FAIL: {failure}", file=sys.stderr)
        return 1
    finally:
        if driver is not None:
            driver.quit()
        if world is not None:
            world.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
