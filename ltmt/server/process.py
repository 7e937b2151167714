"""Run ``ltmt serve`` as a child process on a free local port (for tests and benchmarks).

server = ServerProcess.start(["--model", "m", "--memory-dir", "store"], log=Path("s.log"))
httpx.get(f"{server.url}/health")
server.stop()            # SIGTERM: graceful; server.stop(signal.SIGKILL) for a crash
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ltmt.errors import LtmtError

HOST = "127.0.0.1"
_REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=1.0) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class ServerProcess:
    """A running ``ltmt serve`` child: its process, base URL and log file."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    @classmethod
    def start(cls, args: list[str], log: Path, *, timeout_s: float = 120.0) -> ServerProcess:
        """Start ``ltmt serve ARGS --host 127.0.0.1 --port <free>`` and wait for ``/health``."""
        port = free_port()
        command = [sys.executable, "-c", "from ltmt.cli.main import run; run()", "serve"]
        command += [*args, "--host", HOST, "--port", str(port)]
        # this checkout's ltmt first, whatever is installed
        path = os.pathsep.join(p for p in (str(_REPO), os.environ.get("PYTHONPATH", "")) if p)
        with log.open("ab") as handle:
            process = subprocess.Popen(
                command,
                stdout=handle,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONPATH": path},
            )
        server = cls(process, f"http://{HOST}:{port}", log)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise LtmtError(f"ltmt serve exited with {process.returncode}:\n{server.output()}")
            if _healthy(server.url):
                return server
            time.sleep(0.1)
        server.stop(signal.SIGKILL)
        raise LtmtError(f"ltmt serve did not answer within {timeout_s:.0f} s:\n{server.output()}")

    def stop(self, sig: int = signal.SIGTERM, timeout_s: float = 60.0) -> int:
        """Send ``sig`` (if still running) and wait; returns the exit code (``-sig``: by signal)."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=timeout_s)

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")
