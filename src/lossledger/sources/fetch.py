"""Where a sync reads dataset files from: a local folder, an HTTP mirror, or the public upstreams.

All three give the same thing — :class:`~lossledger.model.FetchedFile` objects with
their bytes, URI and retrieval time — so importers never know where files came from.  HTTP uses
httpx with timeouts, retries with back-off on connection errors and 5xx answers, and conditional
requests (ETag / Last-Modified from the ``fetch_state`` table) so unchanged files are not reloaded.
"""

from __future__ import annotations

import fnmatch
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin

from ..errors import FetchError, InputError
from ..model import FetchedFile, utcnow

if TYPE_CHECKING:
    import httpx

__all__ = [
    "HttpClient",
    "LocalOrigin",
    "MirrorOrigin",
    "NOT_MODIFIED",
    "Origin",
    "UpstreamOrigin",
    "Validators",
    "open_origin",
]


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None


class _NotModified:
    def __repr__(self) -> str:
        return "NOT_MODIFIED"


#: Returned by a conditional fetch when the server answered 304.
NOT_MODIFIED = _NotModified()


class HttpClient:
    """httpx with the fetching policy of a sync: timeouts, retries, conditional GETs."""

    def __init__(
        self, *, timeout: float = 30.0, retries: int = 3, backoff: float = 0.5, user_agent: str | None = None
    ) -> None:
        import httpx  # only when fetching over HTTP: a local sync does not pay its import

        from .. import __version__

        self.retries = retries
        self.backoff = backoff
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=True,
            headers={"User-Agent": user_agent or f"lossledger/{__version__} (+https://github.com/lossledger)"},
            transport=httpx.HTTPTransport(retries=retries),
        )

    def get(self, url: str, validators: Validators | None = None) -> httpx.Response | None:
        """GET ``url``; None for 404; the 304 response as is; :class:`FetchError` otherwise."""
        headers: dict[str, str] = {}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        import httpx

        last: Exception | None = None
        for attempt in range(self.retries + 1):
            try:
                response = self.client.get(url, headers=headers)
            except httpx.HTTPError as exc:
                last = exc
            else:
                if response.status_code == 404:
                    return None
                if response.status_code < 500:
                    if response.status_code >= 400:
                        raise FetchError(f"HTTP {response.status_code}", code="fetch.http", file=url)
                    return response
                last = FetchError(f"HTTP {response.status_code}", code="fetch.http", file=url)
            if attempt < self.retries:
                time.sleep(self.backoff * (2**attempt))
        if isinstance(last, FetchError):
            raise last
        reason = (str(last).strip().splitlines() or [last.__class__.__name__])[0]  # httpx may add a second line
        raise FetchError(f"cannot fetch: {reason}", code="fetch.network", file=url)

    def close(self) -> None:
        self.client.close()


@dataclass
class Origin:
    """Base of the places a sync reads from."""

    label: str
    #: validators of earlier fetches by URL (from the store), and those seen in this run
    validators: Mapping[str, Validators] = field(default_factory=dict)

    def folders(self) -> list[str] | None:
        """Dataset folders present, or None when the origin cannot list them."""
        return None

    def list(self, folder: str) -> list[str] | None:
        """File names in ``folder``, or None when the origin cannot list them."""
        return None

    def fetch(
        self, folder: str, name: str, upstream: str | None = None, *, conditional: bool = True
    ) -> FetchedFile | _NotModified | None:
        raise NotImplementedError

    def snapshot(self, folder: str) -> str | None:
        """The upstream commit recorded in the folder's SNAPSHOT file, if any."""
        got = self.fetch(folder, "SNAPSHOT", conditional=False)
        if isinstance(got, FetchedFile):
            text = got.data.decode("utf-8", "replace").strip()
            return text.split()[0][:200] if text else None
        return None

    def close(self) -> None:
        pass


