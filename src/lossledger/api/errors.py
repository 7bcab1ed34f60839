"""Errors rendered once, at the edge: one JSON shape for the native API, the Laravel shape upstream.

Native (everything outside ``/api/``): ``{"ok": false, "error": "...", "code": "...", "status": N}``
— :meth:`LossLedgerError.to_dict`, checked by tests/api/test_http.py.  Request validation
answers 400 there, like any other :class:`~lossledger.errors.InputError`.

Upstream's namespace (``/api/v1``, ``/api/v2``, paths.py) keeps what russianwarship.rip clients
expect (shared/formats/russianwarship-api.md §8): 422 with
``{"message": "The given data was invalid.", "errors": {"<field>": ["<text>"]}}``, the texts being
Laravel 7's default validation messages (the message string is attested; the field texts are
inferred [I] from Laravel, whose defaults the API evidently kept).
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import LossLedgerError
from .paths import is_upstream

__all__ = ["V2_INVALID", "V2Invalid", "install_error_handlers", "is_v2", "laravel_message", "v1_error", "v2_error"]

log = logging.getLogger("lossledger.api")

#: Laravel ≤ 7's message of a failed validation, listed by a client as the API's second message (E8).
V2_INVALID = "The given data was invalid."


class V2Invalid(Exception):
    """A v2 request the original API would refuse: 422 with Laravel's ``errors`` object."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(V2_INVALID)
        self.errors = errors


def is_v2(request: Request) -> bool:
    """Whether ``request`` is in upstream's namespace, whose errors take the Laravel shape."""
    return is_upstream(request.url.path)


def v1_error(status: int, message: str, code: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"ok": False, "error": message, "code": code, "status": status}, status_code=status, headers=headers
    )


def v2_error(
    status: int, message: str, errors: dict[str, list[str]] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    body: dict[str, Any] = {"message": message}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, headers=headers)


def _attribute(name: str) -> str:
    # Laravel's displayable attribute: snake_case with the underscores as spaces ("date from").
    return name.replace("_", " ")


def laravel_message(field: str, kind: str, ctx: dict[str, Any] | None = None) -> str:
    """Laravel 7's default text (resources/lang/en/validation.php) for a failed rule on ``field``.

    >>> laravel_message("limit", "less_than_equal", {"le": 50})
    'The limit may not be greater than 50.'
    """
    ctx = ctx or {}
    attr = _attribute(field)
    texts = {
        "int_parsing": f"The {attr} must be an integer.",
        "int_from_float": f"The {attr} must be an integer.",
        "greater_than_equal": f"The {attr} must be at least {ctx.get('ge')}.",
        "less_than_equal": f"The {attr} may not be greater than {ctx.get('le')}.",
        "string_pattern_mismatch": f"The {attr} does not match the format Y-m-d.",
        "date_format": f"The {attr} does not match the format Y-m-d.",
        "missing": f"The {attr} field is required.",
        "exists": f"The selected {attr} is invalid.",
    }
    return texts.get(kind, f"The selected {attr} is invalid.")


def _validation_v2(exc: RequestValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        field = loc[0] if loc else "request"
        errors.setdefault(field, []).append(laravel_message(field, err.get("type", ""), err.get("ctx")))
    return errors


def _validation_v1(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _http_code(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "http"


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that render every error in its API's one shape."""

    @app.exception_handler(LossLedgerError)
    async def _ledger_error(request: Request, exc: LossLedgerError) -> Response:
        if is_v2(request):
            status = 422 if exc.status < 500 else exc.status
            return v2_error(
                status,
                V2_INVALID if status == 422 else exc.message,
                {exc.field or "request": [exc.message]} if status == 422 else None,
            )
        return JSONResponse(exc.to_dict(), status_code=exc.status)

    @app.exception_handler(V2Invalid)
    async def _v2_invalid(request: Request, exc: V2Invalid) -> Response:
        return v2_error(422, V2_INVALID, exc.errors)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        if is_v2(request):
            return v2_error(422, V2_INVALID, _validation_v2(exc))
        return v1_error(400, _validation_v1(exc), "input.validation")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers) if exc.headers else None
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if is_v2(request):
            return v2_error(exc.status_code, detail, None, headers)
        return v1_error(exc.status_code, detail, _http_code(exc.status_code), headers)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:  # a bug: logged, not shown
        log.exception("internal error on %s %s", request.method, request.url.path)
        if is_v2(request):
            return v2_error(500, "Server Error")
        return v1_error(500, f"internal error ({exc.__class__.__name__})", "internal")
