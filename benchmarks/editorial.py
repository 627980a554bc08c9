"""Would an editor air the fitted scripts? Structure counts beside Lead-N ROUGE, in one run.

Run: .venv/bin/python benchmarks/editorial.py [--data ../shared/data] [--limit N] [--verbose]

Each article goes through the default fitted script (what `news60 script FILE --json` prints,
narrated by Piper to fit the clip), in-process. Counted per set, as an editor would refuse them:
  order     scripts whose sentences do not follow the article's order
  orphan    quote sentences whose speaker is not named in them or a neighbour kept beside them
  broken    sentences whose double quotation marks do not pair
  dangling  sentences opening on a reference ("He", "However", "The company") whose article
            predecessor (the prose sentence before it: bylines, timestamps and captions between
            do not count; the article's first has none) is not said just before them
  lead      scripts whose first sentence is one of the article's first three prose sentences
  ellipsis  on-screen lines cut with "…"; unnamed: quote lines without their speaker
  clip      clips (lead-in + narration + end card) inside 52-60 s
and, where the set has references, ROUGE-1/2 F1 of the scripts and of Lead-N (the article's first
sentences, as many as give the closest word count). For the ear, the script beside the article's
opening read aloud at the same length (Lead-N), the counts ../shared/tools/ear_check.py makes:
  clutter   datelines, agency tags, page labels, links read aloud
  brackets  sentences with brackets; unclosed: quotes the script leaves open
  >30       spoken sentences over 30 words; median and p90 of spoken sentence lengths
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

from rouge_score import rouge_scorer

from news60 import pipeline
from news60.errors import News60Error
from news60.script.quotes import attributes, is_speech
from news60.script.sentences import split_sentences
from news60.script.summarisers.prose import is_prose
from news60.script.units import carried_marks
from news60.settings import load_settings
from news60.video.theme import load_theme

REPO = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"[a-z0-9]+")
# The same openers the story units treat as leaning on the sentence before.
OPENER = re.compile(
    r"^[\"“‘']?\s*(?:(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|Him|Them|Such|"
    r"However|But|And|Also|Meanwhile|Still|Instead|Yet|Then|So)\b|The\s+[a-z])"
)
# What the video draws as a quote card (video/cards.py): a quote, then perhaps " — speaker".
QUOTE_CARD = re.compile(r"^[“\"](?P<quote>.+?)[”\"]\s*(?:[-–—]\s*(?P<speaker>.+))?$", re.S)
COUNTS = ("order", "orphan", "broken", "dangling", "lead", "ellipsis", "unnamed", "clip")
# What ear_check counts as print clutter read aloud: a dateline or agency tag, page labels, links.
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+){0,3}\s*)?"
    r"(?:\((?:AP|Reuters|AFP|CNN|UPI|PA|Bloomberg|[A-Z]{3,5})\)\s*)?[—–-]{1,2}\s+(?=[A-Z0-9“\"‘'])"
)
CLUTTER = re.compile(
    r"\((?:AP|Reuters|AFP|CNN|UPI|PA|[A-Z]{3,5})\)\s*[—–-]|\b(?:Photo|Image|Picture|Credit|Caption)"
    r"\s*:|\b(?:Getty Images|File photo|Advertisement|Read more|Click here|Subscribe to our)\b|"
    r"https?://|www\.|@\w|#\w",
    re.I,
)
EAR_SPLIT = re.compile(r"(?:(?<=[.!?][”\"’'])|(?<=[.!?]))\s+(?=[A-Z“\"‘'0-9])")


def f1(a: str, b: str) -> float:
    a_tokens, b_tokens = TOKEN.findall(a.lower()), TOKEN.findall(b.lower())
    common = sum((Counter(a_tokens) & Counter(b_tokens)).values())
    if not common:
        return 0.0
    precision, recall = common / len(b_tokens), common / len(a_tokens)
    return 2 * precision * recall / (precision + recall)


def place(sentences: list[str], article: list[str]) -> list[int | None]:
    """Each script sentence's place in the article (None when no sentence matches well)."""
    places = []
    for s in sentences:
        best = max(range(len(article)), key=lambda i: f1(article[i], s))
        places.append(best if f1(article[best], s) >= 0.6 else None)
    return places


