"""russianwarship.rip-compatible endpoints: a client works by changing its host.

Same paths, keys, key order, types, messages and status codes as
shared/formats/russianwarship-api.md; each inferred [I] detail is named in the route's
description with the behaviour chosen.  Figures the 15 keys cannot hold (ground robotic systems)
are served by v1 only.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request, Response

from ..warday import day_of_war
from .compat import SUCCESS, WAR_STATUS, V2Table, build_table, status_description, term_titles, v2_keys
from .errors import V2Invalid, laravel_message
from .models import ErrorV2, V2List, V2Statistic, V2TermResponse, V2Terms, V2WarInfo, V2WarStatus, V2WarStatusText
from .responses import cached_response, dumps_v2, service

__all__ = ["router"]

router = APIRouter(
    prefix="/api/v2",
    tags=["v2 (russianwarship.rip compatible)"],
    responses={
        422: {
            "model": ErrorV2,
            "description": 'Laravel validation error: `message` "The given data was invalid." and `errors` by field.',
        }
    },
)

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LANGS = ("en", "ua")
MAX_LIMIT = 50
#: Declared as a date in the OpenAPI document, but read as a string: a malformed value must get
#: Laravel's 422 body, not the framework's.
DATE_FORMAT = {"format": "date"}
# Likewise the closed sets of languages and terms: enums in the document, checked by the route.
LangPath = Annotated[str, Path(description="`en` or `ua`", json_schema_extra={"enum": list(LANGS)})]
TermPath = Annotated[str, Path(description="One of the 15 statistic keys", json_schema_extra={"enum": v2_keys()})]

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


def _table(request: Request) -> V2Table:
    state = service(request)
    return state.memo("v2-table", lambda: build_table(state.ledger))


def _valid_date(value: str, field: str) -> str:
    """A YYYY-MM-DD calendar date, else 422 with Laravel's ``date_format`` text."""
    try:
        if DATE_RE.match(value):
            dt.date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise V2Invalid({field: [laravel_message(field, "date_format")]})


def _ok(data: object) -> bytes:
    return dumps_v2({"message": SUCCESS, "data": data})


@router.get(
    "/statistics/latest",
    response_model=V2Statistic,
    response_class=Response,
    summary="The newest General Staff report",
    description="The newest record (§3): `date`, `day`, `resource`, `war_status`, `stats`, `increase` (15 int keys each)."
    + RECORD_NOTE
    + ENCODING_NOTE,
    responses={200: {"model": V2Statistic}},
)
def statistics_latest(request: Request) -> Response:
    table = _table(request)
    if not table.dates:
        raise V2Invalid({"date": [laravel_message("date", "exists")]})
    return cached_response(request, lambda: table.body(len(table.dates) - 1))


def _paging_url(request: Request, offset: int, limit: int, date_from: str | None, date_to: str | None) -> str:
    query = {"offset": offset, "limit": limit}
    if date_from:
        query["date_from"] = date_from  # type: ignore[assignment]
    if date_to:
        query["date_to"] = date_to  # type: ignore[assignment]
    return f"{str(request.base_url).rstrip('/')}{request.url.path}?{urlencode(query)}"


def _list_body(
    request: Request, table: V2Table, offset: int, limit: int, date_from: str | None, date_to: str | None
) -> bytes:
    lo, hi = table.span(date_from, date_to)
    total = hi - lo
    start = min(lo + offset, hi)
    chunk = table.encoded[start : min(start + limit, hi)]
    last = ((total - 1) // limit) * limit if total else 0
    paging = {
        "next_url": _paging_url(request, offset + limit, limit, date_from, date_to) if offset + limit < total else None,
        "prev_url": _paging_url(request, max(offset - limit, 0), limit, date_from, date_to) if offset > 0 else None,
        "first_url": _paging_url(request, 0, limit, date_from, date_to),
        "last_url": _paging_url(request, last, limit, date_from, date_to),
    }
    return (
        b'{"message":'
        + dumps_v2(SUCCESS)
        + b',"data":{"records":['
        + b",".join(chunk)
        + b'],"paging":'
        + dumps_v2(paging)
        + b"}}"
    )


@router.get(
    "/statistics",
    response_model=V2List,
    response_class=Response,
    summary="Records in ascending date order, paged",
    description=(
        "`data.records`: full records (with `increase` and `war_status`), ascending by date; `offset` counts from the "
        "oldest record, which is offset 0 — here the first report in the ledger, 2022-02-25 [I; it fits E20's "
        "`offset=3&limit=1` → 2022-02-28]. Defaults `offset=0`, `limit=50` [I]; `limit` above 50, below 1 [I], a negative "
        "`offset` or a malformed date → 422 [I]. `date_from` > `date_to` gives no records [I]. `data.paging` has the four URL "
        "keys seen in clients (`next_url`, `prev_url`, `first_url`, `last_url`; null at the ends) and no counters — "
        "`total_count`/`items_per_page` are in no client [I]. URLs use this server's host."
        + RECORD_NOTE
        + ENCODING_NOTE
    ),
    responses={200: {"model": V2List}},
)
def statistics_list(
    request: Request,
    offset: Annotated[
        int, Query(ge=0, description="number of items to skip before starting to collect the result set")
    ] = 0,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="numbers of items to return; maximum value is 50")
    ] = MAX_LIMIT,
    date_from: Annotated[
        str | None, Query(description="first date included, YYYY-MM-DD", json_schema_extra=DATE_FORMAT)
    ] = None,
    date_to: Annotated[
        str | None, Query(description="last date included, YYYY-MM-DD", json_schema_extra=DATE_FORMAT)
    ] = None,
) -> Response:
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
    return cached_response(request, lambda: _list_body(request, table, offset, limit, date_from, date_to))


