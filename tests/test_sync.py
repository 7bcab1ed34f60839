"""sync: every real dataset imported with provenance; idempotent; atomic; bad input refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from lossledger.cli import main
from lossledger.errors import InputError, LossLedgerError, ParseError, SchemaError
from lossledger.ledger import Ledger
from lossledger.store.models import Document, Observation, SyncRun

from .conftest import DATA

SEED_FIGURES = {
    "personnel": 400300,
    "tanks": 6465,
    "afv": 12129,
    "artillery": 9641,
    "air_defense": 671,
    "aircraft": 332,
    "helicopters": 325,
    "uav": 7408,
    "ships": 25,
    "submarines": 1,
}


def state(ledger: Ledger) -> tuple[Any, ...]:
    """Everything a failed sync must leave as it was."""
    with ledger.engine.connect() as conn:
        return tuple(
            conn.execute(select(func.count(), func.max(table.id))).one()
            for table in (Observation, Document, SyncRun)  # type: ignore[attr-defined]
        ) + (conn.execute(select(func.count()).where(Observation.superseded_at.is_not(None))).scalar(),)


def test_every_day_of_both_transcriptions(synced: Ledger) -> None:
    petro = json.loads((DATA / "general-staff-petroivaniuk" / "russia_losses_equipment.json").read_text())
    orc = json.loads((DATA / "general-staff-orc-losses" / "russian-losses.json").read_text())
    comps = {c.slug: c for s in synced.sources() for c in s.compilations if s.slug == "general-staff"}
    dates = {}
    with synced.engine.connect() as conn:
        from lossledger.store.models import Compilation

        for slug in ("petroivaniuk", "orc-losses"):
            dates[slug] = set(
                conn.execute(
                    select(Observation.report_date)
                    .distinct()
                    .join(Compilation, Compilation.id == Observation.compilation_id)
                    .where(Compilation.slug == slug)
                ).scalars()
            )
    assert {d.isoformat() for d in dates["petroivaniuk"]} == {r["date"] for r in petro}
    assert {d.isoformat() for d in dates["orc-losses"]} == {r["date"] for r in orc}
    assert comps["petroivaniuk"].first == "2022-02-25" and comps["orc-losses"].last == "2026-08-22"


def test_show_gives_the_seed_article_figures(synced: Ledger) -> None:
    day = synced.show("2024-02-16")
    assert (day.date, day.day, day.source) == ("2024-02-16", 723, "general-staff")
    for metric, total in SEED_FIGURES.items():
        assert day.figures[metric].total == total, metric
    assert day.figures["personnel"].increase == 1210
    assert day.figures["personnel"].qualifier == "about"
    assert day.figures["tanks"].increase == 23
    assert day.figures["tanks"].qualifier == "exact"
    uris = {d.uri for d in day.documents}
    assert any(u.endswith("russia_losses_equipment.json") for u in uris)
    assert any("mil.gov.ua" in u or "mod.gov.ua" in u for u in uris), "orc-losses' sourceUri is that day's document"
    assert list(day.figures)[:3] == ["personnel", "tanks", "afv"]


def test_orc_losses_source_uri_is_the_document(synced: Ledger) -> None:
    docs = {d.id: d for d in synced.show("2024-02-16").documents}
    cited = [d for d in docs.values() if d.uri.startswith("https://")]
    assert cited and all(d.via is not None and d.via.uri.endswith("russian-losses.json") for d in cited)


def test_second_sync_adds_nothing(synced_sqlite_copy: Path) -> None:
    with Ledger.open(f"sqlite:///{synced_sqlite_copy}") as ledger:
        before = state(ledger)
        result = ledger.sync(DATA)
        assert result.added == 0 and result.superseded == 0
        forced = ledger.sync(DATA, force=True)  # re-parsed, compared, nothing new
        assert forced.added == 0 and forced.superseded == 0
        assert all(r.unchanged > 0 for r in forced.reports if r.status == "imported")
        after = state(ledger)
    assert before[0] == after[0] and before[1] == after[1]


def test_sync_into_empty_ledger_on_each_backend(ledger: Ledger) -> None:
    result = ledger.sync(DATA)
    assert result.added > 40000
    again = ledger.sync(DATA)
    assert again.added == 0
    assert ledger.show("2024-02-16").figures["tanks"].total == 6465


def test_corrupted_mid_way_changes_nothing(ledger: Ledger, data_copy: Path) -> None:
    """The last dataset is broken: earlier datasets parsed fine, yet nothing is written."""
    path = data_copy / "acknowledged-own-losses" / "totals.csv"
    path.write_text(path.read_text()[:-400] + '\n2024-01-01,russia,killed_total,"unterminated\n')
    empty = state(ledger)
    with pytest.raises(LossLedgerError) as info:
        ledger.sync(data_copy)
    assert "acknowledged-own-losses/totals.csv" in str(info.value)
    assert state(ledger) == empty


def test_revision_supersedes_and_history_stays(synced_sqlite_copy: Path, data_copy: Path) -> None:
    path = data_copy / "general-staff-petroivaniuk" / "russia_losses_equipment.json"
    records = json.loads(path.read_text())
    target = next(r for r in records if r["date"] == "2024-02-16")
    target["tank"] = 6466
    path.write_text(json.dumps(records))
    with Ledger.open(f"sqlite:///{synced_sqlite_copy}") as ledger:
        first_sync = ledger.syncs()[0].finished_at
        result = ledger.sync(data_copy)
        assert result.superseded == 1 and result.added == 0
        changes = ledger.changes()
        assert len(changes) == 1
        change = changes[0]
        assert (change.date, change.metric, change.old, change.new, change.compilation) == (
            "2024-02-16",
            "tanks",
            6465,
            6466,
            "petroivaniuk",
        )
        # petroivaniuk now disagrees with orc-losses: reconciled, both values visible
        fig = ledger.show("2024-02-16").figures["tanks"]
        assert fig.resolved is not None and {v.value for v in fig.resolved.values} == {6465, 6466}
        before = ledger.show("2024-02-16", as_known_at=first_sync).figures["tanks"]
        assert before.total == 6465 and before.resolved is None
        assert ledger.changes(since=first_sync) == changes


def _break(data: Path, folder: str, name: str, edit: Any) -> None:
    path = data / folder / name
    if name.endswith(".json"):
        records = json.loads(path.read_text())
        edit(records)
        path.write_text(json.dumps(records))
    else:
        path.write_text(edit(path.read_text()))


def _set(records: list[dict[str, Any]], index: int, key: str, value: Any) -> None:
    records[index][key] = value


PETRO, ORC, MZ = "general-staff-petroivaniuk", "general-staff-orc-losses", "mediazona-totals"
EQUIP = "russia_losses_equipment.json"

BAD_INPUTS = {
    # name: (folder, file, edit, error type, code, text the message must contain)
    "truncated-json": (PETRO, EQUIP, None, ParseError, "parse.json", f"{PETRO}/{EQUIP}:"),
    "wrong-type": (PETRO, EQUIP, lambda r: _set(r, 5, "tank", "many"), SchemaError, "schema.type", "record 5"),
    "negative": (PETRO, EQUIP, lambda r: _set(r, 7, "tank", -3), SchemaError, "schema.negative", "record 7"),
    "absurd": (PETRO, EQUIP, lambda r: _set(r, 7, "APC", 10**12), SchemaError, "schema.absurd", "record 7"),
    "float-count": (
        ORC,
        "russian-losses.json",
        lambda r: _set(r, 3, "tanks", 12.5),
        SchemaError,
        "schema.type",
        "record 3",
    ),
    "before-war": (
        ORC,
        "russian-losses.json",
        lambda r: _set(r, 2, "date", "2021-12-31"),
        SchemaError,
        "schema.date_range",
        "record 2",
    ),
    "future": (
        ORC,
        "russian-losses.json",
        lambda r: _set(r, 2, "date", "2099-01-01"),
        SchemaError,
        "schema.date_range",
        "in the future",
    ),
    "bad-date": (
        ORC,
        "russian-losses.json",
        lambda r: _set(r, 2, "date", "2024-13-45"),
        SchemaError,
        "schema.date",
        "record 2",
    ),
    "duplicate-date": (
        ORC,
        "russian-losses.json",
        lambda r: _set(r, 1, "date", r[0]["date"]),
        SchemaError,
        "schema.duplicate",
        "duplicated date",
    ),
    "not-an-array": (ORC, "russian-losses.json", lambda r: r.clear(), None, None, None),
    "negative-csv": (
        MZ,
        "totals.csv",
        lambda t: t.replace(",43460,", ",-43460,"),
        SchemaError,
        "schema.negative",
        f"{MZ}/totals.csv:",
    ),
    "bad-qualifier": (
        MZ,
        "totals.csv",
        lambda t: t.replace("exact", "roughly", 1),
        SchemaError,
        "schema.qualifier",
        ":2",
    ),
    "wrong-header": (MZ, "totals.csv", lambda t: t.replace("count", "total", 1), SchemaError, "schema.columns", ":1"),
    "ragged-row": (
        MZ,
        "totals.csv",
        lambda t: t.replace("\n2022-07-08,4515,", "\n2022-07-08,4515,extra,", 1),
        ParseError,
        "parse.csv",
        ":3",
    ),
    "unknown-kind": (
        "acknowledged-own-losses",
        "totals.csv",
        lambda t: t.replace("killed_total", "missing_total", 1),
        SchemaError,
        "schema.kind",
        ":2",
    ),
    "unknown-metric": (
        "oryx-totals",
        "totals.csv",
        lambda t: t.replace("all_equipment", "battleships", 1),
        SchemaError,
        "schema.metric",
        ":2",
    ),
    "bad-url": (
        "oryx-totals",
        "totals.csv",
        lambda t: t.replace("https://skat.media", "javascript:alert(1)//", 1),
        SchemaError,
        "schema.url",
        ":2",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_refused_with_its_place(
    case: str, synced_sqlite_copy: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, name, edit, error, code, where = BAD_INPUTS[case]
    if edit is None:  # truncate
        path = data_copy / folder / name
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    else:
        _break(data_copy, folder, name, edit)
    url = f"sqlite:///{synced_sqlite_copy}"
    with Ledger.open(url) as ledger:
        before = state(ledger)
    if error is None:  # an empty array is valid: nothing to import, nothing removed
        with Ledger.open(url) as ledger:
            ledger.sync(data_copy, only=[folder], force=True)
            assert state(ledger)[0] == before[0]
        return
    code_ = main(["--db", url, "sync", "--from", str(data_copy), "--only", folder, "--force"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code_ == 1
    assert len(err) == 1 and err[0].startswith("lossledger: error: "), err
    assert f"({code})" in err[0] and where in err[0], err[0]
    with Ledger.open(url) as ledger:
        assert state(ledger) == before
        with pytest.raises(error):
            ledger.sync(data_copy, only=[folder], force=True)


def test_non_utf8_binary_and_missing_files(synced_sqlite_copy: Path, data_copy: Path) -> None:
    url = f"sqlite:///{synced_sqlite_copy}"
    totals = data_copy / MZ / "totals.csv"
    totals.write_bytes(
        totals.read_bytes().replace(b"Mediazona", b"Medi\xe1zona")
        + b"2024-01-01,1,named_deaths,exact,,,https://x.org/\xff\n"
    )
    with Ledger.open(url) as ledger:
        before = state(ledger)
        with pytest.raises(ParseError, match=r"mediazona-totals/totals.csv:\d+: invalid UTF-8"):
            ledger.sync(data_copy, only=[MZ], force=True)
        (data_copy / ORC / "russian-losses.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        with pytest.raises(ParseError, match="binary"):
            ledger.sync(data_copy, only=[ORC], force=True)
        (data_copy / PETRO / "russia_losses_personnel.json").unlink()
        with pytest.raises(InputError, match="russia_losses_personnel.json: required file .* missing"):
            ledger.sync(data_copy, only=[PETRO], force=True)
        assert state(ledger) == before


def test_unknown_folders_keys_and_categories_warn_and_skip(ledger: Ledger, data_copy: Path) -> None:
    (data_copy / "someone-elses-data").mkdir()
    (data_copy / "someone-elses-data" / "x.csv").write_text("a,b\n1,2\n")
    _break(data_copy, PETRO, EQUIP, lambda r: _set(r, 0, "laser cannons", 3))
    daily = data_copy / "oryx-scarnecchia" / "daily_count.csv"
    daily.write_text(daily.read_text() + "Russia,Battleships,1,0,0,0,1,2024-01-01,0,0,0,0,0,0,0,0,0,0\n")
    result = ledger.sync(data_copy, only=[PETRO, "oryx-scarnecchia"])
    assert any("someone-elses-data" in w for w in result.warnings)
    reports = {r.dataset: r for r in result.reports}
    assert reports[PETRO].skipped["unknown field 'laser cannons'"] == 1
    assert reports["oryx-scarnecchia"].skipped["unknown Oryx equipment type"] == 1
    assert any("Battleships" in w for w in reports["oryx-scarnecchia"].warnings)
    assert result.added > 20000


def test_cli_contract_show_and_conflicts(synced_sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{synced_sqlite_path}"
    assert main(["--db", url, "show", "2024-02-16", "--format", "json"]) == 0
    day = json.loads(capsys.readouterr().out)
    assert day["figures"]["personnel"]["total"] == 400300 and day["figures"]["personnel"]["increase"] == 1210
    with Ledger.open(url) as ledger:
        assert day == ledger.show("2024-02-16").to_dict()
    assert main(["--db", url, "conflicts", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 150
    for row in rows:
        assert set(row) >= {"date", "metric", "values", "resolved"}
        assert len(row["values"]) >= 2 and all({"compilation", "value", "document"} <= set(v) for v in row["values"])
        assert row["resolved"] in {v["value"] for v in row["values"]}
    assert main(["--db", url, "show", "2021-01-01"]) == 1
    assert (
        capsys.readouterr().err.strip()
        == "lossledger: error: no general-staff report for 2021-01-01 (ledger.no_report)"
    )
    assert main(["--db", url, "show", "yesterday"]) == 1
    assert "not a YYYY-MM-DD date" in capsys.readouterr().err
