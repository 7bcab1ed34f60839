"""``lossledger bulk``: a whole news archive checked on Dask; a generated test archive; rate recovery."""

from __future__ import annotations

import math
from pathlib import Path

import typer

from .application import app, dumps, out_console, state

bulk_app = typer.Typer(
    help="Check a whole news archive on Dask (local cluster or a running one).", no_args_is_help=True
)
app.add_typer(bulk_app, name="bulk")


@bulk_app.command("check")
def check(
    ctx: typer.Context,
    inputs: list[str] = typer.Argument(
        ..., help="JSONL/Parquet shards or WARC files: paths, folders, globs or fsspec URLs."
    ),
    out: Path = typer.Option(..., "--out", help="Output folder (re-run with the same one to resume)."),
    scheduler: str = typer.Option(
        None, "--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); default: a local cluster."
    ),
    workers: int = typer.Option(None, "--workers", min=1, help="Workers of the local cluster (default: one per core)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Check every article of an archive; Parquet by month and language, summary and report.html in --out."""
    from ..bulk import check_archive
    from ..bulk.progress import RichProgress

    result = check_archive(
        inputs, out, db=state(ctx).db, scheduler=scheduler, workers=workers, progress=None if quiet else RichProgress()
    )
    t = result.totals
    out_console.print(
        f"{result.processed} shard(s) checked, {result.skipped} already complete · {result.articles:,} articles "
        f"({result.articles_per_second:,.0f}/s), {result.rejects:,} rejected · overall {int(t.get('articles', 0)):,} "
        f"articles, right {_pct(t.get('rate_right'))}, late {_pct(t.get('rate_late'))}, wrong {_pct(t.get('rate_wrong'))} "
        f"· {result.out / 'report.html'}",
        highlight=False,
    )


@bulk_app.command("corpus")
def corpus(
    ctx: typer.Context,
    out: Path = typer.Option(..., "--out", help="Folder for the shards, truth.parquet and corpus.json."),
    articles: int = typer.Option(200_000, "--articles", min=1, help="How many texts."),
    shard_size: int = typer.Option(2_000, "--shard-size", min=1, help="Texts per shard."),
    seed: int = typer.Option(0, "--seed", help="Random seed (the corpus is deterministic for a seed)."),
    dev: Path = typer.Option(None, "--dev-articles", help="A dev.jsonl whose texts are re-drawn and mixed in."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, parquet or warc."),
) -> None:
    """Generate a test archive from the ledger with errors injected at known rates."""
    from ..bulk import generate_corpus

    made = generate_corpus(out, articles, db=state(ctx).db, shard_size=shard_size, seed=seed, dev=dev, fmt=fmt)
    out_console.print(
        f"{made.articles:,} texts in {len(made.shards)} shard(s), {made.dev_templates} dev template(s) · {made.folder}",
        highlight=False,
    )


@bulk_app.command("recovery")
def recovery(
    out: Path = typer.Argument(..., help="The output folder of `bulk check` run on a generated corpus."),
    corpus: Path = typer.Argument(..., help="The corpus folder (truth.parquet, corpus.json)."),
) -> None:
    """How well a bulk report recovers the injected error rates (JSON)."""
    from ..bulk import rate_recovery

    out_console.print_json(dumps(rate_recovery(out, corpus)))


def _pct(value: float | None) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.1%}"
