"""The extraction version: package version + a hash that follows extraction's files."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from lossledger import __version__
from lossledger.bulk.version import _files, extraction_version


def test_version_names_the_package_and_a_hash() -> None:
    version = extraction_version()
    assert version.startswith(__version__ + "+x") and len(version.split("+x")[1]) == 12


def test_hash_changes_with_code_or_vocabulary(tmp_path: Path) -> None:
    source = Path(str(resources.files("lossledger.extraction")))
    copy = tmp_path / "extraction"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = sorted(_files(copy, ""))
    assert {name for name, _ in before} >= {"engine.py", "vocab/en.toml"}
    vocab = copy / "vocab" / "en.toml"
    vocab.write_text(vocab.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert sorted(_files(copy, "")) != before
    (copy / "__pycache__").mkdir()
    (copy / "__pycache__" / "x.pyc").write_bytes(b"x")
    assert len(_files(copy, "")) == len(before)
