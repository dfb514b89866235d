#!/usr/bin/env python3
"""Ingest benchmark: `roost fetch --once` over the feed corpus served on loopback.

Serves CORPUS/feeds with `python3 -m http.server` on 127.0.0.1, imports every feed into a
fresh database (private networks allowed: the server is on loopback), then times
  cold: the first `roost fetch --once` (fetch + parse + store every post), posts/s
  warm: a second pass where every feed answers 304, feeds/s
With --reader, also runs lemon24's `reader` on the same corpus in the same sitting
(`../shared/bench/peers.py reader`) and prints the ratio.

    python3 ../shared/bench/make_corpus.py --out /tmp/roost-corpus
    swift build -c release
    python3 scripts/bench_ingest.py --corpus /tmp/roost-corpus [--reader --python /tmp/venv-bench/bin/python]
    python3 scripts/bench_ingest.py --corpus /tmp/roost-corpus --moderation ai_moderation --rules builtin

--moderation sets the feeds' moderation type (default auto_publish); --rules builtin gives the
site every built-in rule (profanity, spam with its near-duplicate check, scam) as score rules,
written to the database before the first fetch, the way `PUT /v2/:site/moderation/rules` stores them.
"""
import argparse, glob, json, os, socket, sqlite3, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


BUILTIN_RULES = {"rules": [
    {"id": "profanity", "type": "profanity", "action": "score", "weight": 0.8},
    {"id": "spam", "type": "spam", "action": "score", "weight": 0.8, "threshold": 0.6},
    {"id": "scam", "type": "scam", "action": "score", "weight": 0.8, "threshold": 0.6},
], "thresholds": {"publish": 0.3, "hide": 0.7}}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(args, env=None):
    started = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, env=env, check=True).stdout
    return time.perf_counter() - started, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--roost", default=os.path.join(ROOT, ".build/release/roost"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reader", action="store_true", help="also time lemon24's reader (peers.py) now")
    parser.add_argument("--python", default=sys.executable, help="the Python with reader installed")
    parser.add_argument("--out")
    parser.add_argument("--moderation", default="auto_publish", choices=["auto_publish", "ai_moderation", "saved_to_inbox"])
    parser.add_argument("--rules", default="none", choices=["none", "builtin"], help="builtin: every built-in rule, as score rules")
    args = parser.parse_args()

    feeds = sorted(glob.glob(os.path.join(args.corpus, "feeds", "*.xml")) + glob.glob(os.path.join(args.corpus, "feeds", "*.json")))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", args.corpus],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = {"feeds": len(feeds), "cold": [], "warm": []}
    try:
        time.sleep(1)
        for _ in range(args.runs):
            work = tempfile.mkdtemp(prefix="roost-bench-ingest-")
            db = os.path.join(work, "ingest.sqlite")
            opml = os.path.join(work, "feeds.opml")
            outlines = "".join(f'<outline text="{os.path.basename(f)}" xmlUrl="http://127.0.0.1:{port}/feeds/{os.path.basename(f)}"/>'
                               for f in feeds)
            open(opml, "w").write(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')
            site = json.loads(run([args.roost, "sites", "create", "--name", "bench", "--db", db])[1])["uuid"]
            run([args.roost, "feeds", "import", "--site", site, opml, "--db", db, "--allow-private-networks", "--moderation", args.moderation])
            if args.rules == "builtin":
                with sqlite3.connect(db) as connection:
                    connection.execute("INSERT OR REPLACE INTO moderation_rules (site_id, rules, updated_at) SELECT id, ?, 0 FROM sites",
                                       (json.dumps(BUILTIN_RULES, sort_keys=True),))
            seconds, out = run([args.roost, "fetch", "--once", "--db", db, "--allow-private-networks"])
            summary = json.loads(out)
            results["cold"].append({"seconds": seconds, "posts": summary["newPosts"], "postsPerSecond": summary["newPosts"] / seconds,
                                    "failed": summary["failed"]})
            with sqlite3.connect(db) as connection:
                connection.execute("UPDATE feeds SET next_fetch_at = NULL")
            seconds, out = run([args.roost, "fetch", "--once", "--db", db, "--allow-private-networks"])
            summary = json.loads(out)
            results["warm"].append({"seconds": seconds, "notModified": summary["notModified"],
                                    "feedsPerSecond": summary["feeds"] / seconds})
    finally:
        server.terminate()
        server.wait()

    median = lambda xs: sorted(xs)[len(xs) // 2]
    cold = median([r["postsPerSecond"] for r in results["cold"]])
    warm = median([r["feedsPerSecond"] for r in results["warm"]])
    results["coldPostsPerSecond"] = cold
    results["warmFeedsPerSecond"] = warm
    print(f"moderation: {args.moderation}, rules: {args.rules}")
    print(f"cold ingest: {cold:,.0f} posts/s (median of {args.runs}; {results['cold'][0]['posts']} posts, "
          f"{results['cold'][0]['failed']} failed feeds)")
    print(f"warm pass (304s): {warm:,.0f} feeds/s ({results['warm'][0]['notModified']} of {len(feeds)} answered 304)")
    if args.reader:
        peers = os.path.join(ROOT, "..", "shared", "bench", "peers.py")
        out_file = os.path.join(tempfile.mkdtemp(), "reader.json")
        subprocess.run([args.python, peers, "reader", "--corpus", args.corpus, "--workers", "1", "--out", out_file], check=True,
                       stdout=subprocess.DEVNULL)
        reader = json.load(open(out_file))
        results["reader"] = reader
        print(json.dumps(reader)[:600])
    if args.out:
        json.dump(results, open(args.out, "w"), indent=2)


if __name__ == "__main__":
    main()