def judge(scenes: list[str], captions: list[str], article_text: str) -> Counter:
    """The editor's counts for one script against the article it came from."""
    article = split_sentences(article_text)
    said = [s for scene in scenes for s in split_sentences(scene)]
    where = place(said, article)
    known = [i for i in where if i is not None]
    counts = Counter(order=int(any(b < a for a, b in zip(known, known[1:], strict=False))))
    prose = [i for i, s in enumerate(article) if is_prose(s)]
    counts["lead"] = int(bool(where) and where[0] in prose[:3])
    # What a sentence leans on is the story sentence before it: a byline, a timestamp or a
    # "Scroll down for video" between them is nothing to lean on, and the first has none.
    before = {i: ([p for p in prose if p < i] or [None])[-1] for i in range(len(article))}
    marks = carried_marks(said, list(range(len(said))))
    for k, (sentence, i) in enumerate(zip(said, where, strict=True)):
        follows = k > 0 and i is not None and where[k - 1] in (i - 1, before[i])
        counts["dangling"] += int(
            i is not None and before[i] is not None and bool(OPENER.match(sentence)) and not follows
        )
        counts["broken"] += int(
            sentence.count('"') % 2 == 1 or sentence.count("“") != sentence.count("”")
        )
        if is_speech(marks[k]) and not attributes(marks[k]):
            beside = [k - 1] if follows else []
            if k + 1 < len(said) and i is not None and where[k + 1] == i + 1:
                beside.append(k + 1)
            counts["orphan"] += int(not any(attributes(marks[j]) for j in beside))
    counts["ellipsis"] = sum("…" in c for c in captions)
    counts["unnamed"] = sum(bool(m) and not m["speaker"] for m in map(QUOTE_CARD.match, captions))
    return counts


def ear(text: str) -> tuple[Counter, list[int]]:
    """What a listener cannot follow, counted as ear_check does, and the spoken lengths."""
    said = [s.strip() for s in EAR_SPLIT.split(text.strip()) if s.strip()]
    open_quotes = text.count("“") != text.count("”") or text.count('"') % 2 == 1
    counts = Counter(
        clutter=sum(bool(DATELINE.match(s) or CLUTTER.search(s)) for s in said),
        brackets=sum(bool(re.search(r"[()\[\]]", s)) for s in said),
        unclosed=sum(s.count("“") != s.count("”") or s.count('"') % 2 == 1 for s in said)
        if open_quotes
        else 0,
        long=sum(len(s.split()) > 30 for s in said),
    )
    return counts, [len(s.split()) for s in said]


def lead_n(article_text: str, words: int) -> str:
    """The article's first prose sentences, as many as give the closest word count."""
    chosen, total = [], 0
    for s in (s for s in split_sentences(article_text) if is_prose(s)):
        if total >= words or (chosen and abs(total + len(s.split()) - words) > abs(total - words)):
            break
        chosen.append(s)
        total += len(s.split())
    return "\n".join(chosen)


def script_for(text: str, settings, theme) -> tuple[list[str], list[str], float]:
    """Scene texts, on-screen lines and the clip's length of the default fitted script."""
    article = pipeline.read_source("-", settings, data=text.encode())
    with tempfile.TemporaryDirectory(prefix="news60-bench-") as work:
        script, narration = pipeline.write_script(article, settings, theme, Path(work))
    seconds = theme.lead_in + narration.duration + theme.end_card
    return [s.text for s in script.scenes], [str(s.caption) for s in script.scenes], seconds


