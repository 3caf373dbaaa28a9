"""Rebuild the formulation lexicons in policy_cli/data/ from the background corpus.

Nothing here is typed in by hand or copied from the gold annotations; every list is learnt from
`corpus/background.jsonl.xz` (57 of its 62 national work reports and Party congress reports,
1954-2022: the held-out ones are not read) and from jieba's own dictionary:

The documents of tests/data/docs no reference annotation covers (seven 2025 provincial reports,
Shandong's held out, and the 2018 work report) add their quoted spans.

- `formulations.txt`: set phrases the corpus itself treats as fixed, so that the tool can find
  them unquoted in a new document:
  * spans the reports put in quotes (“一国两制”, “放管服”, “米袋子”) that pass the quoted-span
    classifier of `policy_cli.core.formulations`, when the corpus quotes them in a good share of
    their occurrences (a word quoted once in 1958 and used plainly a thousand times is not a
    formulation);
  * numbered phrases (count word + measure word + a short noun: 三个代表, 两个毫不动摇,
    三大攻坚战) that recur in several reports;
- `formulations_clause_words.txt`: verbs that open a clause in the reports (加快, 推进, 坚持):
  the left edge of a formulation found by a head word is after them;
- `formulations_idioms.txt`: four-character idioms opening with a count word (一马当先,
  万马奔腾, 千方百计), from jieba's dictionary (tag "i"): they are not numbered formulations;

    python scripts/build_formulations.py
"""

from __future__ import annotations

import json
import lzma
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.core.chars import HAN  # noqa: E402
from policy_cli.core.formulations import classify_quoted  # noqa: E402
from policy_cli.core.loaders import load_text  # noqa: E402
from policy_cli.core.segment import Segmenter  # noqa: E402
from scripts.held_out import held_out_background  # noqa: E402
from scripts.sources import unannotated_paths  # noqa: E402

CORPUS = ROOT / "corpus" / "background.jsonl.xz"
# The 2025 provincial reports and the 2018 work report of tests/data/docs that no reference
# annotation covers (`sources.unannotated_paths`), whose quoted spans also teach set phrases (a
# watchword one province quotes, another says plainly) and whose clauses teach the verbs that
# open them. The held-out documents (scripts/held_out.py: Shandong's report, five national
# reports of the background) are not read, so that nothing is learnt from what is measured
# blind: neither set phrases nor the verbs that open clauses.
UNANNOTATED = unannotated_paths()
DATA = ROOT / "policy_cli" / "data"
COUNT = "一二两三四五六七八九十百千万双"
QUOTED = re.compile(r"“([^“”\n]{2,30})”")
NUMBERED = re.compile(rf"[两三四五六七八九十双](?:个|大|项)[{HAN}]{{2,5}}")
MAX_QUOTED_LEN = 12
MIN_QUOTED_SHARE = 0.25
MIN_NUMBERED_DF = 3
MIN_OPENING_SHARE = 0.3
# jieba tags of words that may open a clause without being its subject: verbs, adverbs,
# adjectives, conjunctions, prepositions, set phrases (nouns and names open clauses as subjects)
VERBISH_TAGS = frozenset({"v", "vd", "vi", "vq", "d", "ad", "c", "p", "i"})
# measure-word phrases that count things rather than name a set (三个方面, 两个月)
GENERIC_HEADS = ("方面", "问题", "部分", "阶段", "时期", "环节", "领域", "地区", "国家", "月",
                 "小时", "百分点", "以上", "以下", "左右", "多")


def background_documents() -> list[dict]:
    """Read the committed background corpus (one JSON object a line)."""
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def jieba_tags() -> dict[str, str]:
    """Return jieba's dictionary as word -> part-of-speech tag."""
    path = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    tags = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            tags[parts[0]] = parts[2]
    return tags


def quoted_phrases(texts: list[str], idioms: set[str], tags: dict[str, str]) -> dict[str, str]:
    """Learn the phrases the corpus quotes often enough to be set phrases."""
    quoted: Counter[str] = Counter()
    docs: defaultdict[str, set[int]] = defaultdict(set)
    for i, text in enumerate(texts):
        for m in QUOTED.finditer(text):
            span = m.group(1).strip()
            quoted[span] += 1
            docs[span].add(i)
    out = {}
    for span, n in quoted.items():
        kind = classify_quoted(span)
        if kind is None or kind == "code" or not 2 <= len(span) <= MAX_QUOTED_LEN:
            continue
        if len(docs[span]) < 2 and kind == "name":
            continue  # quoted once in one report: that report's word, not a set phrase
        total = sum(t.count(span) for t in texts)
        share = n / total if total else 0.0
        if share < MIN_QUOTED_SHARE:
            continue
        if len(span) == 2 and kind != "numbered" and (len(docs[span]) < 3 or span in tags):
            continue  # a two-character word (瓶颈, 热点) in quotes is emphasis, not a name
        if span in idioms and len(docs[span]) < 2:
            continue
        out[span] = kind
    return out


