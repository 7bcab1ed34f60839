"""Evidence links as the lists write them, and the Oryx system → equipment type rules."""

from __future__ import annotations

import pandas as pd
import pytest

from lossledger import taxonomy
from lossledger.importers.evidence.links import extract_links, host_of, service_of, single_link
from lossledger.importers.evidence.oryx_systems import category_of, normalise_system, rules


@pytest.mark.parametrize(
    ("cell", "links"),
    [
        ("https://archive.ph/LE8Up https://archive.ph/qYhsU (5)\nhttps://archive.ph/tXS9b",
         ["https://archive.ph/LE8Up", "https://archive.ph/qYhsU", "https://archive.ph/tXS9b"]),
        ("https://archive.ph/GDtMFhttps://archive.ph/7jtcI", ["https://archive.ph/GDtMF", "https://archive.ph/7jtcI"]),
        ("https://web.archive.org/web/20230329120933/https://nasledie46.ru/a.pdf",
         ["https://web.archive.org/web/20230329120933/https://nasledie46.ru/a.pdf"]),
        ("web/20220902175334/https://vk.com/wall-1_2", ["https://web.archive.org/web/20220902175334/https://vk.com/wall-1_2"]),
        ("https://archive.is/L9qDe - сохранилось криво", ["https://archive.is/L9qDe"]),
        ("фото BBC с кладбища", []),
        ("https://archiv", []),
        ("", []),
    ],
)  # fmt: skip
def test_extract_links(cell: str, links: list[str]) -> None:
    assert extract_links(cell) == links


def test_hosts_and_services() -> None:
    assert host_of("https://www.YouTube.com:443/watch?v=1") == "youtube.com"
    assert [service_of(h) for h in ("archive.ph", "archive.md", "web.archive.org", "t.me")] == [
        "archive.today",
        "archive.today",
        "wayback",
        "telegram",
    ]
    assert single_link(" https://i.postimg.cc/a/b.jpg ") == "https://i.postimg.cc/a/b.jpg"
    assert single_link("2x KamAZ 6x6 https://i.postimg.cc/25J/x.jpg") == "https://i.postimg.cc/25J/x.jpg"
    assert single_link("ttps://i.postimg.cc/d0K/1140.jpg") is None


def test_rules_name_taxonomy_categories() -> None:
    known = {c.slug for c in taxonomy.oryx_categories()}
    assert {category for category, _pattern in rules()} <= known


@pytest.mark.parametrize(
    ("system", "category"),
    [
        ("1029 BMP-2(K)", "infantry_fighting_vehicles"), ("T-80BVM Obr. 2022", "tanks"), ("Unknown tank", "tanks"),
        ("T-72 hull with RBU-6000 MRLS", "rocket_artillery"), ("BREM-1 armoured recovery vehicle", "engineering"),
        ("152mm 2S19 Msta-S", "self_propelled_artillery"), ("122mm D-30 howitzer", "towed_artillery"),
        ("MT-LB", "armoured_fighting_vehicles"), ("Ka-52 'Alligator' attack helicopter", "helicopters"),
        ("Orlan-10", "recon_uav"), ("Ural-4320", "trucks"), ("9K35 Strela-10", "sam_systems"),
        ("Leopard 2A6", "tanks"), ("M2A2 ODS", "infantry_fighting_vehicles"), ("Something new", None),
    ],
)  # fmt: skip
def test_known_systems(system: str, category: str | None) -> None:
    assert category_of(normalise_system(system)) == category


def test_almost_every_real_item_has_a_category(oryx_events_frame: pd.DataFrame) -> None:
    systems = oryx_events_frame.system.map(normalise_system)
    known = systems.map(category_of).notna()
    assert known.mean() > 0.99
