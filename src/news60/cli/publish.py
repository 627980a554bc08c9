"""`news60 publish` (clips to YouTube, TikTok, Instagram) and `news60 auth` (sign-ins)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from news60.cli.app import Context, cli, show_progress

if TYPE_CHECKING:
    from news60.publish.channel import Channel, Post
    from news60.publish.publishing import PublishResult

CHANNEL_NAMES = ["youtube", "tiktok", "instagram"]
PRIVACY_NAMES = ["private", "unlisted", "public"]


@cli.command()
@click.argument(
    "story_dirs", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "--to", "channel", required=True, type=click.Choice(CHANNEL_NAMES), help="Where to post."
)
@click.option(
    "--privacy", type=click.Choice(PRIVACY_NAMES), help="Who may see it (default private)."
)
@click.option("--format", "fmt", help="Which clip of the version, e.g. 9:16 (default: the first).")
@click.option(
    "--dry-run", is_flag=True, help="Show what would be sent; send nothing, need no sign-in."
)
@click.option("--force", is_flag=True, help="Post again, even what was posted already.")
@click.option(
    "--allow",
    multiple=True,
    type=click.Choice(["comment", "duet", "stitch"]),
    help="TikTok: let viewers comment, duet or stitch (off unless given); repeatable.",
)
@click.option(
    "--brand-content",
    is_flag=True,
    default=None,
    help="TikTok: it promotes a third party (labelled 'Paid partnership').",
)
@click.option(
    "--brand-organic",
    is_flag=True,
    default=None,
    help="TikTok: it promotes your own business (labelled 'Promotional content').",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress lines on stderr.")
@click.pass_obj
def publish(
    obj: Context,
    /,
    story_dirs: tuple[Path, ...],
    channel: str,
    privacy: str | None,
    fmt: str | None,
    dry_run: bool,
    force: bool,
    quiet: bool,
    **tiktok: Any,
) -> None:
    """Post each STORY_DIR's clip (a story folder or one of its vN folders), exactly once."""
    from news60.errors import News60Error, PublishError
    from news60.publish import prepare, publish_story

    tiktok["allow"] = tiktok["allow"] or None  # none given: the config's
    if channel != "tiktok" and any(v is not None for v in tiktok.values()):
        raise click.UsageError("--allow, --brand-content and --brand-organic are TikTok's settings")
    settings = obj.settings(publish={"tiktok": tiktok})
    show_progress(quiet)
    failed: list[str] = []
    for story in story_dirs:
        try:
            if dry_run:
                show_plan(*prepare(story, channel, settings, privacy, fmt))
                continue
            result = publish_story(story, channel, settings, privacy=privacy, fmt=fmt, force=force)
        except News60Error as exc:
            if len(story_dirs) == 1:
                raise
            click.echo(f"Error! {story}: {exc}", err=True)
            failed.append(str(story))
            continue
        show_result(result)
    if failed:
        posted = len(story_dirs) - len(failed)
        raise PublishError(
            f"{posted} of {len(story_dirs)} stories done; not posted: {', '.join(failed)}"
        )


def show_plan(backend: Channel, post: Post) -> None:
    clip, meta = post.clip, post.metadata
    version = f"v{clip.version}" if clip.version is not None else "(no versions)"
    click.echo(f"{post.channel} (dry run: nothing sent)")
    click.echo(f"  story     {clip.story} {version}")
    click.echo(
        f"  file      {clip.path} ({clip.size} bytes, {clip.format}, sha256 {clip.sha256[:12]})"
    )
    click.echo(f"  thumbnail {clip.thumbnail or 'none'}")
    click.echo(f"  privacy   {post.privacy}")
    voice = f"synthetic ({meta.voice})" if meta.synthetic else (meta.voice or "unknown")
    click.echo(f"  voice     {voice}")
    click.echo(f"  disclosure {meta.disclosure or 'none'}")
    if post.channel == "tiktok":
        from news60.publish.tiktok import disclosure

        for line in disclosure(post.request["post_info"]):
            click.echo(f"  tiktok    {line}")
    click.echo("  request:")
    click.echo(json.dumps(post.request, indent=2, ensure_ascii=False))


def show_result(result: PublishResult) -> None:
    version = f" v{result.version}" if result.version is not None else ""
    where = result.url or result.remote_id
    click.echo(f"{result.channel}: {result.story.name}{version} {result.state}: {where}")
    for note in result.notes:
        click.echo(f"  note: {note}")


@cli.command()
@click.argument("channel", type=click.Choice(CHANNEL_NAMES))
@click.option(
    "--client-secrets",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="YouTube: the OAuth client file from Google Cloud (desktop app).",
)
@click.option(
    "--import",
    "imported",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Keep a token made elsewhere: YouTube's authorized-user JSON, or TikTok's or "
    "Instagram's token endpoint answer.",
)
@click.option("--port", type=int, help="YouTube: the loopback port to wait on (default 8765).")
@click.pass_obj
def auth(
    obj: Context,
    channel: str,
    client_secrets: Path | None,
    imported: Path | None,
    port: int | None,
) -> None:
    """Sign news60 in to CHANNEL; the token is kept in your config folder (0600), never shown.

    TikTok and Instagram: paste an access token, or --import the token endpoint's JSON answer
    (with TikTok's refresh_token, and the app's client_key and client_secret) so news60 can
    refresh it before it expires."""
    from news60.publish import credentials, tokens

    settings = obj.settings().publish
    if channel != "youtube" and imported:
        path = tokens.import_token(settings, channel, imported)
    elif channel != "youtube":
        token = click.prompt(f"{channel} access token", hide_input=True)
        path = tokens.save_pasted(settings, channel, token)
    elif imported:
        path = credentials.import_youtube_token(settings, imported)
    elif client_secrets:
        path = credentials.authorize_youtube(
            settings, client_secrets, port or settings.youtube.auth_port
        )
    else:
        raise click.UsageError("give --client-secrets FILE (sign in here) or --import TOKEN.json")
    click.echo(f"Signed in to {channel}: the token is saved in {path}")
