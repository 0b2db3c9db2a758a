#!/usr/bin/env python3
"""A floor to compare new searches with: SQLite's own ranked FTS5 query behind Python's standard-library HTTP server.

GET /search?q=word+-excluded answers the 20 best-ranked rows (bm25, the site's column weights) of the site's stemmed
full-text table as JSON, as Datasette's ranked SQL endpoint would; Datasette itself cannot be installed on these machines
(no PyPI), so this stands in for it, and is labelled so in what the load benchmark prints. Synthetic data only.
Usage: fts-baseline.py <sqlite file> <port>
"""
import json
import sqlite3
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

database, port = sys.argv[1], int(sys.argv[2])
local = threading.local()


def connection():
    if not hasattr(local, "db"):
        local.db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, check_same_thread=False)
    return local.db


def expression(q):
    wanted = [w for w in q.split() if not w.startswith("-")]
    excluded = [w[1:] for w in q.split() if w.startswith("-") and len(w) > 1]
    quoted = lambda w: '"' + w.replace('"', "") + '"'
    text = " AND ".join(quoted(w) for w in wanted)
    if excluded:
        text = f"({text}) NOT ({' OR '.join(quoted(w) for w in excluded)})"
    return text


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("q", [""])[0]
        rows = connection().execute(
            "SELECT rowid, snippet(StatementSearch, 0, '<b>', '</b>', '…', 12) FROM StatementSearch "
            "WHERE StatementSearch MATCH ? ORDER BY bm25(StatementSearch, 10.0, 3.0, 2.0, 2.0) LIMIT 20",
            (expression(query),)).fetchall()
        body = json.dumps({"rows": rows}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
