"""Speed and memory of the assistant on this machine; prints the figures.

    python benchmarks/bench.py                  # CLI start-up, cold ask (median of 3), warm answers, memory
    python benchmarks/bench.py --ingest-squad   # also: ingest throughput on SQuAD articles

Warm answer time is the median over the questions of the seed golden set
(answerable and not). Nothing here asserts: the README and issue notes quote
what it prints.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], **kw) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, **kw)
    return time.perf_counter() - t, result


def cli_figures(index: Path) -> dict:
    exe = [sys.executable, "-m", "assistant"]
    help_s = min(timed(exe + ["--help"])[0] for _ in range(3))
    timed(exe + ["ingest", "--docs", "seeds", "--index", str(index)])  # build the index first
    runs = [timed(exe + ["ask", "--json", "--docs", "seeds", "--index", str(index), "Who signed?"]) for _ in range(3)]
    result = runs[-1][1]
    answer = json.loads(result.stdout.splitlines()[-1]) if result.returncode == 0 else {"error": result.stderr[-300:]}
    cold = sorted(round(s, 2) for s, _ in runs)
    return {"help_s": round(help_s, 2), "cold_ask_s": statistics.median(cold), "cold_ask_runs_s": cold,
            "cold_answer": answer.get("answer", answer)}


def warm_figures(index: Path, model: str | None, limit: int = 0) -> dict:
    from assistant import Assistant, Config

    questions = [json.loads(line)["question"] for line in (ROOT / "tests/golden/seed_qa.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = questions[:limit] if limit else questions
    t = time.perf_counter()
    config = Config.load(None, docs=str(ROOT / "seeds"), index=str(index), llm_model=model)
    bot = Assistant(config=config)
    _ = bot.llm
    load_s = time.perf_counter() - t
    totals, generate, retrieve = [], [], []
    for q in questions:
        a = bot.ask(q)
        totals.append(a.timings_ms["total"])
        generate.append(a.timings_ms["generate"])
        retrieve.append(a.timings_ms["retrieve"])
    q = statistics.quantiles(totals, n=20)
    return {
        "model": bot.model_name, "questions": len(questions), "load_s": round(load_s, 1),
        "warm_p50_ms": round(statistics.median(totals)), "warm_p95_ms": round(q[18]),
        "retrieve_p50_ms": round(statistics.median(retrieve)), "generate_p50_ms": round(statistics.median(generate)),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def ingest_figures(articles: int) -> dict:
    from assistant import Assistant, Config
    from assistant.evaluation.squad import build_squad_set
    from assistant.llm import FakeLLM

    work = Path(tempfile.mkdtemp())
    build_squad_set(Path("/work/shared/data/squad/dev-v1.1.json") if Path("/work/shared/data/squad/dev-v1.1.json").exists()
                    else ROOT.parent / "shared/data/squad/dev-v1.1.json", work / "docs", work / "g.jsonl",
                    articles=articles, questions=10, seed=0)
    t = time.perf_counter()
    bot = Assistant(config=Config.load(None, docs=str(work / "docs"), index=str(work / "index")), llm=FakeLLM())
    seconds = time.perf_counter() - t
    sentences = sum(len(bot._spans[s]) for s in bot.sources)
    t = time.perf_counter()
    Assistant(config=Config.load(None, docs=str(work / "docs"), index=str(work / "index")), llm=FakeLLM())
    again = time.perf_counter() - t
    shutil.rmtree(work)
    return {"articles": articles, "sentences": sentences, "ingest_s": round(seconds, 1),
            "sentences_per_s": round(sentences / seconds, 1), "reopen_unchanged_s": round(again, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="packaged model name (default: the configured one)")
    parser.add_argument("--ingest-squad", type=int, metavar="ARTICLES", default=0)
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--questions", type=int, default=0, metavar="N", help="warm answers over the first N golden questions (default: all)")
    args = parser.parse_args()
    index = Path(tempfile.mkdtemp()) / "index"
    figures = {}
    if not args.skip_cli:
        figures["cli"] = cli_figures(index)
    figures["warm"] = warm_figures(index, args.model, args.questions)
    if args.ingest_squad:
        figures["ingest"] = ingest_figures(args.ingest_squad)
    print(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
