"""A real SMTP server on 127.0.0.1 for the tests of mail that leaves the
process (Django's SMTP backend, a worker process): it accepts every message
and keeps it, parsed. And an address where no mail server listens."""

import email
import socket
import socketserver
import threading
import time
from email import policy


def closed_port():
    """A local port nothing listens on: connecting is refused at once, as
    with a mail server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _SmtpSession(socketserver.StreamRequestHandler):
    """Just enough of SMTP (RFC 5321) for smtplib: greeting, EHLO, envelope,
    DATA with dot-unstuffing, QUIT."""

    def reply(self, line):
        self.wfile.write(line.encode("ascii") + b"\r\n")

    def handle(self):
        self.reply("220 sink ready")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif verb == b"DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                self.server.received(self.read_data())
                self.reply("250 kept")
            elif verb == b"QUIT":
                self.reply("221 bye")
                return
            else:  # HELO, MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")

    def read_data(self):
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)


class SmtpSink(socketserver.ThreadingTCPServer):
    """Use as a context manager; ``messages`` are email.message objects."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SmtpSession)
        self.messages = []
        self.port = self.server_address[1]

    def received(self, data):
        self.messages.append(email.message_from_bytes(data, policy=policy.default))

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self.shutdown()
        self.server_close()

    def wait_for(self, wanted, *, timeout=60):
        """The messages for which ``wanted(message)`` is true, once there is
        one (or the timeout has passed)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if found := [message for message in self.messages if wanted(message)]:
                return found
            time.sleep(0.2)
        return []
