"""Starting the desk: the bind checked before anything listens, then uvicorn on that socket."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

from news60.desk.security import DeskError, Guard, check_bind, loopback
from news60.settings import Settings

REQUIRED = ("starlette", "jinja2", "uvicorn", "multipart")  # the [desk] extra's imports


def check_installed() -> None:
    """The desk's packages are here, or one line says how to add them."""
    import importlib.util

    missing = [name for name in REQUIRED if importlib.util.find_spec(name) is None]
    if missing:
        names = ", ".join("python-multipart" if m == "multipart" else m for m in missing)
        raise DeskError(f"the desk needs {names}: pip install 'news60[desk]'")


def serve(
    out: Path,
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8060,
    token: str | None = None,
    cert: Path | None = None,
    key: Path | None = None,
    ready: Callable[[str], None] = lambda url: None,
) -> None:
    """Serve the desk over `out` until stopped; `ready` is told the address to open."""
    check_installed()
    check_bind(host, token, cert, key)
    if not out.is_dir():
        raise DeskError(f"{out} is not a folder of stories: give the --out folder of a batch")
    import uvicorn

    from news60.desk.app import Desk, create_app

    guard = Guard(token=token, https=bool(cert))
    app = create_app(Desk(out.resolve(), settings, guard), loopback_only=loopback(host))
    sock = bind(host, port)
    config = uvicorn.Config(
        app,
        log_level="warning",
        ssl_certfile=str(cert) if cert else None,
        ssl_keyfile=str(key) if key else None,
        timeout_graceful_shutdown=2,
    )
    scheme = "https" if cert else "http"
    shown = f"[{host}]" if ":" in host else host
    address = f"{scheme}://{shown}:{sock.getsockname()[1]}/"
    ready(address + (f"?token={guard.token}" if guard.token else ""))
    uvicorn.Server(config).run(sockets=[sock])


def bind(host: str, port: int) -> socket.socket:
    """The listening socket (port 0: any free port), or a line naming the fix."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise DeskError(
            f"cannot listen on {host}:{port} ({exc.strerror}): pick another --port"
        ) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock
