"""A fake SMS gateway that runs as a process of its own, for the tests of
cms.text_messages.HttpGatewayBackend and the text-message reminders.

Run as ``python tests/sms_gateway.py RECORD_FILE [--fail N]``: it listens on
a free port of 127.0.0.1, prints that port on its first line of output,
answers the first N POSTs 503 and the rest 202, and appends every POST it
receives (path, Authorization header, Content-Type, JSON body, the status it
answered) as one JSON line to RECORD_FILE. ``FakeSmsGateway`` starts it from
a test and reads the record back.
"""

import argparse
import json
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _GatewayHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        server = self.server
        server.failures_left -= 1
        status = 503 if server.failures_left >= 0 else 202
        record = {
            "path": self.path,
            "authorization": self.headers.get("Authorization"),
            "content_type": self.headers.get("Content-Type"),
            "body": json.loads(body or b"null"),
            "status": status,
        }
        with open(server.record_file, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"id": "fake"}' if status == 202 else b'{"error": "busy"}')

    def log_message(self, format, *args):
        pass


def serve(record_file, failures):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _GatewayHandler)
    server.record_file = record_file
    server.failures_left = failures
    print(server.server_address[1], flush=True)
    server.serve_forever()


class FakeSmsGateway:
    """The gateway as a separate process; use as a context manager.
    ``url`` is its address, ``requests()`` what it has received so far."""

    def __init__(self, record_file, *, fail=0):
        self.record_file = Path(record_file)
        self.fail = fail

    def __enter__(self):
        self.record_file.touch()
        self.process = subprocess.Popen(
            [sys.executable, __file__, str(self.record_file), "--fail", str(self.fail)],
            stdout=subprocess.PIPE,
            text=True,
        )
        port = int(self.process.stdout.readline())
        self.url = f"http://127.0.0.1:{port}/v1/messages"
        return self

    def __exit__(self, *exc_info):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()

    def requests(self):
        lines = self.record_file.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("record_file")
    parser.add_argument("--fail", type=int, default=0)
    arguments = parser.parse_args()
    serve(arguments.record_file, arguments.fail)
