"""The ``lossledger`` command: one thin Typer function per command, errors rendered once here.

Exit codes: 0 ok · 1 a :class:`~lossledger.errors.LossLedgerError` (one line on stderr) · 2 usage ·
3 ``check --strict`` found a mismatch · 70 an internal error (a bug; ``--debug`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
import traceback

import click

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


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("LOSSLEDGER_DEBUG", "") not in ("", "0")
    try:
        result = app(args=args, prog_name="lossledger", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        err_console.print("lossledger: aborted")
        return 130
    except LossLedgerError as exc:
        if debug:
            traceback.print_exc()
        print(f"lossledger: error: {exc}", file=sys.stderr)
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
                f"lossledger: internal error: {exc.__class__.__name__}: {exc} (run with --debug for the traceback)",
                file=sys.stderr,
            )
        return 70
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
