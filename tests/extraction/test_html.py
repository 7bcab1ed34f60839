"""Web pages: the article's text, not the page's navigation, teasers and footer (issue 11, class 7)."""

from __future__ import annotations

from pathlib import Path

from lossledger.cli import main
from lossledger.extraction import extract
from lossledger.sources.textinput import article_from_html, read_text_input

PAGE = """<!doctype html><html><head><title>Втрати ворога на 27 жовтня</title>
<meta property="article:published_time" content="2024-10-27T09:15:00+02:00"></head><body>
<nav><a href="/">Головна</a> <a href="/war">Війна 24/7</a> <a href="/top">Топ-100 новин</a></nav>
<article><h1>Генштаб оновив дані про втрати армії РФ</h1>
<p>За минулу добу російська армія втратила ще 1440 військових. Загалом від лютого 2022 року втрати ворога
в особовому складі досягли 689 040 осіб, повідомив Генеральний штаб ЗСУ.</p>
<p>Танки — 9113 (+4), бойові броньовані машини — 18 355 (+23).</p></article>
<aside><h3>Читайте також</h3><ul><li><a href="/a">Росія втратила 500 танків за місяць</a></li>
<li><a href="/b">ЗСУ знищили 12 гелікоптерів</a></li></ul></aside>
<footer>© 2024 Новини. 3 000 000 читачів щомісяця.</footer></body></html>"""


def test_page_is_read_as_its_article(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_text_input(str(path))
    assert doc.media_type == "text/html" and doc.published == "2024-10-27"
    claims = {(c.metric, c.kind, c.value) for c in extract(doc.text, published=doc.published).claims}
    assert claims == {
        ("personnel", "increase", 1440),
        ("personnel", "total", 689040),
        ("tanks", "total", 9113),
        ("tanks", "increase", 4),
        ("afv", "total", 18355),
        ("afv", "increase", 23),
    }


def test_fragment_without_an_article_keeps_its_visible_text() -> None:
    assert article_from_html("<p>Russia lost <b>6,465</b> tanks.</p>")[0] == "Russia lost 6,465 tanks."


def test_cli_reads_a_saved_page(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"as_of": "2024-10-27"' in out and "500" not in out.split('"ignored"')[0]
