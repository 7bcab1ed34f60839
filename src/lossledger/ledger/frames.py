"""pandas views of the ledger: a metric's series and the export of every observation.

Kept apart from the query code so that commands which need no DataFrame (show, check) do not
pay for importing pandas.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select

from ..errors import InputError
from ..store.models import Compilation, Document, Observation, Source
from .series import Point

__all__ = ["SERIES_COLUMNS", "export_frame", "frame_records", "json_records", "series_frame", "write_frame"]

SERIES_COLUMNS = [
    "total",
    "increase",
    "correction",
    "qualifier",
    "increase_derived",
    "corrected",
    "merged",
    "resolved",
    "rule",
    "missing",
    "documents",
]


def series_frame(
    points: dict[dt.date, Point],
    *,
    daily: bool = False,
    rolling: int | None = None,
    monthly: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """DataFrame indexed by ``date``.

    Columns: ``total``, ``increase`` (reported, else derived — ``increase_derived``), ``correction``,
    ``qualifier``; ``corrected`` marks a correction day (the total went down or a correction was
    recorded); ``resolved``/``rule`` mark reconciled cells; ``merged`` totals summed from lines
    merged later.  ``daily`` adds a row for every calendar day, with ``missing`` True on days the
    source skipped; ``rolling=N`` adds ``rolling_N``, the N-day mean of daily increases;
    ``monthly`` gives one row per month (last total, sum of increases).
    """
    if rolling is not None and rolling < 1:
        raise InputError("--rolling must be at least 1", code="input.rolling")
    rows = []
    prev_total: int | None = None
    for date, p in points.items():
        corrected = bool(p.correction) or (prev_total is not None and p.total is not None and p.total < prev_total)
        rows.append(
            {
                "date": pd.Timestamp(date),
                "total": p.total,
                "increase": p.increase,
                "correction": p.correction or 0,
                "qualifier": p.qualifier,
                "increase_derived": p.increase_derived,
                "corrected": corrected,
                "merged": p.merged,
                "resolved": p.resolved,
                "rule": p.rule,
                "missing": False,
                "documents": ",".join(str(i) for i in p.document_ids),
            }
        )
        if p.total is not None:
            prev_total = p.total
    frame = pd.DataFrame(rows, columns=["date", *SERIES_COLUMNS]).set_index("date")
    frame["total"] = frame["total"].astype("Int64")
    frame["increase"] = frame["increase"].astype("Int64")
    frame["correction"] = frame["correction"].astype("Int64")
    if daily or rolling:
        frame = _calendar(frame, start, end)
    if rolling:
        frame[f"rolling_{rolling}"] = (
            frame["increase"].astype("Float64").rolling(rolling, min_periods=1).mean().round(2)
        )
        if not daily:
            frame = frame[~frame["missing"]]
    if monthly:
        frame = _monthly(frame)
    return frame


def _calendar(frame: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> pd.DataFrame:
    if frame.empty:
        return frame
    first = pd.Timestamp(start) if start else frame.index.min()
    last = pd.Timestamp(end) if end else frame.index.max()
    full = frame.reindex(pd.date_range(first, last, freq="D", name="date"))
    full["missing"] = full["missing"].isna() | full["missing"].astype("boolean").fillna(True)
    for col in ("increase_derived", "corrected", "merged", "resolved"):
        full[col] = full[col].astype("boolean").fillna(False)
    full["rule"] = full["rule"].fillna("")
    full["qualifier"] = full["qualifier"].fillna("")
    full["documents"] = full["documents"].fillna("")
    full["correction"] = full["correction"].fillna(0)
    return full


def _monthly(frame: pd.DataFrame) -> pd.DataFrame:
    reported = frame[~frame["missing"]] if "missing" in frame else frame
    if reported.empty:
        return reported
    grouped = reported.groupby(reported.index.to_period("M"))
    out = pd.DataFrame(
        {
            "total": grouped["total"].last(),
            "increase": grouped["increase"].sum(min_count=1),
            "correction": grouped["correction"].sum(),
            "days": grouped["total"].count(),
            "corrected": grouped["corrected"].any(),
            "resolved": grouped["resolved"].sum(),
        }
    )
    out.index = out.index.to_timestamp(how="end").normalize()
    out.index.name = "month"
    return out


def export_frame(engine: Engine, fmt: str, out: str | Path | None, *, history: bool = False) -> str | bytes:
    """All observations (current only, or with ``history`` the superseded ones too) with provenance."""
    o, c, s, d = Observation, Compilation, Source, Document
    query = (
        select(
            o.id.label("observation_id"),
            s.slug.label("source"),
            c.slug.label("compilation"),
            o.side,
            o.metric,
            o.category,
            o.status,
            o.report_date,
            o.kind,
            o.value,
            o.qualifier,
            o.period_days,
            o.note,
            d.uri.label("document_uri"),
            d.sha256.label("document_sha256"),
            o.document_id,
            o.recorded_at,
            o.superseded_at,
        )
        .join(s, s.id == o.source_id)
        .join(c, c.id == o.compilation_id)
        .join(d, d.id == o.document_id)
        .order_by(s.slug, o.metric, o.report_date, c.slug, o.kind, o.category, o.status, o.id)
    )
    if not history:
        query = query.where(o.superseded_at.is_(None))
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    return write_frame(frame, fmt, out)


def write_frame(frame: pd.DataFrame, fmt: str, out: str | Path | None) -> str | bytes:
    """Write ``frame`` as csv/json/parquet to ``out`` (or return it); parquet needs ``out`` or returns bytes."""
    for col in frame.columns:
        if frame[col].dtype == "object" and len(frame) and isinstance(frame[col].iloc[0], dt.date):
            frame[col] = frame[col].astype(str)
    if fmt == "csv":
        data: str | bytes = frame.to_csv(index=False)
    elif fmt == "json":
        data = json.dumps(json.loads(frame.to_json(orient="records", date_format="iso")), ensure_ascii=False, indent=1)
    elif fmt == "parquet":
        buf = io.BytesIO()
        frame.to_parquet(buf, index=False)
        data = buf.getvalue()
    else:
        raise InputError(f"unknown export format {fmt!r} (csv, json or parquet)", code="input.format")
    if out is not None:
        path = Path(out)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return data


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A series frame as JSON-ready records (dates as YYYY-MM-DD, NA as None)."""
    out = frame.reset_index()
    first = out.columns[0]
    out[first] = pd.to_datetime(out[first]).dt.strftime("%Y-%m-%d")  # an empty frame's index has no dtype
    return json.loads(out.to_json(orient="records"))  # type: ignore[no-any-return]


def json_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A DataFrame as JSON records: dates as YYYY-MM-DD (index and columns), NA/inf as null."""
    import numpy as np

    if frame.empty:
        return []
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].replace([np.inf, -np.inf], pd.NA)
    return frame_records(out)
