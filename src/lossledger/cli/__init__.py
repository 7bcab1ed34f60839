"""The ``lossledger`` command: one thin Typer function per command, errors rendered once here.

Exit codes: 0 ok · 1 a :class:`~lossledger.errors.LossLedgerError` (one line on stderr) · 2 usage ·
3 ``check --strict`` found a mismatch · 70 an internal error (a bug; ``--debug`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
import traceback

import click
import typer

from ..errors import LossLedgerError

# Command modules register themselves on `app` when imported (one line per module).
# (command modules are imported here)
from . import bulk as _bulk  # noqa: F401
from . import check as _check  # noqa: F401
from . import extract as _extract  # noqa: F401
from . import label as _label  # noqa: F401
from . import ledger as _ledger  # noqa: E402,F401
from . import records as _records  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401
from .app import app, err_console

__all__ = ["app", "main"]

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
