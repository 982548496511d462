"""Argument parsing and printing for `assistant eval`; the work happens in the other modules.

    assistant eval tests/golden/seed_qa.jsonl --docs seeds --out eval-out --fail-under accuracy=0.8
    assistant eval --squad dev-v2.0-half.json --articles 3 --questions 100 --seed 1 --out eval-squad
    assistant eval eval-squad/squad.jsonl --docs eval-squad/squad-docs --index eval-squad/squad-index \
        --replay eval-squad --out eval-replay --compare eval-squad     # new checks, same model replies

The caller owns the parser and the error boundary:

>>> parser = argparse.ArgumentParser(prog="assistant eval"); add_arguments(parser)   # doctest: +SKIP
>>> sys.exit(main(parser.parse_args(), lambda docs, index: Assistant(docs=docs, index=index)))  # doctest: +SKIP

`main` returns 0, or 1 when the --fail-under gate fails. Problems a user can fix
(bad golden file, bad threshold, bad folder) are raised as AssistantError for the
caller to show. Nothing heavy is imported here: the assistant comes from `make_assistant`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import Config
from ..errors import ConfigError
from .compare import compare_runs, format_comparison, load_run
from .gate import check_gate, parse_thresholds
from .golden import load_golden
from .replay import Replaying, StoredReplies
from .report import format_summary, write_outputs
from .runner import run_eval
from .squad import build_squad_set


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the eval arguments to `parser` (a subcommand parser or a fresh one)."""
    add = parser.add_argument
    add("golden", metavar="GOLDEN", nargs="?", help="golden question set (JSON Lines); omit with --squad")
    add("--docs", metavar="DIR", help="documents folder (default: the configured one)")
    add("--index", metavar="DIR", help="index folder (default: the configured one; OUT/squad-index with --squad)")
    add("--out", metavar="DIR", default="eval-out",
        help="where results.jsonl, summary.json and report.html go (default: eval-out)")
    add("--compare", metavar="OLD_DIR", help="compare with an earlier run's output folder (may be --out itself)")
    add("--fail-under", metavar="SPEC",
        help='quality gate, e.g. "accuracy=0.9,cite_precision=0.9,wrongly_declined<=0.05": exit 1 if missed')
    add("--squad", metavar="FILE",
        help="build documents and questions from a SQuAD JSON file into OUT/squad-docs and OUT/squad.jsonl")
    add("--articles", metavar="N", type=_positive, default=3, help="SQuAD articles to use (default: 3)")
    add("--questions", metavar="M", type=_positive, default=100, help="SQuAD questions to sample (default: 100)")
    add("--seed", metavar="S", type=int, default=0, help="seed for choosing SQuAD articles and questions (default: 0)")
    add("--limit", metavar="N", type=_positive, help="ask only the first N questions")
    add("--replay", metavar="RUN_DIR",
        help="re-check the model replies stored by an earlier run (its --out) with the current code, without the model")


def main(args: argparse.Namespace, make_assistant) -> int:
    """Run an evaluation as `args` say; `make_assistant(docs, index)` builds the assistant
    (`make_assistant(docs, index, llm=...)` with --replay).

    `index` is None when neither --index nor --squad chose one (use the configured index).
    """
    thresholds = parse_thresholds(args.fail_under) if args.fail_under else []
    old_run = load_run(args.compare) if args.compare else None  # read before --out may overwrite it
    replies = _stored_replies(args)  # likewise
    golden_path, docs, index = _inputs(args)
    golden = load_golden(golden_path, docs=docs)[: args.limit]
    if replies is not None:
        rows, summary = run_eval(Replaying(make_assistant(str(docs), index, llm=replies), replies), golden)
        print(f"Replayed {replies.used} stored replies from {args.replay}; {replies.missing} questions had none "
              "(not put to the model in that run) and were replayed as NOT ANSWERABLE")
    else:
        rows, summary = run_eval(make_assistant(str(docs), index), golden)
    paths = write_outputs(args.out, rows, summary)
    print(format_summary(summary))
    print(f"\nWrote {', '.join(str(p) for p in paths.values())}")
    if old_run:
        print(f"\nCompared with {args.compare}:\n" + format_comparison(compare_runs(*old_run, summary, rows)))
    failures = check_gate(summary, thresholds)
    for failure in failures:
        print(f"FAILED: {failure}")
    if thresholds:
        met = f"{len(thresholds) - len(failures)}/{len(thresholds)} thresholds met"
        print(f"\nQuality gate {'failed' if failures else 'passed'} ({met}).")
    return 1 if failures else 0


def _stored_replies(args) -> StoredReplies | None:
    """With --replay, the model replies stored by that run (see `replay`)."""
    if not args.replay:
        return None
    if args.squad:
        raise ConfigError("--replay uses the questions and documents of the run it replays: instead of --squad give "
                          "RUN/squad.jsonl --docs RUN/squad-docs --index RUN/squad-index")
    return StoredReplies.load(args.replay)


def _inputs(args) -> tuple[Path, Path, str | None]:
    """(golden file, documents folder, index folder or None), building the SQuAD set if asked."""
    if not args.squad:
        if not args.golden:
            raise ConfigError("give a golden file (GOLDEN) or --squad FILE")
        return Path(args.golden), Path(args.docs or Config.load().docs), args.index
    if args.golden or args.docs:
        raise ConfigError("--squad writes its own golden file and documents: drop GOLDEN and --docs")
    out = Path(args.out)
    docs, golden = out / "squad-docs", out / "squad.jsonl"
    built = build_squad_set(args.squad, docs, golden, articles=args.articles, questions=args.questions, seed=args.seed)
    print(f"SQuAD: {built['questions']} questions ({built['unanswerable']} unanswerable) "
          f"from {len(built['documents'])} articles, written to {docs} and {golden}")
    return golden, docs, args.index or str(out / "squad-index")


def _positive(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, got {value}")
    return number
