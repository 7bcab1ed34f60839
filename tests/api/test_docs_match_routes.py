"""docs/api.md lists exactly the app's routes: every operation of the OpenAPI document in the
endpoint tables, and every other path in the "Other paths" table — no more, no fewer."""

from __future__ import annotations

import re
from typing import Any

from fastapi.routing import APIRoute
from starlette.routing import Mount

from .support import REPO

DOC = (REPO / "docs" / "api.md").read_text(encoding="utf-8")


def _documented_operations() -> set[tuple[str, str]]:
    return set(re.findall(r"^\| `(GET|POST|PUT|PATCH|DELETE) (/[^`\s]*)`", DOC, flags=re.M))


def _other_paths() -> set[str]:
    section = DOC.split("Other paths:", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `(/[^`]*)` \|", section, flags=re.M))


def test_every_operation_is_documented_and_nothing_else(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    served = {(method.upper(), path) for path, item in spec["paths"].items() for method in item}
    documented = _documented_operations()
    assert served - documented == set(), "served but not in docs/api.md"
    assert documented - served == set(), "in docs/api.md but not served"


def test_every_other_path_is_documented_and_served(api_app: Any, client: Any) -> None:
    routes = set()
    for route in api_app.routes:
        if (
            isinstance(route, Mount)
            or isinstance(route, APIRoute)
            and not route.include_in_schema
            or getattr(route, "path", None) == "/openapi.json"
        ):
            routes.add(route.path)
    documented = _other_paths()
    prefixes = {p.split("{")[0].replace("…", "").rstrip("/") or "/" for p in documented}
    assert routes == prefixes
    for path in documented:
        probe = path.replace("…", "app.js").replace("{file}", "icon-tank.svg")
        assert client.get(probe).status_code == 200, probe
