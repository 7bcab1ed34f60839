"""The taxonomy covers every name the real datasets and formats use."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re

import pytest

from lossledger import taxonomy
from lossledger.errors import NotFound, SchemaError

from .conftest import DATA, SHARED

REQUIRED = [
    "personnel",
    "tanks",
    "afv",
    "artillery",
    "mlrs",
    "air_defense",
    "aircraft",
    "helicopters",
    "uav",
    "cruise_missiles",
    "ships",
    "submarines",
    "vehicles",
    "special_equipment",
    "ground_robots",
    "military_auto",
    "fuel_tanks",
    "srbm_launchers",
    "pow",
]


def test_required_metrics_with_three_labels() -> None:
    for name in REQUIRED:
        m = taxonomy.metric(name)
        assert all(m.labels[lang] for lang in ("en", "uk", "ru")), name


def test_unknown_metric_is_not_found() -> None:
    with pytest.raises(NotFound):
        taxonomy.metric("battleships")


def test_merge_of_2022_05_01_is_recorded() -> None:
    vehicles = taxonomy.metric("vehicles")
    assert vehicles.merged_from == ("military_auto", "fuel_tanks")
    for part in vehicles.merged_from:
        assert taxonomy.metric(part).merged_into == "vehicles"
        assert taxonomy.metric(part).until == dt.date(2022, 4, 30)


def test_every_dataset_key_maps_to_a_metric() -> None:
    for compilation in ("petroivaniuk", "orc-losses", "russianwarship"):
        for metric in taxonomy.compilation_metrics(compilation):
            taxonomy.metric(metric)


@pytest.mark.parametrize(
    "path", ["russia_losses_equipment.json", "russia_losses_personnel.json", "russia_losses_equipment_correction.json"]
)
def test_petroivaniuk_keys_are_known(path: str) -> None:
    records = json.loads((DATA / "general-staff-petroivaniuk" / path).read_text())
    keys = {k for r in records for k in r} - {"date", "day", "personnel*", "greatest losses direction"}
    for key in keys:
        taxonomy.resolve_key("petroivaniuk", key)


def test_orc_losses_keys_are_known_and_date_dependent() -> None:
    schema = json.loads((DATA / "general-staff-orc-losses" / "russian-losses.en.schema.json").read_text())
    for key in set(schema["items"]["properties"]) - {"date", "sourceUri"}:
        taxonomy.resolve_key("orc-losses", key, dt.date(2023, 1, 1))
    assert taxonomy.resolve_key("orc-losses", "unarmoredVehicles", dt.date(2022, 4, 30)) == "military_auto"
    assert taxonomy.resolve_key("orc-losses", "unarmoredVehicles", dt.date(2022, 5, 1)) == "vehicles"


def test_russianwarship_keys_of_the_format_document() -> None:
    doc = (SHARED / "formats" / "russianwarship-api.md").read_text()
    block = doc.split('"stats": {', 1)[1].split("}", 1)[0]
    keys = re.findall(r'"(\w+)":', block)
    assert len(keys) == 15
    for key in keys:
        taxonomy.resolve_key("russianwarship", key, dt.date(2024, 2, 16))
    with pytest.raises(SchemaError):
        taxonomy.resolve_key("russianwarship", "ground_robots")


def _statement_lines(text: str) -> list[tuple[str, int]]:
    """(label, total) of every 'label ‒ number' item of a statement."""
    found = []
    for label, number in re.findall(r"([^,:\n‒—–]+?)\s*[‒—–-]\s*(?:близько |около |about |more than )?([\d  ]+)", text):
        found.append((label.strip().lower(), int(re.sub(r"\D", "", number))))
    return found


@pytest.mark.parametrize(
    "lang,marker",
    [
        ("uk", "## Example, Ukrainian (figures of 2024-02-16"),
        ("en", "## Example, English (same day)"),
        ("ru", "## Example, Russian"),
    ],
)
def test_statement_wording_covers_the_examples(lang: str, marker: str) -> None:
    doc = (SHARED / "formats" / "general-staff-statement.md").read_text()
    example = doc.split(marker, 1)[1].split("##", 1)[0]
    wording = taxonomy.statement_wording(lang)
    lines = _statement_lines(example)
    assert len(lines) == 14
    for label, _total in lines:
        assert any(label.startswith(w) or label.endswith(w) for w in wording), label


def test_every_oryx_type_is_mapped_or_a_heading() -> None:
    names: set[str] = set()
    for name in ("daily_count.csv", "totals_by_type.csv"):
        with (DATA / "oryx-scarnecchia" / name).open(newline="") as fh:
            names |= {row["equipment_type"] for row in csv.DictReader(fh)}
    for name in names:
        if taxonomy.oryx_heading(name) is None:
            cat = taxonomy.oryx_category(name)
            taxonomy.metric(cat.metric)


def test_oryx_categories_without_a_statement_line_say_why() -> None:
    for cat in taxonomy.oryx_categories():
        if cat.metric == "other_equipment":
            assert cat.no_match
    assert taxonomy.oryx_category(" Tanks\n").metric == "tanks"
    with pytest.raises(SchemaError):
        taxonomy.oryx_category("Battleships")


def test_metric_summaries_list_every_metric_with_the_compilations_keys() -> None:
    summaries = taxonomy.metric_summaries("russianwarship")
    assert [m.name for m in summaries] == taxonomy.metric_names()
    tanks = next(m for m in summaries if m.name == "tanks")
    assert tanks.v2_keys == ["tanks"] and tanks.statement and tanks.since == "2022-02-24"
    assert list(tanks.to_dict()) == ["name", "unit", "labels", "since", "until", "note", "merged_into",
                                     "merged_from", "statement", "v2_keys"]  # fmt: skip
    assert all(not m.v2_keys for m in taxonomy.metric_summaries("no-such-compilation"))
