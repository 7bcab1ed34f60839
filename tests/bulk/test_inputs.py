"""Archive inputs: JSONL, Parquet row groups, WARC; bad records become rejects with the reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lossledger.bulk.inputs import Article, Reject, list_shards, read_shard
from lossledger.errors import InputError


def _items(path: Path) -> list[Article | Reject]:
    return [item for shard in list_shards([str(path)]) for item in read_shard(shard)]


def test_jsonl_records_and_rejects(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "url": "https://a.example/1",
                "outlet": "A",
                "published": "2024-02-16",
                "language": "en",
                "text": "Russia lost 6,465 tanks.",
            }
        ),
        "{not json",
        json.dumps(
            {
                "url": "https://b.example/2",
                "published": "2024-02-16T09:30:00Z",
                "html": "<html><body><p>Russia lost 6,465 tanks.</p></body></html>",
            }
        ),
        json.dumps({"outlet": "A", "text": "no url"}),
        json.dumps({"url": "https://a.example/3", "published": "16/02/2024", "text": "x"}),
        json.dumps([1, 2]),
        json.dumps({"url": "https://a.example/4", "text": "   "}),
    ]
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    items = _items(path)
    articles = [i for i in items if isinstance(i, Article)]
    rejects = {i.record: i.code for i in items if isinstance(i, Reject)}
    assert [a.record for a in articles] == [1, 3]
    assert articles[1].outlet == "b.example" and articles[1].text == "Russia lost 6,465 tanks."
    assert str(articles[1].published) == "2024-02-16"
    assert rejects == {2: "parse.json", 4: "schema.url", 5: "schema.published", 6: "schema.record", 7: "schema.text"}


def test_parquet_row_groups_are_shards(tmp_path: Path) -> None:
    rows = [
        {"url": f"https://a.example/{i}", "outlet": "A", "published": "2024-02-16", "text": f"text {i}"}
        for i in range(10)
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "p.parquet", row_group_size=4)
    shards = list_shards([str(tmp_path)])
    assert [s.part for s in shards] == [0, 1, 2] and len({s.id for s in shards}) == 3
    assert [a.url for s in shards for a in read_shard(s)] == [r["url"] for r in rows]


def test_warc_response_records(ledger_url: str, tmp_path: Path) -> None:
    from lossledger.bulk import generate_corpus

    made = generate_corpus(tmp_path / "c", 5, db=ledger_url, shard_size=5, seed=1, fmt="warc")
    items = _items(made.shards[0])
    assert len(items) == 5 and all(isinstance(i, Article) for i in items)
    first = items[0]
    assert isinstance(first, Article)
    assert first.url.startswith("https://") and first.outlet.endswith(".example") and first.published
    assert "var x" not in first.text and any(ch.isdigit() for ch in first.text)


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as err:
        list_shards([str(tmp_path / "nope.jsonl")])
    assert err.value.file == str(tmp_path / "nope.jsonl")
    (tmp_path / "readme.txt").write_text("x")
    with pytest.raises(InputError, match="no .jsonl"):
        list_shards([str(tmp_path)])
