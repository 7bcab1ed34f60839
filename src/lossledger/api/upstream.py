"""russianwarship.rip-compatible endpoints, v1 and v2: a client works by changing its host.

Same paths, keys, key order, types, messages and status codes as
shared/formats/russianwarship-api.md, for both versions of the upstream API (compat.py: v1 has 14
keys and no ``war_status``; its list records carry no ``increase``).  Each inferred [I] detail is
named in the route's description with the behaviour chosen; docs/api.md lists the evidence for
the details settled since.  Figures the 15 keys cannot hold (ground robotic systems) are served by
the native API only.

Links this API generates (paging URLs, term icons) start with the configured public base URL
(``--public-url`` / ``LOSSLEDGER_PUBLIC_URL``) or, without one, are relative — never built from the
request's ``Host`` header, so no request can plant another host in a cached answer.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request, Response

from .compat import (
    FLAVOURS,
    SUCCESS,
    UPSTREAM_ABSENT,
    WAR_STATUS,
    CompatTable,
    Flavour,
    build_table,
    status_description,
    term_titles,
    war_info,
)
from .errors import V2Invalid, laravel_message
from .models import ErrorV2, V2TermResponse, V2WarInfo, V2WarStatus, V2WarStatusText, upstream_models
from .responses import cached_response, dumps_v2, service

__all__ = ["UPSTREAM_PREFIXES", "make_router", "routers"]

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LANGS = ("en", "ua")
MAX_LIMIT = 50
UPSTREAM_PREFIXES = tuple(f.prefix for f in FLAVOURS.values())
#: Declared as a date in the OpenAPI document, but read as a string: a malformed value must get
#: Laravel's 422 body, not the framework's.
DATE_FORMAT = {"format": "date"}
LangPath = Annotated[str, Path(description="`en` or `ua`", json_schema_extra={"enum": list(LANGS)})]

ENCODING_NOTE = (
    " Bodies are encoded as PHP's `json_encode` does by default: compact, non-ASCII as `\\uXXXX` and `/` escaped "
    "as `\\/` — the slash escaping of the original is reproduced (§1, E12); the Unicode escaping is inferred [I] from the same encoder."
)
RECORD_NOTE = (
    " Inferred details [I], closest documented behaviour chosen: `atgm_srbm_systems` keeps its last total (4) with "
    "increase 0 after the line ended on 2022-04-30 (§2: frozen at 4); lines not yet reported are 0 (§2: submarines 0); "
    "an increase the source did not state is the change against the previous record (the first record: against 0); "
    "`resource` is the statement page the ledger holds (mil.gov.ua) — the ledger has no Facebook post ids — else the "
    "General Staff's site, never null; `war_status` is always code 1 / `in_progress`, the only attested value."
)
ABSENT_NOTE = (
    f" Upstream holds no record dated {', '.join(sorted(d.isoformat() for d in UPSTREAM_ABSENT))} (recorded list pages, "
    "docs/api.md), so neither does this endpoint."
)
LIST_NOTE = (
    "`data.records` ascending by date; `offset` counts records from the oldest, 2022-02-25 (day 2); there is no "
    "record of 2022-02-26, so offset k ≥ 1 is 2022-02-26 + k days (day k + 3) — as recorded from upstream and as "
    "clients compute offsets (docs/api.md). Defaults `offset=0`, `limit=50`; `limit` above 50 or below 1, a negative "
    "`offset` or a malformed date → 422 [I]; `date_from` > `date_to` gives no records [I]. `data.paging` as recorded "
    "from upstream: `prev_url` is a URL on the first page too (offset 0), `last_url` asks for the remainder "
    "(`offset=250&limit=46` of 296 records); `next_url` is null on the last page [I]. Paging URLs start with the "
    "configured public URL, else they are relative; never the request's Host."
)


def _table(request: Request) -> CompatTable:
    state = service(request)
    return state.memo("compat-table", lambda: build_table(state.ledger))


def _valid_date(value: str, field: str) -> str:
    """A YYYY-MM-DD calendar date, else 422 with Laravel's ``date_format`` text."""
    try:
        if DATE_RE.match(value):
            dt.date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise V2Invalid({field: [laravel_message(field, "date_format")]})


def _valid_lang(lang: str) -> str:
    if lang not in LANGS:
        raise V2Invalid({"lang": [laravel_message("lang", "exists")]})
    return lang