def run_set(name: str, rows: list[dict], verbose: bool) -> dict:
    """Counts, failures and ROUGE over one set of {id, input, article, reference?} rows."""
    settings, theme = load_settings(), load_theme()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    totals, failures, ours, lead, seconds = Counter(), 0, [], [], []
    heard = {"news60": (Counter(), []), "lead-N": (Counter(), [])}
    for row in rows:
        try:
            scenes, captions, length = script_for(row["input"], settings, theme)
        except News60Error as exc:
            failures += 1
            print(f"FAIL {name} {row['id']}: {exc}", file=sys.stderr)
            continue
        counts = judge(scenes, captions, row["article"])
        counts["clip"] = int(52 <= length <= 60)
        totals += counts
        text = " ".join(scenes)
        opening = lead_n(row["article"], len(text.split())).replace("\n", " ")
        for who, said in (("news60", text), ("lead-N", opening)):
            found, lengths = ear(said)
            heard[who][0].update(found)
            heard[who][1].extend(lengths)
        seconds.append(length)
        if verbose:
            print(row["id"], dict(counts), f"{length:.1f}s", captions, file=sys.stderr)
        if row.get("reference"):
            text = "\n".join(scenes)
            for hyp, bucket in ((text, ours), (lead_n(row["article"], len(text.split())), lead)):
                score = scorer.score(row["reference"], hyp)
                bucket.append((score["rouge1"].fmeasure * 100, score["rouge2"].fmeasure * 100))
    return dict(name=name, articles=len(rows), failures=failures, totals=totals, ours=ours,
                lead=lead, seconds=seconds, heard=heard)  # fmt: skip


def load_sets(data: Path, limit: int | None) -> dict[str, list[dict]]:
    cnndm = [
        json.loads(line) for line in (data / "summaries" / "cnndm_train_sample100.jsonl").open()
    ]
    scrapes = []
    for folder in sorted(p for p in (data / "scrapes").iterdir() if (p / "scrape.txt").exists()):
        gold = json.loads((folder / "gold.json").read_text())["text"]
        scrapes.append(
            dict(id=folder.name, input=(folder / "scrape.txt").read_text(), article=gold)
        )
    return {
        "cnndm": [dict(r, input=r["article"]) for r in cnndm][:limit],
        "scrapes": scrapes[:limit],
    }


def report(result: dict) -> None:
    t, scripts = result["totals"], result["articles"] - result["failures"]
    mean = statistics.mean(result["seconds"]) if result["seconds"] else 0.0
    line = (
        f"{result['name']:<8} {scripts:>3}/{result['articles']:<3} fail {result['failures']:<2} "
        f"order {t['order']:<2} orphan {t['orphan']:<2} broken {t['broken']:<2} "
        f"dangling {t['dangling']:<2} lead {t['lead']}/{scripts} ellipsis {t['ellipsis']} "
        f"unnamed {t['unnamed']} clip52-60 {t['clip']}/{scripts} (mean {mean:.1f}s)"
    )
    if result["ours"]:
        r = [statistics.mean(x[i] for x in result[k]) for k in ("ours", "lead") for i in (0, 1)]
        line += f" | R1/R2 news60 {r[0]:.2f}/{r[1]:.2f} lead-N {r[2]:.2f}/{r[3]:.2f}"
    print(line)
    for who, (found, lengths) in result["heard"].items():
        if not lengths:
            continue
        p90 = statistics.quantiles(lengths, n=10)[-1] if len(lengths) > 1 else 0
        print(
            f"{'':<8} ear {who:<7} clutter {found['clutter']} brackets {found['brackets']} "
            f"unclosed {found['unclosed']} | sentences {len(lengths)}: >30 {found['long']}, "
            f"median {statistics.median(lengths):.0f}, p90 {p90:.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="articles per set")
    parser.add_argument("--set", choices=("cnndm", "scrapes"), action="append")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    for name, rows in load_sets(args.data, args.limit).items():
        if args.set and name not in args.set:
            continue
        report(run_set(name, rows, args.verbose))


if __name__ == "__main__":
    main()
