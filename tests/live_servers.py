"""Real servers for the tests that need them (object storage, Varnish, app
servers): started as subprocesses on free ports, stopped when done."""

import os
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, timeout=30, log=None):
    """Until something answers on the port; fails with the server's output
    if the process ended or the time ran out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    output = Path(log).read_text() if log else ""
    raise RuntimeError(f"server on port {port} did not start:\n{output}")


@contextmanager
def running(command, *, port, log, env=None, cwd=ROOT, timeout=30):
    """Run the command (a server listening on port) for the with block."""
    with open(log, "w") as out:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for_port(port, process, timeout=timeout, log=log)
        yield process
    finally:
        stop(process)


def stop(process):
    """End the server and the workers it started (its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
