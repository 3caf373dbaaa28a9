"""The documents the team holds out, shared by the build scripts of the data.

A held-out document is measured blind (`scripts/eval.py`, HOLDOUT): no rule is written from
its misses, and no learnt list takes anything from it, neither its quoted spans nor its word as
evidence for an entry.
"""

from __future__ import annotations

# the provincial reports held out (file names): Shandong's of tests/data/docs/provinces-2025
# and Sichuan's of tests/data/formats (annotated blind by a helper in the seventh session)
HELD_OUT_PROVINCIAL = frozenset({"shandong.txt", "local-sichuan-2025.docx"})
# the national reports of corpus/background.jsonl.xz held out, as "year title" labels: the
# work reports of 2008, 2012 and 2016 and the reports to the 15th and 18th congresses
HELD_OUT_BACKGROUND = (
    "2008 2008年中华人民共和国国务院政府工作报告",
    "2012 2012年中华人民共和国国务院政府工作报告",
    "2016 2016年中华人民共和国国务院政府工作报告",
    "1997 高举邓小平理论伟大旗帜",
    "2012 坚定不移沿着中国特色社会主义道路前进",
)


def held_out_background(doc: dict) -> bool:
    """Tell whether a record of the background corpus (a JSON object with its title) is a
    held-out report: its title opens as the title of one of HELD_OUT_BACKGROUND's labels."""
    title = doc.get("title", "")
    return any(title.startswith(label.split(" ", 1)[1]) for label in HELD_OUT_BACKGROUND)


# the national news items held out (date, title), as scripts/eval.py reads them from the corpus:
# the conference of December 2022, the 13th plan's proposal, the Politburo of July 2022, the
# 27th meeting of the reform commission and the State Council of 18 May 2016
HELD_OUT_NEWS = frozenset({
    ("2022-12-16", "中央经济工作会议在北京举行"),
    ("2015-11-03", "中共中央关于制定国民经济和社会发展第十三个五年规划的建议"),
    ("2022-07-28", "中共中央政治局召开会议 分析研究当前经济形势和经济工作 审议《关于十九届中央第九轮巡视"
                   "情况的综合报告》 中共中央总书记习近平主持会议"),
    ("2022-09-06", "习近平主持召开中央全面深化改革委员会第二十七次会议强调 健全关键核心技术攻关新型举国"
                   "体制 全面加强资源节约工作"),
    ("2016-05-18", "李克强主持召开国务院常务会议"),
})
