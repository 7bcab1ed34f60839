"""Writing one importer's batch: its observations, then, for an evidence registry, its records.

Importers only parse (they never see a database); a sync hands each batch to :func:`write_batch`
inside its one transaction (ledger/sync.py), so a failure anywhere leaves the ledger unchanged.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection

from ..importers.evidence.importing import RecordsReport
from ..importers.evidence.rows import RecordSet
from ..model import Batch, ImportReport
from .records_writer import write_records
from .writer import write_observations

__all__ = ["write_batch"]


def write_batch(conn: Connection, batch: Batch, *, sync_id: int, now: dt.datetime) -> ImportReport:
    """Store ``batch`` without overwriting (ledger/writer.py); returns its report with the counts.

    A batch whose ``extra`` is a :class:`RecordSet` (a records importer's) also stores the records
    (ledger/records_writer.py); the report then counts observations and records together, and a
    :class:`RecordsReport` keeps them apart in its accounting.
    """
    report = batch.report
    added, unchanged = report.added, report.unchanged
    write_observations(conn, batch, sync_id=sync_id, now=now)
    if isinstance(batch.extra, RecordSet):
        observations = {"added": report.added - added, "unchanged": report.unchanged - unchanged}
        stats = write_records(conn, batch, sync_id=sync_id, now=now)
        report.added += stats["added"]
        report.unchanged += stats["unchanged"]
        if isinstance(report, RecordsReport):
            report.records.update(stats, observations=observations)
    return report
