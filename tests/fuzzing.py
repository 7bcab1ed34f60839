"""Mutators for the fuzz campaign: hostile texts for ``extract``/``check``, broken dataset files for
``sync``, odd query strings for the API.  Shared by tests/test_fuzz.py (hypothesis, a few hundred
inputs) and benchmarks/fuzz.py (the long run), so both break inputs the same way.

Every mutator takes a :class:`random.Random`, so a run is repeatable from its seed (and hypothesis
can drive it through ``st.randoms()``).  A ledger's *dump* is every row of every table, in order:
a failed sync must leave it byte-for-byte equal.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import sqlite3
import string
from pathlib import Path
from typing import Any
from urllib.parse import quote

__all__ = [
    "QUERY_PATHS",
    "SMALL_DATASETS",
    "dump_digest",
    "mutate_file",
    "mutate_text",
    "random_query",
    "random_text",
    "trim_dataset",
]

#: Characters that break naive parsers: digit forms of many scripts, separators, marks, controls.
ODD = (
    "0123456789١٢٣٤٥٦٧٨٩٠०१२३४५६७८९０１２３４５６７８９"
    " \u00a0\u202f\u2009,.'’·٬٫-–—−+%/:;()[]{}«»\"“”„"
    "\u200b\u200c\u200d\u200e\u200f\u202e\u2066\ufeff\u0301\u0308\ufffd\x00\x0b\x0c\r\n\t"
)
_WORD_TEXT = (
    "tanks танків танков Panzer chars czołgów tank personnel особового складу soldiers killed wounded "
    "загиблих убитых Verluste pertes pérdidas lost втратила потеряла about близько около more than понад "
    "General Staff Генштаб Mediazona Oryx BBC day доба сутки increase +23 total всього million тисяч "
    "thousand hundred half а 400 300 1,210 6 465 12.129 2024-02-16 16.02.2024 16 February 2024 "
    "yesterday сьогодні Friday war day 723 день війни drones БпЛА aircraft helicopters ships"
)
WORDS = _WORD_TEXT.split()


def random_text(rng: random.Random, max_len: int = 2000, *, surrogates: bool = False) -> str:
    """Text from scratch: loss words, numbers in every notation, odd characters — and, with
    ``surrogates``, lone UTF-16 surrogates, which a Python str (a JSON "\\ud800") may hold."""
    parts: list[str] = []
    while sum(map(len, parts)) < rng.randint(0, max_len):
        pick = rng.random()
        if pick < 0.4:
            parts.append(rng.choice(WORDS))
        elif pick < 0.7:
            parts.append(_number(rng))
        elif pick < 0.9:
            parts.append("".join(rng.choice(ODD) for _ in range(rng.randint(1, 6))))
        else:
            char = chr(rng.randint(0x20, 0x2FFFF))
            parts.append(char if surrogates or not 0xD800 <= ord(char) <= 0xDFFF else "\ufffd")
    return " ".join(parts)


def _number(rng: random.Random) -> str:
    value = rng.choice(
        [rng.randint(0, 99), rng.randint(100, 99_999), rng.randint(10**5, 10**9), 10 ** rng.randint(10, 40)]
    )
    sep = rng.choice(["", ",", " ", ".", "\u00a0", "\u202f", "'", "٬"])
    text = f"{value:,}".replace(",", sep)
    return rng.choice(["", "~", "+", "-", "понад ", "about "]) + text + rng.choice(["", "%", "k", " тис.", "+", "x"])


def mutate_text(rng: random.Random, text: str, max_len: int = 200_000) -> str:
    """A seed text broken in one to five ways (spliced, cut, repeated, sprinkled, digit-swapped)."""
    for _ in range(rng.randint(1, 5)):
        if not text:
            text = random_text(rng, 200)
            continue
        at = rng.randrange(len(text) + 1)
        op = rng.randrange(8)
        if op == 0:
            text = text[:at] + _number(rng) + text[at:]
        elif op == 1:
            text = text[:at] + "".join(rng.choice(ODD) for _ in range(rng.randint(1, 20))) + text[at:]
        elif op == 2:
            end = min(len(text), at + rng.randint(1, 500))
            text = text[:at] + text[end:]
        elif op == 3:
            piece = text[at : at + rng.randint(1, 400)]
            text = text[:at] + piece * rng.randint(2, 50) + text[at:]
        elif op == 4:
            text = "".join(rng.choice("0123456789") if c.isdigit() and rng.random() < 0.3 else c for c in text)
        elif op == 5:
            text = text[:at] + rng.choice(["<p>", "</div>", "<script>", "&amp;", "&#1234;", "\\u0000"]) + text[at:]
        elif op == 6:
            text = text.upper() if rng.random() < 0.5 else text.lower()
        else:
            words = text.split(" ")
            rng.shuffle(words)
            text = " ".join(words)
    return text[:max_len]


# --- dataset files -----------------------------------------------------------------------------

#: Folders whose files are small enough to sync thousands of times (the others are trimmed).
SMALL_DATASETS = ("mediazona-totals", "oryx-totals", "acknowledged-own-losses")

#: A fuzzed value for a JSON field or a CSV cell.
CELLS: list[Any] = [None, "", " ", "-1", -1, 0, 1.5, "1e309", 1e309, "NaN", True, [], {}, "2024-02-30",
                    "2099-01-01", "1900-01-01", "２０２４-０２-１６", "١٢٣", 2**63, -(2**63), "x" * 300, "\x00",
                    "\ud800", "exact", "about", "javascript:alert(1)", "https://example.org/\n"]  # fmt: skip


def trim_dataset(src: Path, dest: Path, rows: int) -> None:
    """Copy a dataset folder keeping the first ``rows`` records of each JSON array / CSV file, so
    that a sync of the folder takes milliseconds, not seconds."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in src.iterdir():
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".json":
            loaded = json.loads(data)
            if isinstance(loaded, list):
                data = json.dumps(loaded[-rows:], ensure_ascii=False, indent=1).encode()
        elif path.suffix == ".csv":
            lines = data.split(b"\n")
            data = b"\n".join(lines[: rows + 1]) + b"\n"
        (dest / path.name).write_bytes(data)


