"""Importers: one module per dataset folder, each turning fetched files into observations.

A new dataset is one module, one line in :data:`IMPORTERS`, its compilation (and any new source) in
sources.toml (lossledger/registry.py), and its tests.  Several importers may
share a folder (Oryx daily counts and Oryx per-item events).
"""

from __future__ import annotations

from .acknowledged_own_losses import AcknowledgedOwnLosses
from .base import Importer
from .general_staff_orc_losses import OrcLosses
from .general_staff_petroivaniuk import PetroIvaniuk
from .mediazona_totals import MediazonaTotals
from .oryx_scarnecchia import OryxDailyCounts
from .oryx_scarnecchia_events import OryxEvents
from .oryx_totals import OryxTotals
from .ru_fatalities_bessudnov import RuFatalitiesBessudnov
from .russianwarship_api import RussianwarshipApi

__all__ = [
    "IMPORTERS",
    "Importer",
]

#: Every importer, in import order.
IMPORTERS: list[Importer] = [
    PetroIvaniuk(),
    OrcLosses(),
    RussianwarshipApi(),
    OryxDailyCounts(),
    OryxEvents(),
    OryxTotals(),
    MediazonaTotals(),
    AcknowledgedOwnLosses(),
    RuFatalitiesBessudnov(),
]
