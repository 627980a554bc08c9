"""`news60 desk`: the producer's desk in the browser, over an output folder."""

from __future__ import annotations

from pathlib import Path

import click

from news60.cli.app import Context, cli


@cli.command()
@click.argument("out", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8060,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--cert", type=click.Path(dir_okay=False, path_type=Path), help="HTTPS certificate (PEM)."
)
@click.option("--key", type=click.Path(dir_okay=False, path_type=Path), help="Its private key.")
@click.pass_obj
def desk(
    obj: Context, out: Path | None, host: str, port: int, cert: Path | None, key: Path | None
) -> None:
    """Review, fix, approve and publish the stories in OUT (default output/) in the browser."""
    from news60.desk.security import loopback, new_token
    from news60.desk.server import serve

    settings = obj.settings(out=out)
    token = None if loopback(host) else new_token()  # printed once, in the address below

    def ready(address: str) -> None:
        click.echo(f"news60 desk: {address}  (Ctrl-C to stop)")

    serve(
        settings.out, settings, host=host, port=port, token=token, cert=cert, key=key, ready=ready
    )
