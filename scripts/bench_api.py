#!/usr/bin/env python3
"""Load test of GET /v2/:site/posts against a fixed-body baseline, in one sitting.

Seeds a database (`roost bench seed`), serves it with `roost serve` pinned to core 0, serves a
fixed pre-encoded body of the same size with `roost bench serve-fixed` (same Hummingbird
server), and loads each with wrk pinned to core 1. Reports requests/s, p50/p99 and the
ratio to the baseline, for: the first page, a tag-filtered page, a deep cursor page and
random order; with the page cache on (the default) and off (ROOST_PAGE_CACHE=0).

    apt-get install -y wrk
    swift build -c release
    python3 scripts/bench_api.py --posts 1000000 --sites 100      # about 3 minutes to seed
    python3 scripts/bench_api.py --posts 10000 --sites 100

Everything runs on 127.0.0.1; every load is bounded by --duration.
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def wait_for(url, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except Exception:
            time.sleep(0.1)
    raise SystemExit(f"server at {url} did not come up")


def fetch(url, key):
    request = urllib.request.Request(url, headers={"X-FL-API-Key": key})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def wrk(url, key, duration, connections):
    out = subprocess.run(["taskset", "-c", "1", "wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency",
                          "-H", f"X-FL-API-Key: {key}", url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50_ms": latency("50"), "p99_ms": latency("99"), "non2xx": int(errors.group(1)) if errors else 0}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--roost", default=os.path.join(ROOT, ".build/release/roost"))
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--sites", type=int, default=100)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--deep-pages", type=int, default=100, help="how many pages deep the cursor page is")
    parser.add_argument("--db", help="reuse a seeded database (with its seed JSON beside it as DB.json)")
    parser.add_argument("--out")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")

    workdir = tempfile.mkdtemp(prefix="roost-bench-api-")
    db = args.db or os.path.join(workdir, "bench.sqlite")
    seed_file = db + ".json"
    if not os.path.exists(seed_file):
        started = time.time()
        seeded = subprocess.run([args.roost, "bench", "seed", "--db", db, "--sites", str(args.sites), "--posts", str(args.posts)],
                                capture_output=True, text=True, check=True).stdout
        open(seed_file, "w").write(seeded)
        print(f"seeded {args.posts} posts in {time.time() - started:.0f} s", file=sys.stderr)
    seed = json.load(open(seed_file))
    site = seed["sites"][len(seed["sites"]) // 2]
    results = {"posts": seed["posts"], "sites": len(seed["sites"]), "connections": args.connections, "runs": {}}

    for cache in ("on", "off"):
        # A read key's budget far above what wrk can send: the limiter's cost is measured, its
        # 429s are not (SPEC 3.7; the default is 12000/min per key).
        env = dict(os.environ, ROOST_PAGE_CACHE="1" if cache == "on" else "0", ROOST_LOG_LEVEL="error",
                   ROOST_RATE_LIMIT_READ="1000000/s")
        server = subprocess.Popen(["taskset", "-c", "0", args.roost, "serve", "--db", db, "--port", "18080"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:18080/v2/{site['uuid']}/posts"
            wait_for("http://127.0.0.1:18080/health")
            first = fetch(base + "?count=20", site["readKey"])
            urls = {"first page": base + "?count=20", "tag filter": base + "?count=20&filterByTags[]=sport"}
            page = json.loads(first)
            for _ in range(args.deep_pages):
                older = page["pagination"]["older"]
                if not older:
                    break
                page = json.loads(fetch(older, site["readKey"]))
            urls["deep cursor"] = page["pagination"]["newer"].replace("newerThanCursor", "olderThanCursor")
            # Random order last: its slow requests leave a backlog that would spill into the next run.
            urls["random"] = base + "?count=20&order=random"
            if cache == "on":
                fixed = subprocess.Popen(["taskset", "-c", "0", args.roost, "bench", "serve-fixed", "--bytes", str(len(first)),
                                          "--port", "18081"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                server.terminate(); server.wait()
                try:
                    wait_for("http://127.0.0.1:18081/fixed")
                    results["baseline"] = wrk("http://127.0.0.1:18081/fixed", "x", args.duration, args.connections)
                    results["baseline"]["bytes"] = len(first)
                finally:
                    fixed.terminate(); fixed.wait()
                server = subprocess.Popen(["taskset", "-c", "0", args.roost, "serve", "--db", db, "--port", "18080"], env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                wait_for("http://127.0.0.1:18080/health")
            # A short untimed warm-up run first, so no figure pays for the server's first seconds.
            wrk(urls["first page"], site["readKey"], 2, args.connections)
            for name, url in urls.items():
                measured = wrk(url, site["readKey"], args.duration, args.connections)
                measured["ratio_to_baseline"] = round(measured["rps"] / results["baseline"]["rps"], 3)
                results["runs"][f"{name} (cache {cache})"] = measured
        finally:
            server.terminate(); server.wait()

    print(json.dumps(results, indent=2))
    if args.out:
        open(args.out, "w").write(json.dumps(results, indent=2))
    print(f"\n{'what':28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs fixed':>9}")
    b = results["baseline"]
    print(f"{'fixed body (baseline)':28} {b['rps']:9.0f} {b['p50_ms']:8.2f} {b['p99_ms']:8.2f} {'1.000':>9}")
    for name, r in results["runs"].items():
        print(f"{name:28} {r['rps']:9.0f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f} {r['ratio_to_baseline']:9.3f}")


if __name__ == "__main__":
    main()
