"""Who reports: the sources every importer attributes its figures to, described once."""

from __future__ import annotations

from .base import CompilationInfo, SourceInfo

__all__ = ["CURATED", "GENERAL_STAFF", "INVADERS", "MEDIAZONA", "ORYX", "RUSSIAN_MOD", "SOURCES", "UKRAINE_OWN"]

GENERAL_STAFF = SourceInfo(
    slug="general-staff",
    name="General Staff of the Armed Forces of Ukraine",
    kind="claims",
    url="https://www.zsu.gov.ua/",
    description=(
        "Daily statement of cumulative Russian 'combat losses' since 24 Feb 2022 with 24-hour increases. "
        "Personnel counts killed AND wounded. A report dated D is the statement of the morning of D."
    ),
)
ORYX = SourceInfo(
    slug="oryx",
    name="Oryx (oryxspioenkop.com)",
    kind="evidence",
    url="https://www.oryxspioenkop.com/2022/02/attack-on-europe-documenting-equipment.html",
    description="Visually confirmed equipment losses, each with a photo or video: a lower bound.",
)
MEDIAZONA = SourceInfo(
    slug="mediazona",
    name="Mediazona / BBC News Russian",
    kind="evidence",
    url="https://en.zona.media/article/2022/05/20/casualties_eng",
    description="Russian military deaths confirmed by name (obituaries, posts, officials): a lower bound.",
)
INVADERS = SourceInfo(
    slug="invaders",
    name="Invaders (invaders-rf.com)",
    kind="claims",
    url="https://invaders-rf.com/",
    description="Ukrainian list of Russian prisoners of war; source of PetroIvaniuk's 'POW' column (tracked until 2022-04-27).",
)
RUSSIAN_MOD = SourceInfo(
    slug="russian-mod",
    name="Russian government (MoD, General Staff) about its own losses",
    kind="acknowledgement",
    description="Russia's official acknowledgements of its own dead and wounded; widely considered undercounts.",
)
UKRAINE_OWN = SourceInfo(
    slug="ukraine-own",
    name="Ukrainian government about its own losses",
    kind="acknowledgement",
    description="Ukraine's official acknowledgements of its own dead and wounded; widely considered undercounts.",
)

SOURCES = {s.slug: s for s in (GENERAL_STAFF, ORYX, MEDIAZONA, RUSSIAN_MOD, UKRAINE_OWN, INVADERS)}

#: The hand transcriptions kept in this project's shared data (each row cites its page).
CURATED = CompilationInfo(
    slug="lossledger-curated",
    name="lossledger curated totals",
    description="Dated totals transcribed by hand from the cited pages, digit by digit (shared/data/*-totals).",
)
