"""A lean core: a command that needs an extra this install lacks says, in one Error! line, which
`pip install 'news60[...]'` adds it (each extra's modules hidden from a real news60 process)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEED

from news60.extras import EXTRAS

RUN = "import sys; [sys.modules.__setitem__(m, None) for m in sys.argv.pop(1).split(',')]; " + (
    "from news60.cli import main; sys.argv[0] = 'news60'; main()"
)


def without(extra: str, *args: str) -> subprocess.CompletedProcess:
    """news60 ARGS in a process where every module of `extra` fails to import."""
    hidden = ",".join(module for module, owner in EXTRAS.items() if owner == extra)
    return subprocess.run(
        [sys.executable, "-c", RUN, hidden, *args], capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize(
    ("extra", "args"),
    [
        ("batch", ["batch", str(SEED.parent), "--out", "{tmp}/out"]),
        ("publish", ["auth", "youtube", "--client-secrets", "{tmp}/client.json"]),
        ("provenance", ["keys", "init", "--dir", "{tmp}/keys"]),
        ("provenance", ["verify", str(SEED)]),
    ],
)
def test_a_missing_extra_is_one_line_naming_its_install(tmp_path, extra, args):
    client = {"installed": {"client_id": "c", "client_secret": "s"}}  # never read: no module
    (tmp_path / "client.json").write_text(json.dumps(client))
    done = without(extra, *(a.format(tmp=tmp_path) for a in args))
    assert done.returncode == 1 and not done.stdout
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"Error! this needs news60's {extra} extra (")
    assert line.endswith(f"pip install 'news60[{extra}]'")


def test_the_core_commands_need_no_extra(tmp_path):
    hidden = ",".join(EXTRAS)
    for args in (["--help"], ["extract", str(SEED)], ["voices"]):
        done = subprocess.run(
            [sys.executable, "-c", RUN, hidden, *args], capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr
