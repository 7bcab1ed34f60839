"""The ``lossledger`` command: one thin Typer function per command, errors rendered once here.

Exit codes: 0 ok · 1 a :class:`~lossledger.errors.LossLedgerError` (one line on stderr) · 2 usage ·
3 ``check --strict`` found a mismatch · 70 an internal error (a bug; ``--debug`` shows the traceback).
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from typing import Any

import click
import typer

from ..errors import LossLedgerError

__all__ = ["app", "main"]

# Command modules register themselves on `app` when imported.  A run of one command imports only
# its own module (`lossledger check` does not load the server, the bulk runner or the ledger
# commands: start-up is most of its time); help, an unknown command and `lossledger.cli.app`
# import them all.
_MODULES = ("bulk", "check", "extract", "label", "ledger", "records", "serve")
_COMMANDS = {
    "bulk": "bulk",
    "check": "check",
    "extract": "extract",
    "label": "label",
    **dict.fromkeys(
        ("sync", "show", "latest", "series", "conflicts", "sources", "export", "changes", "status"), "ledger"
    ),
    **dict.fromkeys(("records", "estimate", "compare"), "records"),
    "serve": "serve",
}


def _command(args: list[str]) -> str | None:
    """The command word of ``args``, past the global options (``--db URL``, ``--debug``)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _load(args: list[str] | None = None) -> typer.Typer:
    """The application with the command modules ``args`` need registered."""
    name = _command(args) if args is not None else None
    for module in [_COMMANDS[name]] if name in _COMMANDS else _MODULES:
        importlib.import_module(f"{__name__}.{module}")
    from .application import app

    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return _load()
    raise AttributeError(name)


# typer >= 0.28 raises its vendored copy of click's exceptions (all subclasses of
# typer.TyperException), older typer releases raise click's own: catch both.
_EXIT = tuple({click.exceptions.Exit, typer.Exit})
_ABORT = tuple({click.exceptions.Abort, typer.Abort})
_USAGE = tuple({click.ClickException, getattr(typer, "TyperException", click.ClickException)})


def _show_usage_error(exc: Exception) -> int:
    """Print a click/typer usage error the way click does (usage line, hint, message); its exit code."""
    show = getattr(exc, "show", None)
    if callable(show):
        show()
    else:
        print(f"Error: {exc}", file=sys.stderr)
    code = getattr(exc, "exit_code", 2)
    return code if isinstance(code, int) else 2


def _one_line(message: str) -> str:
    """Errors are one line on stderr, whatever a library put in the message."""
    return " ".join(part.strip() for part in message.splitlines() if part.strip())


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("LOSSLEDGER_DEBUG", "") not in ("", "0")
    app = _load(args)
    from .application import err_console

    try:
        result = app(args=args, prog_name="lossledger", standalone_mode=False)
    except _EXIT as exc:
        return int(getattr(exc, "exit_code", 0))
    except _USAGE as exc:
        return _show_usage_error(exc)
    except _ABORT:
        err_console.print("lossledger: aborted")
        return 130
    except LossLedgerError as exc:
        if debug:
            traceback.print_exc()
        print(f"lossledger: error: {_one_line(str(exc))}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("lossledger: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line unless --debug
        if debug:
            traceback.print_exc()
        else:
            print(
                f"lossledger: internal error: {exc.__class__.__name__}: {_one_line(str(exc))} (run with --debug for the traceback)",
                file=sys.stderr,
            )
        return 70
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
