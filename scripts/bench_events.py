#!/usr/bin/env python3
"""Events benchmark (issue 12): what recording changes costs cold ingest, and how fast
webhooks are delivered, as ratios within one sitting.

Cold ingest (`roost fetch --once` over the corpus on loopback, auto_publish) three ways, each
on a fresh database, interleaved `--runs` times:
  baseline:  the change-feed and outbox triggers dropped from the database (no events at all)
  changes:   as shipped: every published post recorded in the change feed
  webhook:   as shipped with one active webhook subscribed to every post event (an outbox row per change)
It prints posts/s of each and the overhead against the baseline.

Deliveries: `roost serve` with a local receiver (answers 204 at once) and one webhook; the
changes of the ingested corpus are delivered and timed: deliveries/s.

    python3 ../shared/bench/make_corpus.py --out /tmp/roost-corpus
    swift build -c release
    python3 scripts/bench_events.py --corpus /tmp/roost-corpus
"""
import argparse, glob, json, os, socket, sqlite3, statistics, subprocess, sys, tempfile, threading, time, urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRIGGERS = ["changes_post_insert", "changes_post_delete", "changes_post_state", "changes_post_pin", "changes_post_content",
            "webhook_outbox_change", "webhook_outbox_feed_health"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(args):
    started = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return time.perf_counter() - started, out


class Receiver:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    receiver.count += 1
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def prepare(roost, feeds, port, variant, receiver_url):
    work = tempfile.mkdtemp(prefix=f"roost-bench-events-{variant}-")
    db = os.path.join(work, "events.sqlite")
    opml = os.path.join(work, "feeds.opml")
    outlines = "".join(f'<outline text="{os.path.basename(f)}" xmlUrl="http://127.0.0.1:{port}/feeds/{os.path.basename(f)}"/>' for f in feeds)
    open(opml, "w").write(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')
    created = json.loads(run([roost, "sites", "create", "--name", "bench", "--db", db])[1])
    run([roost, "feeds", "import", "--site", created["uuid"], opml, "--db", db, "--allow-private-networks", "--moderation", "auto_publish"])
    with sqlite3.connect(db) as connection:
        if variant == "baseline":
            for trigger in TRIGGERS:
                connection.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        if variant == "webhook":
            site_id = connection.execute("SELECT id FROM sites").fetchone()[0]
            events = json.dumps(["post.published", "post.updated", "post.unpublished", "post.pinned", "post.unpinned"])
            connection.execute("INSERT INTO webhooks (uuid, site_id, url, events, active, secret, created_at, updated_at) "
                               "VALUES ('bench', ?, ?, ?, 1, 'whsec_YmVuY2hiZW5jaGJlbmNoYmVuY2g=', 0, 0)", (site_id, receiver_url, events))
    return db, created


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--roost", default=os.path.join(ROOT, ".build/release/roost"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    feeds = sorted(glob.glob(os.path.join(args.corpus, "feeds", "*.xml")) + glob.glob(os.path.join(args.corpus, "feeds", "*.json")))
    port = free_port()
    origin = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", args.corpus],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    receiver = Receiver()
    rates = {"baseline": [], "changes": [], "webhook": []}
    delivery = None
    try:
        time.sleep(1)
        for _ in range(args.runs):
            for variant in rates:
                db, created = prepare(args.roost, feeds, port, variant, receiver.url)
                seconds, out = run([args.roost, "fetch", "--once", "--db", db, "--allow-private-networks"])
                posts = json.loads(out)["newPosts"]
                rates[variant].append(posts / seconds)
                if variant == "webhook" and delivery is None:
                    delivery = deliver(args.roost, db, receiver)
    finally:
        origin.terminate()
    medians = {variant: statistics.median(values) for variant, values in rates.items()}
    report = {
        "feeds": len(feeds),
        "postsPerSecond": {variant: round(value) for variant, value in medians.items()},
        "changesOverhead": round(1 - medians["changes"] / medians["baseline"], 3),
        "webhookOverhead": round(1 - medians["webhook"] / medians["baseline"], 3),
        "deliveries": delivery,
    }
    print(json.dumps(report, indent=2))


def deliver(roost, db, receiver):
    """Serves the database whose outbox holds the corpus's changes and times their delivery."""
    with sqlite3.connect(db) as connection:
        pending = connection.execute("SELECT COUNT(*) FROM webhook_outbox WHERE state = 'pending'").fetchone()[0]
    before = receiver.count
    port = free_port()
    server = subprocess.Popen([roost, "serve", "--db", db, "--port", str(port), "--allow-private-networks"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, ROOST_FETCH_WORKERS="1"))
    started = time.perf_counter()
    try:
        deadline = started + 600
        while receiver.count - before < pending and time.perf_counter() < deadline:
            time.sleep(0.05)
        seconds = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    delivered = receiver.count - before
    return {"pending": pending, "delivered": delivered, "seconds": round(seconds, 2), "deliveriesPerSecond": round(delivered / seconds)}


if __name__ == "__main__":
    main()
