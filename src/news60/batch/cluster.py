"""Where stories render: a LocalCluster of single-threaded worker processes started here, or a
running Dask scheduler. One execution path either way: a Dask client with the model plugin."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from news60.errors import News60Error
from news60.settings import VoiceSettings

WAIT_FOR_WORKERS = 60  # seconds an external scheduler may take to have a worker


class ClusterError(News60Error):
    """The Dask cluster cannot be started or reached."""


@dataclass(frozen=True)
class ClusterSpec:
    """A LocalCluster of `workers` processes, or the scheduler at `address`."""

    workers: int | None = None
    address: str | None = None

    @property
    def describe(self) -> str:
        if self.address:
            return f"the Dask scheduler at {self.address}"
        return f"{self.local_workers} local worker process(es)"

    @property
    def local_workers(self) -> int:
        return self.workers or os.cpu_count() or 1


class LazyClient:
    """The Dask client, connected when the first story needs a worker: a re-run with nothing new
    to render starts no cluster and loads no model."""

    def __init__(self, spec: ClusterSpec, voice: VoiceSettings):
        self.spec, self.voice = spec, voice
        self.on_progress: Callable[[dict], None] = lambda message: None
        self._stack = contextlib.ExitStack()
        self._client = None

    def __enter__(self) -> LazyClient:
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()

    @property
    def client(self):
        if self._client is None:
            relay = lambda message: self.on_progress(message)  # noqa: E731
            self._client = self._stack.enter_context(dask_client(self.spec, self.voice, relay))
        return self._client

    @property
    def started(self) -> bool:
        return self._client is not None


@contextlib.contextmanager
def dask_client(spec: ClusterSpec, voice: VoiceSettings, on_progress: Callable[[dict], None]):
    """A connected client whose workers have the model plugin and send progress lines back."""
    from news60.batch.worker import PROGRESS_TOPIC, ModelPlugin

    with _client(spec) as client:
        client.subscribe_topic(PROGRESS_TOPIC, lambda event: on_progress(event[1]))
        client.register_plugin(ModelPlugin(voice))
        yield client


@contextlib.contextmanager
def _client(spec: ClusterSpec) -> Iterator:
    if spec.address:
        with _remote(spec.address) as client:
            yield client
        return
    with _local(spec.local_workers) as client:
        yield client


@contextlib.contextmanager
def _local(workers: int) -> Iterator:
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set(worker_config()):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # one story at a time per process: torch and x264 use the cores
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def worker_config() -> dict:
    """assets/dask/news60.yaml as dotted keys: one retry for a story whose worker dies (a second
    death fails it with KilledWorker), and worker processes spawned for speed, not small heaps."""
    import yaml

    from news60.resources import ASSETS

    data = yaml.safe_load((ASSETS / "dask" / "news60.yaml").read_text(encoding="utf-8"))
    return dict(_dotted(data))


def _dotted(tree: dict, prefix: str = "") -> Iterator[tuple[str, object]]:
    for key, value in tree.items():
        if isinstance(value, dict) and value:
            yield from _dotted(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


@contextlib.contextmanager
def _remote(address: str) -> Iterator:
    from distributed import Client

    try:
        client = Client(address, timeout="15s")
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({exc}): start one with "
            "`dask scheduler`, or check the address (tcp://HOST:8786)"
        ) from None
    try:
        _wait_for_workers(client, address)
        yield client
    finally:
        client.close()


def _wait_for_workers(client, address: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
    except TimeoutError:
        raise ClusterError(
            f"the Dask scheduler at {address} has no workers after {WAIT_FOR_WORKERS} s: "
            f"start some with `dask worker {address}`"
        ) from None
