"""Content credentials on the command line: `news60 keys init` and `news60 verify`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from news60.cli.app import cli

if TYPE_CHECKING:
    from news60.provenance.verification import Part, Verdict

FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@cli.group()
def keys() -> None:
    """Signing keys for the content credentials (C2PA) in every clip."""


@keys.command("init")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to keep the keys (default: news60's folder in your config directory).",
)
@click.option(
    "--algorithm",
    type=click.Choice(["ES256", "PS256"], case_sensitive=False),
    default="ES256",
    show_default=True,
    help="EC P-256 (ES256) or RSA (PS256).",
)
@click.option("--force", is_flag=True, help="Replace keys already there.")
def init(folder: Path | None, algorithm: str, force: bool) -> None:
    """Make a local test CA and a signing certificate; clips are signed from then on."""
    from news60.provenance.keys import UNTRUSTED_WARNING, key_folder, make_test_keys

    files = make_test_keys(folder or key_folder(), algorithm, force=force)
    click.echo(f"Test CA:             {files.ca}")
    click.echo(f"Signing certificate: {files.cert}")
    click.echo(f"Signing key:         {files.key} (readable by you only)")
    if folder is not None:
        click.echo(
            "Sign with them by adding to your news60.toml:\n"
            f'  [provenance]\n  cert = "{files.cert.resolve()}"\n  key = "{files.key.resolve()}"'
        )
    click.echo(f"\nWarning: {UNTRUSTED_WARNING.format(ca=files.ca)}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--trust", multiple=True, type=FILE, help="A CA certificate (PEM) to trust; repeatable."
)
@click.option("--json", "as_json", is_flag=True, help="Print the verdicts as JSON.")
@click.pass_context
def verify(
    ctx: click.Context, files: tuple[Path, ...], trust: tuple[Path, ...], as_json: bool
) -> None:
    """Check the content credentials of FILE... (clips, MP3s, or a story or version folder's);
    exit 1 when one is invalid or unsigned."""
    from news60.provenance.verification import media_files, verify_file

    verdicts = [verify_file(media, trust) for path in files for media in media_files(path)]
    if as_json:
        click.echo(json.dumps([v.to_dict() for v in verdicts], indent=2, ensure_ascii=False))
    else:
        for verdict in verdicts:
            show_verdict(verdict)
    if not all(v.ok for v in verdicts):
        ctx.exit(1)


def show_verdict(verdict: Verdict) -> None:
    """The verdict for a person: the state and why, then signer, source, ingredients and credits."""
    reason = f" ({verdict.reason})" if verdict.reason else ""
    click.echo(f"{verdict.file}: {verdict.state}{reason}")
    stamp = verdict.time_stamp or "none (the signature lapses with the signing certificate)"
    rows = [
        ("signed by", verdict.signer),
        ("time-stamp", stamp if verdict.signer else ""),
        ("made with", verdict.generator),
        ("source type", verdict.source_type),
        *(("action", action) for action in verdict.actions),
        *(("ingredient", ingredient_line(part)) for part in verdict.ingredients),
        *((name, ", ".join(v) if isinstance(v, list) else v) for name, v in verdict.work.items()),
    ]
    for name, value in rows:
        if value:
            click.echo(f"  {name:12} {value}")


def ingredient_line(part: Part) -> str:
    """'componentOf  photo.jpg: A caption (credit: PA Images)'."""
    details = [part.description]
    if part.credit:
        details.append(f"(credit: {part.credit})")
    if part.source_type:
        details.append(f"[{part.source_type}]")
    if part.has_credentials:
        details.append("[has its own credentials]")
    text = " ".join(d for d in details if d)
    return f"{part.relationship:12} {part.title}" + (f": {text}" if text else "")
