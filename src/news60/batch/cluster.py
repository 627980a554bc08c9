"""Where stories render: a LocalCluster of single-threaded worker processes started here (on
loopback), or a running Dask scheduler named with --cluster (checked first: an allowed address,
and a Dask scheduler answering within seconds). One execution path either way: a Dask client
with the model plugin."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from news60 import addresses
from news60.errors import News60Error
from news60.settings import VoiceSettings

if TYPE_CHECKING:
    from distributed import Client

WAIT_FOR_WORKERS = 60  # seconds an external scheduler may take to have a worker
CONNECT_SECONDS = 5  # a scheduler accepts at once; a port silent this long is not one
HANDSHAKE_SECONDS = 10  # connect, Dask's handshake and the identity reply, all together
HOST = "127.0.0.1"  # where a local cluster listens


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

    def __init__(self, spec: ClusterSpec, voice: VoiceSettings) -> None:
        self.spec, self.voice = spec, voice
        self.on_progress: Callable[[dict[str, Any]], None] = lambda message: None
        self._stack = contextlib.ExitStack()
        self._client: Client | None = None

    def __enter__(self) -> LazyClient:
        if self.spec.address:  # a wrong --cluster fails now, not after the first story is read
            check_scheduler(self.spec.address)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    @property
    def client(self) -> Client:
        if self._client is None:
            relay = lambda message: self.on_progress(message)  # noqa: E731
            self._client = self._stack.enter_context(dask_client(self.spec, self.voice, relay))
        return self._client

    @property
    def started(self) -> bool:
        return self._client is not None


@contextlib.contextmanager
def dask_client(
    spec: ClusterSpec, voice: VoiceSettings, on_progress: Callable[[dict[str, Any]], None]
) -> Iterator[Client]:
    """A connected client whose workers have the model plugin and send progress lines back."""
    from news60.batch.worker import PROGRESS_TOPIC, ModelPlugin

    with _client(spec) as client:
        client.subscribe_topic(PROGRESS_TOPIC, lambda event: on_progress(event[1]))
        client.register_plugin(ModelPlugin(voice))
        yield client


@contextlib.contextmanager
def _client(spec: ClusterSpec) -> Iterator[Client]:
    if spec.address:
        with _remote(spec.address) as client:
            yield client
        return
    with _local(spec.local_workers) as client:
        yield client


@contextlib.contextmanager
def _local(workers: int) -> Iterator[Client]:
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set(worker_config()):
        cluster = LocalCluster(
            host=HOST,  # the scheduler and workers listen on loopback only
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


def worker_config() -> dict[str, Any]:
    """assets/dask/news60.yaml as dotted keys: one retry for a story whose worker dies (a second
    death fails it with KilledWorker), and worker processes spawned for speed, not small heaps."""
    import yaml

    from news60.resources import ASSETS

    data = yaml.safe_load((ASSETS / "dask" / "news60.yaml").read_text(encoding="utf-8"))
    return dict(_dotted(data))


def _dotted(tree: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, object]]:
    for key, value in tree.items():
        if isinstance(value, dict) and value:
            yield from _dotted(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


@contextlib.contextmanager
def _remote(address: str) -> Iterator[Client]:
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


def _wait_for_workers(client: Client, address: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
    except TimeoutError:
        raise ClusterError(
            f"the Dask scheduler at {address} has no workers after {WAIT_FOR_WORKERS} s: "
            f"start some with `dask worker {address}`"
        ) from None


def check_scheduler(address: str) -> None:
    """Before the Dask client: `address` names a host news60 may connect to (never link-local or
    cloud metadata, IPv4 inside IPv6 judged as IPv4), and a Dask scheduler answers there within
    seconds: anything else (a web server, a silent port) is an error, not a wait."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        host, port = parse_host_port(location)
    except (ValueError, TypeError):
        raise ClusterError(
            f"--cluster {address} is not a scheduler address: give tcp://HOST:8786"
        ) from None
    if scheme not in ("tcp", "tls"):
        raise ClusterError(f"--cluster {address}: give a tcp:// or tls:// scheduler address")
    _check_host(address, host, port)
    try:
        reply = asyncio.run(asyncio.wait_for(_identity(address), HANDSHAKE_SECONDS))
    except Exception as exc:  # noqa: BLE001 - refused, timed out, or garbage instead of Dask's frames
        reason = type(exc).__name__ if isinstance(exc, TimeoutError) else exc
        raise ClusterError(
            f"--cluster {address} is not a Dask scheduler that answers ({reason}): start one "
            "with `dask scheduler`, or check the address (tcp://HOST:8786)"
        ) from None
    if not isinstance(reply, dict) or reply.get("type") != "Scheduler":
        kind = reply.get("type") if isinstance(reply, dict) else "not Dask"
        raise ClusterError(
            f"--cluster {address} answered as {kind}, not a Dask scheduler: give the "
            "scheduler's address (the one `dask scheduler` prints)"
        )


def _check_host(address: str, host: str, port: int) -> None:
    """Resolve the scheduler's host; a link-local or metadata address is refused unconnected."""
    try:
        infos = addresses.resolve(host, port or 8786)
    except OSError as exc:
        raise ClusterError(f"--cluster {address}: cannot resolve {host} ({exc})") from None
    if refused := addresses.first_refusal(infos, allow_private=True):
        where, reason = refused
        raise ClusterError(
            f"--cluster {address} points to {addresses.describe(where)}, {reason}: "
            "news60 never connects there; "
            "give the scheduler's own address"
        )


async def _identity(address: str) -> object:
    """What the process at `address` says it is, asked as a Dask client asks (`identity`)."""
    from distributed.comm.core import connect
    from distributed.security import Security

    comm = await connect(
        address, timeout=CONNECT_SECONDS, **Security().get_connection_args("client")
    )
    try:
        await comm.write({"op": "identity", "reply": True})
        return await comm.read()
    finally:
        comm.abort()
