"""Start servers on loopback for the HTTP tests: `qkg serve` and Oxigraph's own server."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(process: subprocess.Popen, url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}: {process.stderr.read()[-500:]}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url} in {seconds} s")


@contextlib.contextmanager
def running(command: list[str], probe_path: str, port: int, env: dict | None = None):
    """Run ``command`` (a server on ``port``) until the block ends; yields its base URL."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(process, base + probe_path)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def qkg_serve(data: Path, cache: Path, *extra: str):
    port = free_port()
    qkg = str(Path(sys.executable).with_name("qkg"))
    return running([qkg, "serve", "--data", str(data), "--port", str(port), *extra], "/queries", port,
                   env={"QKG_CACHE_DIR": str(cache)})


def oxigraph_binary() -> str | None:
    found = Path(sys.executable).with_name("oxigraph")
    return str(found) if found.exists() else shutil.which("oxigraph")


def oxigraph_server(location: Path):
    """Oxigraph's own server (the `oxigraph` package on PyPI), read-write, on loopback; its queries see
    the union of the named graphs, as qkg's own store does."""
    port = free_port()
    command = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
               "--union-default-graph"]
    return running(command, "/query?query=ASK%7B%7D", port)
