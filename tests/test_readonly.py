"""A ledger on read-only media: commands that only read work; writing says "read-only" (exit 1).

The media is made read-only for real: a read-only bind mount in a private mount namespace
(``unshare -m``, as root), else the folder's write permission removed (as another user).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from lossledger.errors import StoreError
from lossledger.ledger import Ledger

from .conftest import ARTICLES, DATA

Runner = Callable[[list[str]], subprocess.CompletedProcess[str]]
MAIN = "import sys; from lossledger.cli import main; sys.exit(main(sys.argv[1:]))"


def _can_unshare(folder: Path) -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && ! touch "{folder}/probe"'
    done = subprocess.run(["unshare", "-m", "sh", "-c", probe], capture_output=True, timeout=30)
    return done.returncode == 0


@pytest.fixture
def read_only(synced_sqlite_path: Path, tmp_path: Path) -> Iterator[tuple[Path, Runner]]:
    """A folder holding a synced ledger (its main file only, as a copy on a DVD would be), and a
    function that runs the CLI with that folder read-only."""
    media = tmp_path / "media"
    media.mkdir()
    shutil.copy(synced_sqlite_path, media / "ledger.sqlite")
    env = {**os.environ, "LOSSLEDGER_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("LOSSLEDGER_DB", None)
    if _can_unshare(media):
        mount = f'mount --bind "{media}" "{media}" && mount -o remount,bind,ro "{media}" && exec "$0" "$@"'
        prefix = ["unshare", "-m", "sh", "-c", mount, sys.executable, "-c", MAIN]
    elif os.geteuid() != 0:
        (media / "ledger.sqlite").chmod(0o444)
        media.chmod(0o555)
        prefix = [sys.executable, "-c", MAIN]
    else:
        pytest.skip("root without unshare: no way to make a folder read-only here")

    def run(args: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, *args], capture_output=True, text=True, env=env, timeout=300)

    yield media, run
    media.chmod(0o755)


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_reading_commands_work_on_read_only_media(read_only: tuple[Path, Runner], synced_sqlite_path: Path) -> None:
    media, run = read_only
    db = str(media / "ledger.sqlite")
    before = _digest(media)
    show = run(["show", "2024-02-16", "--db", db, "-f", "json"])
    assert show.returncode == 0, show.stderr
    with Ledger.open(f"sqlite:///{synced_sqlite_path}") as ledger:
        assert json.loads(show.stdout) == ledger.show("2024-02-16").to_dict()
    for args in (
        ["series", "tanks", "--from", "2024-02-01", "--to", "2024-02-29"],
        ["records", "count", "ru-fatalities", "--by", "region"],
        ["sources"],
        ["check", str(next(ARTICLES.glob("seed-*.txt"))), "-f", "json"],
        ["changes", "--limit", "5"],
    ):
        done = run([*args, "--db", db])
        assert done.returncode == 0, (args, done.stderr)
    assert _digest(media) == before


def test_writing_on_read_only_media_says_read_only(read_only: tuple[Path, Runner]) -> None:
    media, run = read_only
    before = _digest(media)
    done = run(["sync", "--db", str(media / "ledger.sqlite"), "--from", str(DATA), "--only", "oryx-totals", "--force"])
    assert done.returncode == 1, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("lossledger: error: ") and "read-only" in line, line
    new = run(["sync", "--db", str(media / "new" / "ledger.sqlite"), "--from", str(DATA)])
    assert new.returncode == 1, new.stderr
    assert "read-only" in new.stderr.lower() and "internal error" not in new.stderr, new.stderr
    assert _digest(media) == before


def test_read_only_open_on_each_backend(db_url: str) -> None:
    with Ledger.open(db_url) as ledger:  # create and migrate it
        ledger.sync(DATA, only=["oryx-totals"])
    with Ledger.open(db_url, read_only=True) as ledger:
        assert ledger.show("2022-04-20", source="oryx").figures["tanks"].total == 519
        with pytest.raises(StoreError, match="read-only"):
            ledger.sync(DATA, only=["oryx-totals"], force=True)
