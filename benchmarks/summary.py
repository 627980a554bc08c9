"""ROUGE of the extractive summariser against Lead-3 on the CNN/DailyMail sample.

Run as `.venv/bin/python benchmarks/summary.py [--data DIR] [--sentences 3]`.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from rouge_score import rouge_scorer

from news60.models import Article
from news60.script.sentences import split_sentences
from news60.script.summarisers import get_summariser
from news60.settings import ScriptSettings

ROOT = Path(__file__).resolve().parents[1]
METRICS = ("rouge1", "rouge2", "rougeLsum")

# Daily Mail furniture before the story: "By . Name . PUBLISHED: . 14:11 EST, 25 October 2013 .
# | . UPDATED: . 15:36 EST, 25 October 2013 ." or "Last updated at 1:25 AM on 3rd August 2011 ."
_BYLINE = re.compile(r"^By \.(?: [^.]{1,60} \.)?(?: (?:and|for) [^.]{1,60} \.)*\s*")
_STAMP = re.compile(
    r"^(?:(?:PUBLISHED|UPDATED): \. \d{1,2}:\d{2} EST, \d{1,2} \w+ \d{4} \.(?: \| \.)?\s*"
    r"|Last updated at \d{1,2}:\d{2} [AP]M on \d{1,2}\w{2} \w+ \d{4} \.\s*)+"
)
# Line breaks in the source became " . " inside sentences: "a woman who . claims".
_BROKEN_LINE = re.compile(r"\s+\.\s+(?=[a-z])")


def clean_article(raw: str) -> str:
    """Strip the byline and timestamp block and mend sentences broken by stray full stops."""
    text = _STAMP.sub("", _BYLINE.sub("", raw.strip()))
    return _BROKEN_LINE.sub(" ", text)


def load_items(data: Path) -> list[dict]:
    path = data / "summaries" / "cnndm_train_sample100.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def as_article(text: str) -> Article:
    return Article(title="", paragraphs=(text,))


def lead(text: str, count: int) -> list[str]:
    return split_sentences(text)[:count]


def score(scorer: rouge_scorer.RougeScorer, summaries: list[list[str]], refs: list[str]) -> dict:
    totals = dict.fromkeys(METRICS, 0.0)
    for summary, reference in zip(summaries, refs, strict=True):
        result = scorer.score(reference, "\n".join(summary))
        for metric in METRICS:
            totals[metric] += result[metric].fmeasure
    return {metric: 100 * total / len(refs) for metric, total in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sentences", type=int, default=3)
    args = parser.parse_args()

    items = load_items(args.data)
    texts = [clean_article(item["article"]) for item in items]
    refs = [item["reference"] for item in items]
    summariser = get_summariser("extractive", ScriptSettings())
    ours = [
        [p.text for p in summariser.summarise(as_article(t), None, args.sentences)] for t in texts
    ]
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    rows = {
        "extractive": score(scorer, ours, refs),
        f"lead-{args.sentences}": score(scorer, [lead(t, args.sentences) for t in texts], refs),
    }
    print(f"{len(items)} CNN/DailyMail articles, {args.sentences} sentences, ROUGE F1 x100")
    print(f"{'system':<12}" + "".join(f"{m:>11}" for m in METRICS))
    for name, row in rows.items():
        print(f"{name:<12}" + "".join(f"{row[m]:>11.2f}" for m in METRICS))
    base = rows[f"lead-{args.sentences}"]
    delta = "".join(f"{rows['extractive'][m] - base[m]:>+11.2f}" for m in METRICS)
    print(f"{'delta':<12}" + delta)


if __name__ == "__main__":
    main()
