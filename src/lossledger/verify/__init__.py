"""Verification: an article's figures checked against the ledger (issue 5).

>>> from lossledger.verify import check
>>> report = check(text, ledger, published="2024-02-16")     # doctest: +SKIP
>>> report.to_dict()["report_date"]                           # doctest: +SKIP
'2024-02-16'
"""

from .check import check
from .report import CheckReport, Note
from .verdicts import VERDICTS, Judgement
from .view import LedgerView

__all__ = ["VERDICTS", "CheckReport", "Judgement", "LedgerView", "Note", "check"]