def numbered_phrases(texts: list[str], seg: Segmenter, idioms: set[str]) -> dict[str, str]:
    """Learn numbered formulations (三个代表, 三大攻坚战) that recur across reports."""
    docs: defaultdict[str, set[int]] = defaultdict(set)
    for i, text in enumerate(texts):
        for sent in re.split(r"[，。；：！？、“”（）\n]", text):
            if not re.search(rf"[{COUNT}](?:个|大|项|种|重)", sent):
                continue
            words = seg.cut(sent)
            for k, w in enumerate(words):
                m = re.fullmatch(rf"([{COUNT}])(个|大|项|种|重)?", w) or re.fullmatch(
                    rf"([{COUNT}])(个|大|项|种|重)", w[:2]
                )
                if not m:
                    continue
                phrase = w
                for nxt in words[k + 1 : k + 3]:
                    if len(phrase) >= 4 or not re.fullmatch(rf"[{HAN}]+", nxt):
                        break
                    phrase += nxt
                end = sent.find(phrase) + len(phrase)
                closed = end >= len(sent) or sent[end] in "的和是等"
                if closed and NUMBERED.fullmatch(phrase) and not phrase.endswith(GENERIC_HEADS):
                    docs[phrase].add(i)
    return {
        p: "numbered"
        for p, ds in docs.items()
        if len(ds) >= MIN_NUMBERED_DF and p not in idioms and len(p) <= 7
    }


def clause_words(texts: list[str], seg: Segmenter, tags: dict[str, str]) -> list[str]:
    """Learn the words that mostly open a clause in the reports (加快, 推进, 坚持, 弘扬).

    A word qualifies when at least MIN_OPENING_SHARE of its occurrences open a clause: verbs of
    command do, while the nouns and verbal nouns inside formulations (发展, 防治) do not. Only
    words jieba knows as verbs, adverbs and the like count: nouns and place names (北京, 成渝,
    全面) open clauses as subjects.
    """
    opening: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for text in texts:
        for clause in re.split(r"[，。；：！？、“”（）\n]", text):
            words = [w for w in seg.cut(clause) if w.strip()]
            if words:
                opening[words[0]] += 1
            total.update(words)
    return sorted(
        w
        for w, n in opening.items()
        if n >= 3 and len(w) >= 2 and re.fullmatch(rf"[{HAN}]+", w) and w[0] not in COUNT
        and (
            (tags.get(w) in VERBISH_TAGS and n / total[w] >= MIN_OPENING_SHARE)
            # verbal nouns (营造, 发展) count only when they nearly always open a clause
            or (tags.get(w) == "vn" and n / total[w] >= 2 * MIN_OPENING_SHARE)
        )
    )


def count_idioms(tags: dict[str, str]) -> list[str]:
    """Four-character idioms of jieba's dictionary that open with a count word."""
    return sorted(w for w, t in tags.items() if t == "i" and len(w) == 4 and w[0] in COUNT)


def write(name: str, header: str, lines: list[str]) -> None:
    path = DATA / name
    path.write_text(f"# {header}\n# rebuilt by scripts/build_formulations.py\n"
                    + "".join(f"{ln}\n" for ln in lines), encoding="utf-8")
    print(f"wrote {path} ({len(lines)} entries)")


def learn() -> dict[str, tuple[str, list[str]]]:
    """The three lists, as file name -> (header, lines)."""
    # (text, name) of every document learnt from: the held-out ones are not read
    read = [(d["content"], d.get("title", "?")) for d in background_documents()
            if not held_out_background(d)]
    read += [(p.read_text(encoding="utf-8"), p.name) for p in UNANNOTATED]
    learnt = [load_text(content, source=name).text for content, name in read]
    seg = Segmenter()
    tags = jieba_tags()
    idioms = set(count_idioms(tags))
    lexicon = numbered_phrases(learnt, seg, idioms)
    lexicon.update(quoted_phrases(learnt, idioms, tags))
    return {
        "formulations.txt": (
            "set phrases learnt from the background corpus: text<TAB>kind",
            [f"{t}\t{k}" for t, k in sorted(lexicon.items())],
        ),
        "formulations_clause_words.txt": (
            "verbs that open a clause in the background corpus",
            clause_words(learnt, seg, tags),
        ),
        "formulations_idioms.txt": (
            "idioms opening with a count word (jieba dictionary, tag i)",
            sorted(idioms),
        ),
    }


def main() -> None:
    for name, (header, lines) in learn().items():
        write(name, header, lines)


if __name__ == "__main__":
    main()
