"""The dashboard page and its assets, in-process: languages as data, vendored assets, no CDN."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest

from lossledger.web import LANGS, STATIC, TEMPLATES, strings


def test_page_in_english_by_default(client: Any) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<html lang="en">' in r.text
    assert strings("en")["title"] in r.text.replace("&mdash;", "—")
    assert 'id="check-form"' in r.text and 'id="chart-total"' in r.text and 'id="conflicts-table"' in r.text


def test_page_in_ukrainian(client: Any) -> None:
    r = client.get("/?lang=uk")
    assert '<html lang="uk">' in r.text
    assert "Перевірити статтю" in r.text and 'aria-current="true">Українська' in r.text


def test_unknown_language_falls_back_to_english(client: Any) -> None:
    assert '<html lang="en">' in client.get("/?lang=xx").text


def _keys(data: Any, prefix: str = "") -> set[str]:
    out = set()
    for key, value in data.items():
        out.add(prefix + key)
        if isinstance(value, dict):
            out |= _keys(value, f"{prefix}{key}.")
    return out


def _values(data: Any) -> list[Any]:
    return [v for value in data.values() for v in (_values(value) if isinstance(value, dict) else [value])]


def test_languages_are_data_with_the_same_keys() -> None:
    assert set(LANGS) == {"en", "uk"}
    reference = _keys(strings("en"))
    for lang in LANGS:
        assert _keys(strings(lang)) == reference, lang
        assert all(isinstance(v, str) and v.strip() for v in _values(strings(lang))), lang


def test_every_string_the_page_and_script_use_exists() -> None:
    used = set(re.findall(r"\bt\.(\w+)", (TEMPLATES / "index.html").read_text(encoding="utf-8")))
    used |= set(re.findall(r"\bT\.(\w+)", (STATIC / "app.js").read_text(encoding="utf-8")))
    assert used and used <= set(strings("en")), used - set(strings("en"))


@pytest.mark.parametrize(
    "path",
    [
        "/static/app.js",
        "/static/app.css",
        "/static/vendor/uplot/uPlot.iife.min.js",
        "/static/vendor/uplot/uPlot.min.css",
        "/static/i18n/uk.json",
    ],
)
def test_assets_are_served(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200 and len(r.content) > 100


def test_no_cdn() -> None:
    """Nothing the page loads comes from another host: no absolute URL in src/href or CSS url()."""
    page = (TEMPLATES / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["'](https?:)?//""", page)
    for path in STATIC.glob("*.*"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), path
        assert not re.search(r"""(import\s*\(|fetch\()\s*["'`]https?://""", text), path


def test_vendored_files_match_their_readme() -> None:
    vendor = STATIC / "vendor"
    readme = (vendor / "README.md").read_text(encoding="utf-8")
    listed = dict((name, digest) for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+)$", readme, flags=re.M))
    assert {"uplot/uPlot.iife.min.js", "uplot/uPlot.min.css", "uplot/LICENSE"} <= set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((vendor / name).read_bytes()).hexdigest() == digest, name
    assert "MIT" in (vendor / "uplot" / "LICENSE").read_text(encoding="utf-8")
    assert "1.6.32" in readme


def test_script_never_writes_html() -> None:
    """app.js builds the page from text nodes only (el()); no innerHTML, outerHTML, insertAdjacentHTML or document.write."""
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, sink


def test_assets_are_package_data() -> None:
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    assert '"web/static/**/*"' in text and '"web/templates/*"' in text
