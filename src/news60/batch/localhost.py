"""A Dask scheduler and its workers started as processes on this machine, as `dask scheduler` and
`dask worker` run on real machines: `batch --cluster` tried (and measured) without a second one."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from news60.resources import ASSETS

HOST = "127.0.0.1"
STOP_WAIT = 30  # seconds a stopped scheduler or worker may take to exit before it is killed


@contextlib.contextmanager
def local_scheduler(folder: Path, workers: int = 2) -> Iterator[str]:
    """The scheduler's address while a scheduler and `workers` single-threaded workers run, each
    in its own folder under `folder`; all are stopped afterwards."""
    port = free_port()
    address = f"tcp://{HOST}:{port}"
    scheduler = ["scheduler", "--host", HOST, "--port", str(port), "--no-dashboard"]
    processes = [_start(scheduler, _folder(folder / "scheduler"))]
    for index in range(workers):
        work = _folder(folder / f"w{index}")
        worker = ["worker", address, "--nthreads", "1", "--host", HOST, "--no-dashboard"]
        processes.append(_start([*worker, "--local-directory", str(work)], work))
    try:
        yield address
    finally:
        _stop(processes)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _start(arguments: list[str], folder: Path) -> subprocess.Popen[bytes]:
    """`dask ARGUMENTS` from this environment, configured as a worker machine is (assets/dask)."""
    dask = str(Path(sys.executable).with_name("dask"))
    env = os.environ | {"DASK_CONFIG": str(ASSETS / "dask")}
    return subprocess.Popen(
        [dask, *arguments],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    """Workers first, the scheduler last; one that will not exit is killed."""
    for process in reversed(processes):
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=STOP_WAIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