@router.get(
    "/statistics/{date}",
    response_model=V2Statistic,
    response_class=Response,
    summary="The report of one date",
    description=(
        "Date string in YYYY-MM-DD format, reflecting the day of war. A date with no record (before the first report, in "
        'the future, today before the report is in) answers **422** (§4, E11), body `{"message": "The given data was '
        'invalid.", "errors": {"date": ["The selected date is invalid."]}}` — Laravel\'s `exists` text [I]; a malformed '
        'date is also 422 [I] ("The date does not match the format Y-m-d.").' + RECORD_NOTE + ENCODING_NOTE
    ),
    responses={200: {"model": V2Statistic}},
)
def statistics_date(
    request: Request,
    date: Annotated[
        str,
        Path(description="Date string in YYYY-MM-DD format, reflecting the day of war", json_schema_extra=DATE_FORMAT),
    ],
) -> Response:
    _valid_date(date, "date")
    table = _table(request)
    position = table.index.get(date)
    if position is None:
        raise V2Invalid({"date": [laravel_message("date", "exists")]})
    return cached_response(request, lambda: table.body(position))


def _valid_lang(lang: str) -> str:
    if lang not in LANGS:
        raise V2Invalid({"lang": [laravel_message("lang", "exists")]})
    return lang


TERMS_NOTE = (
    " `lang` is `en` or `ua` (not ISO `uk`); other values → 422 [I: `ru` is not seen]. Titles and icons are the API's "
    'strings (§6); the `ua` title of `submarines` is not attested and is the taxonomy\'s "Підводні човни" [I]. '
    "Icon URLs point at russianwarship.rip, as the original's do."
)


@router.get(
    "/terms/{lang}",
    response_model=V2Terms,
    response_class=Response,
    summary="Titles and icons of the 15 statistic keys",
    description='`data`: the 15 keys of a record, each `{"title", "icon"}`.' + TERMS_NOTE + ENCODING_NOTE,
    responses={200: {"model": V2Terms}},
)
def terms(request: Request, lang: LangPath) -> Response:
    _valid_lang(lang)
    return cached_response(request, lambda: _ok(term_titles(lang)))


@router.get(
    "/terms/{lang}/{term}",
    response_model=V2TermResponse,
    response_class=Response,
    summary="One statistic key's title and icon",
    description='`data` = `{"title", "icon"}` [I: by analogy with the list]; an unknown term → 422 [I].'
    + TERMS_NOTE
    + ENCODING_NOTE,
    responses={200: {"model": V2TermResponse}},
)
def term(request: Request, lang: LangPath, term: TermPath) -> Response:
    _valid_lang(lang)
    if term not in v2_keys():
        raise V2Invalid({"term": [laravel_message("term", "exists")]})
    return cached_response(request, lambda: _ok(term_titles(lang)[term]))


@router.get(
    "/war-info",
    response_model=V2WarInfo,
    response_class=Response,
    summary="Current date and day of the war",
    description=(
        "`data`: `current_date` and `current_day` (§7). Other keys of the original are unknown and not served [I]; "
        "`current_date` is the date of the latest report, not the calendar date [I], so a client asking the list "
        "endpoint for `current_date` always finds a record." + ENCODING_NOTE
    ),
    responses={200: {"model": V2WarInfo}},
)
def war_info(request: Request) -> Response:
    table = _table(request)
    if not table.dates:
        raise V2Invalid({"date": [laravel_message("date", "exists")]})
    current = table.dates[-1]
    return cached_response(
        request, lambda: _ok({"current_date": current, "current_day": day_of_war(dt.date.fromisoformat(current))})
    )


@router.get(
    "/war-info/status",
    response_model=V2WarStatus,
    response_class=Response,
    summary="War status code and alias",
    description='`data`: `{"code": 1, "alias": "in_progress"}` — the same pair as a record\'s `war_status` [I: shape presumed, §7].'
    + ENCODING_NOTE,
    responses={200: {"model": V2WarStatus}},
)
def war_status(request: Request) -> Response:
    return cached_response(request, lambda: _ok(dict(WAR_STATUS)))


@router.get(
    "/war-info/status/{lang}",
    response_model=V2WarStatusText,
    response_class=Response,
    summary="War status with a localized description",
    description=(
        "`data`: `code`, `alias` and `description` in `en` or `ua` [I: shape presumed, §7; the texts are ours: "
        '"The war is in progress." / "Війна триває."].' + ENCODING_NOTE
    ),
    responses={200: {"model": V2WarStatusText}},
)
def war_status_text(request: Request, lang: LangPath) -> Response:
    _valid_lang(lang)
    return cached_response(request, lambda: _ok(status_description(lang)))