def _mutate_json(rng: random.Random, data: bytes) -> bytes:
    loaded = json.loads(data)
    records = loaded if isinstance(loaded, list) else loaded.get("data", []) if isinstance(loaded, dict) else []
    if not records:
        return data[: rng.randrange(len(data) + 1)]
    i = rng.randrange(len(records))
    record = records[i]
    op = rng.randrange(5)
    if op == 0 and isinstance(record, dict) and record:
        record[rng.choice(sorted(record))] = rng.choice(CELLS)
    elif op == 1 and isinstance(record, dict) and record:
        del record[rng.choice(sorted(record))]
    elif op == 2:
        records.insert(rng.randrange(len(records) + 1), json.loads(json.dumps(record)))
    elif op == 3:
        records[i] = rng.choice(CELLS)
    elif isinstance(record, dict):
        key = rng.choice(sorted(record)) if record else "x"
        value = record.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            record[key] = value * rng.choice([10, -1, 0]) + rng.randint(-3, 3)
    return json.dumps(loaded, ensure_ascii=False).encode()


def _mutate_csv(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    if len(rows) < 2:
        return data + b"\n,,,\n"
    r = rng.randrange(len(rows))
    op = rng.randrange(4)
    if op == 0 and rows[r]:
        rows[r][rng.randrange(len(rows[r]))] = str(rng.choice(CELLS))
    elif op == 1:
        rows.insert(rng.randrange(len(rows) + 1), list(rows[r]))
    elif op == 2 and rows[r]:
        rows[r] = rows[r][: rng.randrange(len(rows[r]))] + ["extra"] * rng.randint(0, 2)
    else:
        del rows[r]
    out = io.StringIO()
    csv.writer(out, lineterminator=rng.choice(["\n", "\r\n"])).writerows(rows)
    return out.getvalue().encode()


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(4)
        at = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[at:at] = rng.choice([b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b'"', b",", b"\n", b"{", b"]", b"-"])
        elif op == 2:
            del buf[at : at + rng.randint(1, 64)]
        else:
            buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 32)))
    return bytes(buf)


def mutate_file(rng: random.Random, path: Path) -> str:
    """Break ``path`` in place in one way; returns the way (for the report)."""
    data = path.read_bytes()
    how = rng.choice(["structured", "structured", "bytes", "truncate", "random"])
    if how == "structured":
        try:
            data = _mutate_json(rng, data) if path.suffix == ".json" else _mutate_csv(rng, data)
        except (ValueError, UnicodeDecodeError):  # already broken: break its bytes instead
            how, data = "bytes", _mutate_bytes(rng, data)
    elif how == "bytes":
        data = _mutate_bytes(rng, data)
    elif how == "truncate":
        data = data[: rng.randrange(len(data) + 1)]
    else:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 4096)))
    path.write_bytes(data)
    return how


def dump_digest(sqlite_path: Path) -> str:
    """sha256 of every row of every table of an SQLite ledger, in a fixed order."""
    digest = hashlib.sha256()
    with sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode())
    return digest.hexdigest()


# --- API query strings ---------------------------------------------------------------------------

QUERY_PATHS = [
    "/ledger/v1/metrics", "/ledger/v1/sources", "/ledger/v1/days/2024-02-16", "/ledger/v1/latest",
    "/ledger/v1/figures/2024-02-16/tanks", "/ledger/v1/series/tanks", "/ledger/v1/conflicts", "/ledger/v1/compare/tanks",
    "/ledger/v1/changes", "/api/v1/statistics/latest", "/api/v1/statistics", "/api/v2/statistics/latest",
    "/api/v2/statistics", "/api/v2/statistics/2024-02-16", "/api/v2/terms/en", "/api/v2/war-info",
]  # fmt: skip
KEYS = ["source", "from", "to", "as_known_at", "metric", "rolling", "daily", "monthly", "limit", "offset",
        "date_from", "date_to", "category", "status", "since", "lang", "by", "window", "as_of", "side", "format"]  # fmt: skip


def random_query(rng: random.Random) -> str:
    """A query string of known and unknown keys with odd values, raw or percent-encoded."""
    pairs = []
    for _ in range(rng.randint(0, 6)):
        key = rng.choice(KEYS) if rng.random() < 0.8 else "".join(rng.choice(string.printable) for _ in range(4))
        value = rng.choice([str(rng.choice(CELLS)), _number(rng), "".join(rng.choice(ODD) for _ in range(5)),
                            "%00", "%ff%fe", "%", "&&", "==", "2024-02-16T25:61", "-" * 3, "9" * 40])  # fmt: skip
        pairs.append(f"{key}={value}" if rng.random() < 0.9 else key)
    # what a client can send: characters a URL may not hold percent-encoded, "%" itself left raw
    # so that the server meets broken escapes ("%", "%ff%fe", "%00") too
    return quote("&".join(pairs), safe="=&%+-_.~,:;/!*()'$@[]")
