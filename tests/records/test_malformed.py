"""Broken copies of the real files: bad rows are rejected with file and line, bad files fail the
whole sync with a clear error and leave the ledger exactly as it was."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lossledger import count_records, record_lists, record_rejections
from lossledger.errors import ParseError, SchemaError
from lossledger.ledger import Ledger
from lossledger.store.models import Document, Observation, Record, RecordList

FOLDER = "ru-fatalities-bessudnov"
NAME = "fatalities_anonymised.csv"
LABEL = f"{FOLDER}/{NAME}"
# rows on one physical line, with every field filled: easy to edit in place
# (id, first_name, last_name, impliedEthnicity, birthYear, deathConfirmedDate, unitType, age, region, source)
SIMPLE = re.compile(
    r"^(\d+),removed,removed,removed,(\d{4}),(\d{4}-\d\d-\d\d),([^,\"]+),(\d+),([^,\"]+),(https://\S+)$"
)


def _simple_lines(lines: list[str], n: int) -> list[int]:
    """Indexes (0-based) of ``n`` simple rows spread over the file."""
    found = [i for i, text in enumerate(lines) if SIMPLE.match(text)]
    step = len(found) // n
    return [found[k * step] for k in range(n)]


def _empty(ledger: Ledger) -> None:
    with ledger.engine.connect() as conn:
        for table in (Record, RecordList, Observation, Document):
            assert conn.execute(select(func.count()).select_from(table)).scalar() == 0, table.__tablename__


def test_bad_rows_are_rejected_with_file_and_line(ledger: Ledger, folder: Callable[[str], Path]) -> None:
    root = folder(FOLDER)
    path = root / FOLDER / NAME
    lines = path.read_text(encoding="utf-8").split("\n")
    picked = _simple_lines(lines, 6)
    edits = {
        "schema.date": lambda f: f.__setitem__(5, "2022-13-45"),
        "schema.date_range": lambda f: f.__setitem__(5, "2021-12-31"),
        "schema.negative": lambda f: f.__setitem__(7, "-5"),
        "schema.evidence": lambda f: f.__setitem__(9, ""),
        "schema.type": lambda f: f.__setitem__(4, "nineteen"),
    }
    expected = {}
    for (code, edit), index in zip(edits.items(), picked, strict=False):
        fields = lines[index].split(",")
        edit(fields)
        lines[index] = ",".join(fields)
        expected[index + 1] = (code, fields[0])
    lines[picked[5]] = lines[picked[5]].rsplit(",", 1)[0] + ",см. некролог (нет ссылки)"  # a note, no link
    expected[picked[5] + 1] = ("schema.evidence", lines[picked[5]].split(",")[0])
    path.write_text("\n".join(lines), encoding="utf-8")

    result = ledger.sync(root, only=[FOLDER])
    report = next(r for r in result.reports if r.dataset == FOLDER)
    assert any(LABEL in w and "rejected" in w for w in report.warnings)
    rows = {
        r["line"]: (r["code"], r["external_id"])
        for r in record_rejections(ledger, "ru-fatalities")
        if r["line"] in expected
    }
    assert rows == expected
    assert all(r["file"] == LABEL for r in record_rejections(ledger, "ru-fatalities"))
    (listed,) = record_lists(ledger)
    assert listed["records"] + listed["merged"] + listed["rejected"] == listed["rows"] == 20253
    with ledger.engine.connect() as conn:
        ids = set(conn.execute(select(Record.external_id)).scalars())
    assert not ids & {ident for _code, ident in expected.values()}  # nothing half-imported


def _truncate_in_quoted_cell(path: Path) -> int:
    """Cut the file inside a multi-line quoted cell past its middle; returns that record's line."""
    data = path.read_bytes()
    cut = data.index(b'"https://', len(data) // 2) + 20
    path.write_bytes(data[:cut])
    return data[:cut].count(b"\n") + 1


@pytest.mark.parametrize("breakage", ["truncated", "not-utf8", "wrong-header", "missing-cell"])
def test_a_malformed_file_fails_the_sync_and_changes_nothing(
    ledger: Ledger, folder: Callable[[str], Path], breakage: str
) -> None:
    root = folder(FOLDER)
    path = root / FOLDER / NAME
    data = path.read_bytes()
    if breakage == "truncated":
        line = _truncate_in_quoted_cell(path)
        error: type[Exception] = ParseError
    elif breakage == "not-utf8":
        at = data.index(b"\n", len(data) // 3) + 1
        path.write_bytes(data[:at] + b"\xff\xfe" + data[at:])
        line, error = data[:at].count(b"\n") + 1, ParseError
    elif breakage == "wrong-header":
        path.write_bytes(data.replace(b"deathConfirmedDate", b"date_of_death", 1))
        line, error = 1, SchemaError
    else:
        text = data.decode("utf-8").split("\n")
        index = _simple_lines(text, 3)[1]
        text[index] = text[index].rsplit(",", 1)[0]  # one cell short
        path.write_text("\n".join(text), encoding="utf-8")
        line, error = index + 1, ParseError
    with pytest.raises(error) as caught:
        ledger.sync(root, only=[FOLDER])
    assert caught.value.file == LABEL
    if breakage == "truncated":  # the record that runs off the end starts at or before the cut
        assert int(caught.value.line) <= line
    else:
        assert int(caught.value.line) == line
    assert f"{LABEL}:" in str(caught.value)
    _empty(ledger)


def test_one_bad_file_leaves_every_dataset_unimported(ledger: Ledger, folder: Callable[[str], Path]) -> None:
    root = folder(FOLDER)
    oryx = folder("oryx-scarnecchia") / "oryx-scarnecchia" / "event_captured.csv"
    data = oryx.read_bytes()
    oryx.write_bytes(data[: len(data) // 2].rsplit(b",", 1)[0])  # ends mid-row
    with pytest.raises(ParseError) as caught:
        ledger.sync(root, only=[FOLDER, "oryx-scarnecchia"])
    assert caught.value.file == "oryx-scarnecchia/event_captured.csv"
    _empty(ledger)


def test_reimport_is_idempotent_and_a_new_edition_withdraws(ledger: Ledger, folder: Callable[[str], Path]) -> None:
    root = folder(FOLDER)
    first = ledger.sync(root, only=[FOLDER])
    before = count_records(ledger, "ru-fatalities", "2023-04-11")
    again = ledger.sync(root, only=[FOLDER])
    assert [r.status for r in again.reports] == ["unchanged"]
    forced = ledger.sync(root, only=[FOLDER], force=True)
    report = next(r for r in forced.reports if r.dataset == FOLDER)
    assert report.records["added"] == 0 and report.records["withdrawn"] == 0
    (listed,) = record_lists(ledger)
    assert listed["merged"] == 7 and listed["records"] + listed["merged"] + listed["rejected"] == 20253
    assert first.reports[0].added > 18000
    # a new edition corrects one region: a new record, the old one withdrawn, the count unchanged
    path = root / FOLDER / NAME
    lines = path.read_text(encoding="utf-8").split("\n")
    index = _simple_lines(lines, 2)[1]
    fields = lines[index].split(",")
    fields[8] = "Moscow" if fields[8] != "Moscow" else "Tver"
    lines[index] = ",".join(fields)
    path.write_text("\n".join(lines), encoding="utf-8")
    ledger.sync(root, only=[FOLDER])
    (listed,) = record_lists(ledger)
    assert listed["withdrawn"] == 1
    assert count_records(ledger, "ru-fatalities", "2023-04-11") == before