class LocalOrigin(Origin):
    """A folder with the layout of shared/data: one sub-folder per dataset."""

    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise InputError("not a directory", code="input.missing", file=str(root))
        super().__init__(label=str(root))
        self.root = root

    def folders(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def list(self, folder: str) -> list[str]:
        path = self.root / folder
        return sorted(p.name for p in path.iterdir() if p.is_file()) if path.is_dir() else []

    def fetch(
        self, folder: str, name: str, upstream: str | None = None, *, conditional: bool = True
    ) -> FetchedFile | None:
        path = self.root / folder / name
        if not path.is_file():
            return None
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", code="input.read", file=f"{folder}/{name}") from None
        return FetchedFile(
            dataset=folder,
            name=name,
            uri=path.resolve().as_uri(),
            data=data,
            retrieved_at=utcnow(),
            media_type=_media_type(name),
        )


class _HttpOrigin(Origin):
    def __init__(self, label: str, client: HttpClient, validators: Mapping[str, Validators]) -> None:
        super().__init__(label=label, validators=validators)
        self.http = client
        self.seen: dict[str, Validators] = {}

    def _get(self, url: str, folder: str, name: str, conditional: bool) -> FetchedFile | _NotModified | None:
        response = self.http.get(url, self.validators.get(url) if conditional else None)
        if response is None:
            return None
        if response.status_code == 304:
            return NOT_MODIFIED
        etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
        self.seen[url] = Validators(etag, modified)
        media = response.headers.get("content-type", _media_type(name)).split(";")[0].strip()
        return FetchedFile(
            dataset=folder,
            name=name,
            uri=str(response.url),
            data=response.content,
            retrieved_at=utcnow(),
            media_type=media,
            etag=etag,
            last_modified=modified,
        )

    def close(self) -> None:
        self.http.close()


_HREF = re.compile(r'href="([^"?#]+)"', re.IGNORECASE)


class MirrorOrigin(_HttpOrigin):
    """An HTTP(S) mirror with the layout of shared/data: ``{base}/{folder}/{file}``.

    Folders and files are listed from the server's directory index when it serves one (Python's
    ``http.server``, nginx ``autoindex``); otherwise every known file name is tried.
    """

    def __init__(self, base: str, client: HttpClient, validators: Mapping[str, Validators]) -> None:
        super().__init__(base, client, validators)
        self.base = base.rstrip("/") + "/"

    def _index(self, url: str) -> list[str] | None:
        response = self.http.get(url)
        if response is None or "html" not in response.headers.get("content-type", ""):
            return None
        names = [unquote(h) for h in _HREF.findall(response.text)]
        return [n for n in names if not n.startswith(("/", "..", "http:", "https:"))]

    def folders(self) -> list[str] | None:
        names = self._index(self.base)
        return None if names is None else sorted({n.rstrip("/") for n in names if n.endswith("/")})

    def list(self, folder: str) -> list[str] | None:
        names = self._index(urljoin(self.base, folder + "/"))
        return None if names is None else sorted(n for n in names if not n.endswith("/"))

    def fetch(
        self, folder: str, name: str, upstream: str | None = None, *, conditional: bool = True
    ) -> FetchedFile | _NotModified | None:
        return self._get(urljoin(self.base, f"{folder}/{name}"), folder, name, conditional)


class UpstreamOrigin(_HttpOrigin):
    """The public upstream of each dataset (raw GitHub files, the russianwarship.rip API)."""

    def __init__(self, client: HttpClient, validators: Mapping[str, Validators]) -> None:
        super().__init__("upstream", client, validators)

    def fetch(
        self, folder: str, name: str, upstream: str | None = None, *, conditional: bool = True
    ) -> FetchedFile | _NotModified | None:
        if upstream is None:
            return None
        return self._get(upstream, folder, name, conditional)

    def snapshot(self, folder: str) -> str | None:
        return None


def _media_type(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return {"json": "application/json", "csv": "text/csv", "md": "text/markdown", "txt": "text/plain"}.get(
        suffix, "application/octet-stream"
    )


def matches(name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) for p in patterns)


def open_origin(
    where: str | Path | None, validators: Mapping[str, Validators], *, timeout: float = 30.0, retries: int = 3
) -> Origin:
    """``None`` → the upstreams; an ``http(s)://`` URL → a mirror; anything else → a local folder."""
    if where is None:
        return UpstreamOrigin(HttpClient(timeout=timeout, retries=retries), validators)
    text = str(where)
    if text.startswith(("http://", "https://")):
        return MirrorOrigin(text, HttpClient(timeout=timeout, retries=retries), validators)
    return LocalOrigin(Path(text).expanduser())
