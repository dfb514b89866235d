#!/usr/bin/env python3
"""Change feed and webhooks end to end through the real binary (SPEC 3.8, issue 12).

    python3 scripts/test_events_e2e.py --roost .build/debug/roost

A local receiver verifies every Standard Webhooks signature and answers 500 to the first
delivery; a local origin serves two feeds. `roost serve` ingests them, an operator hides,
publishes, pins, unpins and edits tags, a rule set is re-evaluated, a feed's origin breaks,
and `roost serve` is killed with SIGKILL while a delivery is in flight and started again.
Passes when the receiver saw every change of the change feed, in the change feed's order,
the 500'd delivery again under the same webhook-id, the in-flight one again after the
restart, and feed.health_changed. Exits 1 on any failure.
"""
import argparse, base64, hashlib, hmac, json, os, signal, socket, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class Receiver:
    """Records deliveries; answers 500 to the very first; can hold one delivery for a while."""

    def __init__(self):
        self.lock = threading.Lock()
        self.deliveries = []   # (webhook-id, type, data, signature ok)
        self.failed_first = None
        self.hold_seconds = 0.0
        self.held = None
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                message_id = self.headers.get("webhook-id", "")
                payload = json.loads(body)
                with receiver.lock:
                    ok = receiver.verify(message_id, self.headers.get("webhook-timestamp", ""), body,
                                         self.headers.get("webhook-signature", ""))
                    receiver.deliveries.append((message_id, payload.get("type"), payload.get("data"), ok))
                    first = receiver.failed_first is None
                    if first:
                        receiver.failed_first = message_id
                    hold = receiver.hold_seconds
                    if hold:
                        receiver.held, receiver.hold_seconds = message_id, 0.0
                if hold:
                    time.sleep(hold)
                self.send_response(500 if first else 204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/roost"
        self.secret = None
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def verify(self, message_id, timestamp, body, signature):
        if not self.secret or not signature.startswith("v1,"):
            return False
        key = base64.b64decode(self.secret[len("whsec_"):])
        mac = hmac.new(key, f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
        return hmac.compare_digest(signature[3:], base64.b64encode(mac).decode())

    def snapshot(self):
        with self.lock:
            return list(self.deliveries)


class Origin:
    """Serves two RSS feeds; `broken` makes the first answer 500."""

    def __init__(self):
        self.broken = False
        origin = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/a.xml" and origin.broken:
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                prefix = "a" if self.path == "/a.xml" else "b"
                items = "".join(
                    f"<item><guid>{prefix}{i}</guid><title>{prefix.upper()} {i}</title><link>https://example.com/{prefix}/{i}</link>"
                    f"<description>Post {i} of {prefix}</description><pubDate>Tue, 10 Jun 2025 0{i}:00:00 GMT</pubDate></item>"
                    for i in range(1, 6 if prefix == "a" else 4))
                body = f"<rss version='2.0'><channel><title>{prefix}</title>{items}</channel></rss>".encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


class Roost:
    def __init__(self, binary, work):
        self.binary, self.work = binary, work
        self.db = str(work / "roost.sqlite")
        site = json.loads(subprocess.check_output([binary, "sites", "create", "--name", "events", "--db", self.db]))
        self.site, self.key = site["uuid"], site["apiKey"]
        self.port = free_port()
        self.api = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        log = open(self.work / "serve.log", "a")
        # The test polls and acts faster than an operator: generous limits (SPEC 3.7 makes them configurable).
        env = dict(os.environ, ROOST_RATE_LIMIT_ADMIN="off", ROOST_RATE_LIMIT_READ="off", ROOST_RATE_LIMIT_CREATION="off",
                   ROOST_RATE_LIMIT_WEBHOOK_CREATION="off")
        self.process = subprocess.Popen([self.binary, "serve", "--db", self.db, "--port", str(self.port), "--allow-private-networks"],
                                        stdout=log, stderr=subprocess.STDOUT, env=env)
        wait_until(lambda: self.healthy(), 30, "roost serve to answer")

    def healthy(self):
        try:
            with urllib.request.urlopen(self.api + "/health", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.api + path, data=data, method=method,
                                         headers={"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def changes(self):
        out, since = [], None
        while True:
            status, page = self.call("GET", f"/v2/{self.site}/changes?count=500" + (f"&since={since}" if since else ""))
            assert status == 200, page
            out += page["changes"]
            if not page["changes"]:
                return out
            since = page["next"]

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()


def post_ids(roost, state_path):
    status, body = roost.call("GET", state_path)
    assert status == 200, body
    return [post["flocklerId"] for post in body["posts"]]


def scenario(roost, receiver, origin, failures):
    site = roost.site
    status, created = roost.call("POST", f"/v2/{site}/webhooks", {"url": receiver.url, "events": [
        "post.published", "post.updated", "post.unpublished", "post.pinned", "post.unpinned", "feed.health_changed"]})
    assert status == 201, created
    receiver.secret = created["result"]["data"]["webhook"]["secret"]
    webhook_id = created["result"]["data"]["webhook"]["id"]

    status, feed_a = roost.call("POST", f"/v2/{site}/feeds", {"feed": {"name": "A", "feed_type": "rss", "moderation_type": "auto_publish",
                                                                       "feed_attributes": {"url": origin.base + "/a.xml"}}})
    assert status == 201, feed_a
    feed_a_id = feed_a["result"]["data"]["feed"]["id"]
    wait_until(lambda: len(post_ids(roost, f"/v2/{site}/posts?count=100")) == 5, 30, "feed A's five posts")
    ids = post_ids(roost, f"/v2/{site}/posts?count=100")

    # Operator actions, each a change.
    for path, body in [(f"posts/{ids[0]}/hide", None), (f"posts/{ids[0]}/publish", None), (f"posts/{ids[1]}/pin", {"index": 0}),
                       (f"posts/{ids[1]}/unpin", None)]:
        status, answer = roost.call("POST", f"/v2/{site}/{path}", body)
        assert status == 200, (path, answer)
    status, answer = roost.call("PATCH", f"/v2/{site}/posts/{ids[2]}", {"tags": ["coffee", "e2e"]})
    assert status == 200, answer

    # Rule re-evaluation publishes what a rule held in the inbox.
    status, answer = roost.call("PUT", f"/v2/{site}/moderation/rules", {"rules": [
        {"id": "hold", "type": "channels", "action": "inbox", "channels": ["rss"]}], "thresholds": {"publish": 0.3, "hide": 0.7}})
    assert status == 200, answer
    status, feed_b = roost.call("POST", f"/v2/{site}/feeds", {"feed": {"name": "B", "feed_type": "rss", "moderation_type": "ai_moderation",
                                                                       "feed_attributes": {"url": origin.base + "/b.xml"}}})
    assert status == 201, feed_b
    wait_until(lambda: len(roost.call("GET", f"/v2/{site}/inbox?count=100")[1]["posts"]) == 3, 30, "feed B's posts in the inbox")
    status, answer = roost.call("PUT", f"/v2/{site}/moderation/rules?reevaluate=true", {"rules": [], "thresholds": {"publish": 0.3, "hide": 0.7}})
    assert status == 200, answer
    wait_until(lambda: len(post_ids(roost, f"/v2/{site}/posts?count=100")) == 8, 10, "feed B's posts published by re-evaluation")

    # A broken origin: the feed turns unhealthy and says so.
    origin.broken = True
    status, _ = roost.call("POST", f"/v2/{site}/feeds/{feed_a_id}/fetch")
    assert status == 202
    wait_until(lambda: any(d[1] == "feed.health_changed" for d in receiver.snapshot()), 40, "feed.health_changed")

    # SIGKILL while a delivery is in flight; after the restart it is delivered again.
    wait_until(lambda: len({d[0] for d in receiver.snapshot() if d[1].startswith("post.")}) >= len(roost.changes()), 60,
               "every change delivered before the kill")
    receiver.hold_seconds = 6.0
    status, _ = roost.call("POST", f"/v2/{site}/posts/{ids[3]}/hide")
    assert status == 200
    wait_until(lambda: receiver.held, 20, "a delivery held by the receiver")
    roost.kill9()
    print(f"killed roost serve while delivering {receiver.held}")
    roost.start()
    held = receiver.held
    wait_until(lambda: sum(1 for d in receiver.snapshot() if d[0] == held) >= 2, 90, "the in-flight delivery again after the restart")

    # What the receiver saw, first receipts in order, against the change feed.
    changes = roost.changes()
    expected = [(c["type"], c["flocklerId"]) for c in changes]
    wait_until(lambda: len({d[0] for d in receiver.snapshot() if d[1].startswith("post.")}) >= len(expected), 60,
               "every change at the receiver")
    seen, order = set(), []
    for message_id, kind, data, _ in receiver.snapshot():
        if kind.startswith("post.") and message_id not in seen:
            seen.add(message_id)
            order.append((kind, data["flocklerId"]))
    if order != expected:
        failures.append(f"the receiver's order {order} differs from the change feed's {expected}")
    kinds = {kind for kind, _ in expected}
    for needed in ["post.published", "post.unpublished", "post.pinned", "post.unpinned", "post.updated"]:
        if needed not in kinds:
            failures.append(f"no {needed} in the change feed")
    deliveries = receiver.snapshot()
    if not all(ok for *_, ok in deliveries):
        failures.append("a delivery's signature did not verify")
    retried = [d for d in deliveries if d[0] == receiver.failed_first]
    if len(retried) < 2:
        failures.append(f"the delivery answered 500 was not tried again under the same webhook-id ({len(retried)} receipts)")
    status, history = roost.call("GET", f"/v2/{site}/webhooks/{webhook_id}/deliveries?count=200")
    assert status == 200, history
    first = [d for d in history["result"]["data"]["deliveries"] if d["message_id"] == receiver.failed_first]
    if not first or [a["response_status"] for a in first[0]["attempts"]][:2] != [500, 204]:
        failures.append(f"the history of the retried delivery is {first}")
    print(f"{len(expected)} changes; the receiver saw {len(deliveries)} deliveries ({len(seen)} distinct post events)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roost", default=str(ROOT / ".build" / "debug" / "roost"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="roost-events-e2e-"))
    receiver, origin = Receiver(), Origin()
    roost = Roost(args.roost, work)
    failures = []
    try:
        roost.start()
        scenario(roost, receiver, origin, failures)
    except AssertionError as error:
        failures.append(str(error))
    finally:
        roost.stop()
    if failures:
        print("FAILURES:\n  " + "\n  ".join(failures))
        print(f"logs in {work}")
        sys.exit(1)
    print("events end-to-end: PASS")


if __name__ == "__main__":
    main()
