"""The `assistant` command: a thin layer that parses arguments and prints.

    assistant ingest [--docs DIR] [--index DIR] [--rebuild]
    assistant ask [--docs DIR] [--index DIR] [--json] QUESTION [QUESTION ...]
    assistant eval GOLDEN.jsonl [--docs DIR] [--index DIR] [--out DIR] ...

Every AssistantError becomes one line on stderr and exit status 1 (2 for bad
arguments); `--debug` shows the traceback instead. Heavy libraries are imported
only after the arguments are parsed, so `--help` is instant.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import __doc__ as package_doc
from .errors import AssistantError

VERSION = "0.1.0"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description=package_doc.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {VERSION}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and library logs")
    parser.add_argument("--config", metavar="FILE", help="TOML settings file (default: ./assistant.toml or $ASSISTANT_CONFIG)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="index the documents folder (only what changed)")
    _add_locations(ingest)
    ingest.add_argument("--rebuild", action="store_true", help="drop the index and embed everything again")
    ingest.add_argument("--warm", action="store_true", help="also load the model and cache the prompt prefix that every question shares")

    ask = commands.add_parser("ask", help="answer questions with cited sources")
    _add_locations(ask)
    ask.add_argument("--json", action="store_true", help="one JSON object per question per line")
    ask.add_argument("questions", nargs="+", metavar="QUESTION")

    evaluate = commands.add_parser("eval", help="score answers against a golden Q&A file")
    from .evaluation.cli import add_arguments

    add_arguments(evaluate)
    return parser


def _add_locations(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", metavar="DIR", help="documents folder (default: seeds, or $ASSISTANT_DOCS)")
    parser.add_argument("--index", metavar="DIR", help="index folder (default: index, or $ASSISTANT_INDEX)")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _quiet_libraries(args.debug)
    try:
        return COMMANDS[args.command](args)
    except AssistantError as err:
        if args.debug:
            raise
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _config(args):
    from .config import Config

    return Config.load(args.config or "", docs=getattr(args, "docs", None), index=getattr(args, "index", None))


def _assistant(args, auto_ingest: bool = True, preload_llm: bool = True):
    from .pipeline import Assistant

    return Assistant(config=_config(args), auto_ingest=auto_ingest, preload_llm=preload_llm)


def cmd_ingest(args) -> int:
    from tqdm import tqdm

    if args.rebuild:
        from .store import VectorStore

        VectorStore.drop(_config(args))
    bot = _assistant(args, auto_ingest=False, preload_llm=args.warm)
    bar = None

    def progress(done: int, total: int, source: str) -> None:
        nonlocal bar
        bar = bar or tqdm(total=total, unit="sentence", desc="embedding", file=sys.stderr)
        bar.n = done
        bar.set_postfix_str(source, refresh=True)

    report = bot.ingest(progress=progress)
    if bar:
        bar.close()
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{report.summary()} ({sum(len(bot._spans[s]) for s in bot.sources)} sentences in {len(bot.sources)} documents)")
    if args.warm:
        print(f"model prompt cache: {bot.warm_up()}")
    return 0


def cmd_ask(args) -> int:
    bot = _assistant(args)
    for warning in bot.last_report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for question in args.questions:
        answer = bot.ask(question)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
        else:
            print(format_answer(answer), flush=True)
    return 0


def format_answer(answer) -> str:
    """Readable text: the answer, then each cited quote with its location."""
    lines = [f"Q: {answer.question}", f"A: {answer.answer}"]
    for i, c in enumerate(answer.citations, start=1):
        lines.append(f"  [{i}] {c.source}:{c.start}-{c.end} “{' '.join(c.quote.split())}”")
    return "\n".join(lines) + "\n"


def cmd_eval(args) -> int:
    from .evaluation.cli import main as eval_main

    def make_assistant(docs, index, llm=None):
        from .pipeline import Assistant

        return Assistant(config=_config(args).replace(docs=docs, index=index), llm=llm)

    return eval_main(args, make_assistant)


COMMANDS = {"ingest": cmd_ingest, "ask": cmd_ask, "eval": cmd_eval}


def _quiet_libraries(debug: bool) -> None:
    import logging
    import os
    import warnings

    if debug:
        return
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    warnings.filterwarnings("ignore")
    logging.basicConfig(level=logging.ERROR)


if __name__ == "__main__":
    sys.exit(main())
