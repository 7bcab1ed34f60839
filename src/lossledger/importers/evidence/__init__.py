"""Evidence registries as importers read them: record rows, duplicates, links, Oryx systems.

Parse-time only (no database): the records importers (``ru_fatalities_bessudnov``,
``oryx_scarnecchia_events``) build a :class:`~.rows.RecordSet` with these modules; the ledger
writes it (``ledger/records_writer.py``) and ``lossledger.records`` reads it back.
"""
