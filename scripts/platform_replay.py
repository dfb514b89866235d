#!/usr/bin/env python3
"""A replay server for one platform's fixtures: answers requests from
fixtures/platforms/<service>/manifest.json the way the fixtures README describes
(method, path, listed query parameters, headers and body members; `<...>` matches any
non-empty value; the most specific match wins, then manifest order).

    python3 scripts/platform_replay.py fixtures/platforms/twitter_v2 --port 9000 [--prefer "window exhausted"]

Every request is logged as one JSON line on stderr with the interaction that answered.
"""
import argparse, json, re, sys, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def pattern_matches(expected, value):
    if not isinstance(expected, str):
        expected = json.dumps(expected, sort_keys=True, separators=(",", ":"))
    if value is None:
        return False
    if not isinstance(value, str):
        value = json.dumps(value, sort_keys=True, separators=(",", ":"))
    parts = re.split(r"<[^>]*>", expected)
    if len(parts) == 1:
        return expected == value
    regex = "^" + ".+".join(re.escape(p) for p in parts) + "$"
    return re.match(regex, value, re.S) is not None


def without_comment(value):
    """`SOCS=CAI (consent, ...)` in a manifest means the header `SOCS=CAI`."""
    if isinstance(value, str) and "<" not in value and " (" in value:
        return value.split(" (", 1)[0]
    return value


def body_members(raw, content_type):
    text = raw.decode("utf-8", "replace")
    try:
        value = json.loads(text)
        if isinstance(value, dict):
            return value
    except ValueError:
        pass
    return {k: v for k, v in urllib.parse.parse_qsl(text, keep_blank_values=True)}


def expected_body(request):
    body = request.get("body")
    if isinstance(body, dict):
        return body
    if isinstance(body, str):
        return {k: v for k, v in urllib.parse.parse_qsl(body, keep_blank_values=True)}
    return {}


class Replay:
    def __init__(self, folder, prefer):
        self.folder = Path(folder)
        self.manifest = json.loads((self.folder / "manifest.json").read_text())
        self.interactions = self.manifest["interactions"]
        self.prefer = prefer

    def match(self, method, path, query, headers, body):
        candidates = []
        for index, interaction in enumerate(self.interactions):
            request = interaction["request"]
            if request.get("method", "GET") != method or request["path"] != path:
                continue
            if any(not pattern_matches(v, query.get(k)) for k, v in (request.get("query") or {}).items()):
                continue
            lowered = {k.lower(): v for k, v in headers.items()}
            if any(k.lower() != "user-agent" and not pattern_matches(without_comment(v), lowered.get(k.lower()))
                   for k, v in (request.get("headers") or {}).items()):
                continue
            wanted = expected_body(request)
            if wanted and any(not pattern_matches(v, body.get(k)) for k, v in wanted.items()):
                continue
            candidates.append((index, interaction))
        for name in self.prefer:
            for index, interaction in candidates:
                if interaction["name"] == name:
                    return interaction
        if not candidates:
            return None
        def specificity(item):
            index, interaction = item
            request = interaction["request"]
            return (len(request.get("query") or {}) + len(expected_body(request)), -index)
        return max(candidates, key=specificity)[1]


def make_handler(replay):
    class Handler(BaseHTTPRequestHandler):
        def handle_any(self):
            parsed = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = body_members(raw, self.headers.get("Content-Type", ""))
            interaction = replay.match(self.command, parsed.path, query, dict(self.headers.items()), body)
            print(json.dumps({"method": self.command, "path": parsed.path, "query": parsed.query,
                              "answeredBy": interaction and interaction["name"]}), file=sys.stderr, flush=True)
            if interaction is None:
                payload = f"no interaction matches {self.command} {self.path}".encode()
                self.send_response(404)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                return
            response = interaction["response"]
            payload = (replay.folder / response["file"]).read_bytes() if response.get("file") else b""
            self.send_response(response.get("status", 200))
            for name, value in (response.get("headers") or {}).items():
                if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(name, str(value))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = handle_any

        def log_message(self, *args):
            pass
    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--prefer", action="append", default=[], help="interaction name to answer first (repeatable)")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(Replay(args.folder, args.prefer)))
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