def _ok(data: object) -> bytes:
    return dumps_v2({"message": SUCCESS, "data": data})


def _paging_url(base: str, offset: int, limit: int, date_from: str | None, date_to: str | None) -> str:
    query: dict[str, str | int] = {"offset": offset, "limit": limit}
    if date_from:
        query["date_from"] = date_from
    if date_to:
        query["date_to"] = date_to
    return f"{base}?{urlencode(query)}"


def list_body(
    table: CompatTable, flavour: Flavour, base: str, offset: int, limit: int, date_from: str | None, date_to: str | None
) -> bytes:
    """One page of ``/statistics``: the records and upstream's four paging links (see LIST_NOTE)."""
    lo, hi = table.span(date_from, date_to)
    total = hi - lo
    start = min(lo + offset, hi)
    chunk = table.listed[flavour.version][start : min(start + limit, hi)]
    last = ((total - 1) // limit) * limit if total else 0
    paging = {
        "next_url": _paging_url(base, offset + limit, limit, date_from, date_to) if offset + limit < total else None,
        "prev_url": _paging_url(base, max(offset - limit, 0), limit, date_from, date_to),
        "first_url": _paging_url(base, 0, limit, date_from, date_to),
        "last_url": _paging_url(base, last, (total - last) or limit, date_from, date_to),
    }
    return (b'{"message":' + dumps_v2(SUCCESS) + b',"data":{"records":[' + b",".join(chunk)
            + b'],"paging":' + dumps_v2(paging) + b"}}")  # fmt: skip


def make_router(flavour: Flavour) -> APIRouter:
    """The routes of one upstream version under ``/api/{version}``."""
    version = flavour.version
    models = upstream_models(version, flavour.keys, flavour.war_status, flavour.list_increase)
    router = APIRouter(
        prefix=flavour.prefix,
        tags=[f"{version} (russianwarship.rip compatible)"],
        responses={422: {"model": ErrorV2, "description": 'Laravel validation error: `message` "The given data was invalid." and `errors` by field.'}},
    )  # fmt: skip
    keys_note = f" {len(flavour.keys)} int keys" + ("" if flavour.war_status else ", no `war_status` (v1)") + "."

    @router.get("/statistics/latest", response_model=models.statistic, response_class=Response,
                summary="The newest General Staff report", description="The newest record (§3): `date`, `day`, `resource`"
                + (", `war_status`" if flavour.war_status else "") + ", `stats`, `increase`;" + keys_note + RECORD_NOTE + ENCODING_NOTE)  # fmt: skip
    def statistics_latest(request: Request) -> Response:
        table = _table(request)
        if not table.dates:
            raise V2Invalid({"date": [laravel_message("date", "exists")]})
        return cached_response(request, lambda: table.body(version, len(table.dates) - 1))

    @router.get("/statistics", response_model=models.listing, response_class=Response,
                summary="Records in ascending date order, paged", description=LIST_NOTE
                + (" List records carry `increase`." if flavour.list_increase else " List records carry no `increase` (v1, as recorded).")
                + ABSENT_NOTE + RECORD_NOTE + ENCODING_NOTE)  # fmt: skip
    def statistics_list(
        request: Request,
        offset: Annotated[int, Query(ge=0, description="number of items to skip before starting to collect the result set")] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="numbers of items to return; maximum value is 50")] = MAX_LIMIT,
        date_from: Annotated[str | None, Query(description="first date included, YYYY-MM-DD", json_schema_extra=DATE_FORMAT)] = None,
        date_to: Annotated[str | None, Query(description="last date included, YYYY-MM-DD", json_schema_extra=DATE_FORMAT)] = None,
    ) -> Response:  # fmt: skip
        errors: dict[str, list[str]] = {}
        for field, value in (("date_from", date_from), ("date_to", date_to)):
            if value is not None:
                try:
                    _valid_date(value, field)
                except V2Invalid as exc:
                    errors.update(exc.errors)
        if errors:
            raise V2Invalid(errors)
        table = _table(request)
        base = service(request).public_url + flavour.prefix + "/statistics"
        return cached_response(request, lambda: list_body(table, flavour, base, offset, limit, date_from, date_to))

    @router.get("/statistics/{date}", response_model=models.statistic, response_class=Response,
                summary="The report of one date", description=(
                    "Date string in YYYY-MM-DD format, reflecting the day of war. A date with no record (before the first "
                    "report, in the future, today before the report is in) answers **422** (§4, E11), body "
                    '`{"message": "The given data was invalid.", "errors": {"date": ["The selected date is invalid."]}}` — '
                    "Laravel's `exists` text [I]; a malformed date is also 422 [I] (\"The date does not match the format "
                    'Y-m-d.").' + ABSENT_NOTE + RECORD_NOTE + ENCODING_NOTE))  # fmt: skip
    def statistics_date(
        request: Request,
        date: Annotated[str, Path(description="Date string in YYYY-MM-DD format, reflecting the day of war", json_schema_extra=DATE_FORMAT)],
    ) -> Response:  # fmt: skip
        _valid_date(date, "date")
        table = _table(request)
        position = table.index.get(date)
        if position is None:
            raise V2Invalid({"date": [laravel_message("date", "exists")]})
        return cached_response(request, lambda: table.body(version, position))

    terms_note = (
        " `lang` is `en` or `ua` (not ISO `uk`); other values → 422 [I: `ru` is not seen]. Titles are the API's strings "
        '(§6); the `ua` title of `submarines` is not attested and is the taxonomy\'s "Підводні човни" [I]. Icons are '
        "this server's own, at upstream's paths (`/images/icons/icon-*.svg`), with the configured public URL or relative."
    )
    # A default rather than an Annotated type: the enum is this version's keys, known only here.
    term_path = Path(description="One of the statistic keys", json_schema_extra={"enum": list(flavour.keys)})

    def _titles(request: Request, lang: str) -> dict[str, dict[str, str]]:
        return term_titles(_valid_lang(lang), flavour.keys, service(request).public_url)

    @router.get("/terms/{lang}", response_model=models.terms, response_class=Response,
                summary="Titles and icons of the statistic keys",
                description='`data`: the keys of a record, each `{"title", "icon"}`.' + terms_note + ENCODING_NOTE)  # fmt: skip
    def terms(request: Request, lang: LangPath) -> Response:
        return cached_response(request, lambda: _ok(_titles(request, lang)))

    @router.get("/terms/{lang}/{term}", response_model=V2TermResponse, response_class=Response,
                summary="One statistic key's title and icon",
                description='`data` = `{"title", "icon"}` [I: by analogy with the list]; an unknown term → 422 [I].'
                + terms_note + ENCODING_NOTE)  # fmt: skip
    def term(request: Request, lang: LangPath, term: str = term_path) -> Response:
        titles = _titles(request, lang)
        if term not in titles:
            raise V2Invalid({"term": [laravel_message("term", "exists")]})
        return cached_response(request, lambda: _ok(titles[term]))

    @router.get("/war-info", response_model=V2WarInfo, response_class=Response, summary="Current date and day of the war",
                description=(
                    "`data`: `date_start`, `date_end` (null), `current_day`, `current_date`, `war_status` — the keys and order "
                    "of a recorded upstream answer. `current_date` is the date of the latest report, not the calendar date: "
                    "clients ask the list for `current_date` and read `records[0]` unguarded, so it must name a record "
                    "(docs/api.md)." + ENCODING_NOTE))  # fmt: skip
    def war_info_route(request: Request) -> Response:
        table = _table(request)
        if not table.dates:
            raise V2Invalid({"date": [laravel_message("date", "exists")]})
        return cached_response(request, lambda: _ok(war_info(table.dates[-1])))

    @router.get("/war-info/status", response_model=V2WarStatus, response_class=Response, summary="War status code and alias",
                description='`data`: `{"code": 1, "alias": "in_progress"}` — as recorded from upstream.' + ENCODING_NOTE)  # fmt: skip
    def war_status(request: Request) -> Response:
        return cached_response(request, lambda: _ok(dict(WAR_STATUS)))

    @router.get("/war-info/status/{lang}", response_model=V2WarStatusText, response_class=Response,
                summary="War status with a localized description",
                description=('`data`: `code`, `alias` and `description` in `en` or `ua` [I: shape presumed, §7; the texts are '
                             'ours: "The war is in progress." / "Війна триває."].' + ENCODING_NOTE))  # fmt: skip
    def war_status_text(request: Request, lang: LangPath) -> Response:
        _valid_lang(lang)
        return cached_response(request, lambda: _ok(status_description(lang)))

    return router


def routers() -> list[APIRouter]:
    """One router per upstream version: ``/api/v1`` and ``/api/v2``."""
    return [make_router(f) for f in FLAVOURS.values()]
