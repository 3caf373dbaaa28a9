"""Quoted spans that are no names: quotations (issue 12, stage quoted and the counted stage's
quoted-count).

A question or pronouns in quotes, and what a verb of speech says, are quotations; the quoted
names of the real documents of tests/data stay formulations.
"""

from __future__ import annotations

import pytest

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.loaders import load_document, load_text

from ..conftest import DOCS


def texts_in(text: str) -> set[str]:
    return {f.text for f in extract_formulations(load_text(text, source="t"))}


def test_a_question_in_quotes_is_a_quotation_and_counts_no_set():
    # the reviewer's sentences: neither the question nor the count of it is a name
    found = texts_in("面对困难，他连问了三个“为什么”，要求各地找准症结。群众问“怎么办”，我们要答好。"
                     "“你幸福吗”成为热词。")
    assert not {"为什么", "三个“为什么”", "怎么办", "你幸福吗"} & found


def test_a_word_asked_yes_or_no_in_quotes_is_a_question():
    # the Fujian report of 2025
    found = texts_in("既解决“有没有”的问题，更强化“好不好”的建设。推进“一县一团”服务。")
    assert not {"有没有", "好不好"} & found
    assert "一县一团" in found  # (a name of the same length stays)


def test_what_a_verb_of_speech_says_is_a_quotation():
    found = texts_in("她说了三个“不知道”，干部们都愣住了。")
    assert not {"不知道", "三个“不知道”"} & found
    # words in quotes that no verb of speech says stay names (所说, 报道 are other words)
    assert {"登高", "升规"} <= texts_in("实施“登高”、“升规”计划。")
    assert "蒙速办" in texts_in("正如群众所说，“蒙速办”真方便；媒体报道“蒙速办”上线；群众都说“蒙速办”好。")


def test_pronouns_alone_in_quotes_name_nothing():
    assert "我们" not in texts_in("把“我们”放在心上。")


def test_a_question_word_said_twice_is_a_correlative_rule_a_name():
    found = texts_in("坚持“谁污染谁治理”，落实“谁执法谁普法”责任制，做到“缺什么补什么”。")
    assert {"谁污染谁治理", "谁执法谁普法", "缺什么补什么"} <= found


def test_an_idiom_and_a_national_formulation_with_a_pronoun_stay_names():
    found = texts_in("弘扬“舍我其谁挑重担”的精神。推行“民呼我为”，开展“我为群众办实事”实践活动。")
    assert {"舍我其谁挑重担", "民呼我为", "我为群众办实事"} <= found


def test_the_count_of_a_quoted_name_stays_a_set_where_the_name_is_kept():
    # 制定实施大气、水、土壤污染防治三个“十条” (gwr-2018): refused neither by the quoted stage
    # nor, so, by quoted-count
    found = {f.text for f in extract_formulations(load_document(DOCS / "gwr-2018.txt"))}
    assert "三个“十条”" in found


@pytest.mark.parametrize(
    ("path", "names"),
    [
        ("provinces-2025/tianjin.txt", {"好房子", "海河英才", "引客入津"}),
        ("provinces-2025/chongqing.txt", {"民呼我为", "渝车出海"}),
    ],
)
def test_quoted_names_of_real_reports_stay_formulations(path, names):
    found = {f.text for f in extract_formulations(load_document(DOCS / path))}
    assert names <= found


def test_a_verb_and_its_object_in_scare_quotes_ending_the_clause_is_no_name():
    # 坚决防止“爆雷”。 (Inner Mongolia); 让幸福“出圈”。 (Chongqing)
    found = {f.text for f in extract_formulations(load_document(DOCS / "provinces-2025/neimenggu.txt"))}
    assert "爆雷" not in found
    assert "出圈" not in {
        f.text for f in extract_formulations(load_document(DOCS / "provinces-2025/chongqing.txt"))
    }
    assert not {"爆雷", "出圈"} & texts_in("坚决防止“爆雷”。让幸福“出圈”，")
    # listed with other quoted items, or modifying the noun after it, it names something:
    # 坚定不移“打虎”、“拍蝇”、“猎狐” (19th congress report), 培育“瞪羚”企业 (Fujian)
    assert {"打虎", "拍蝇"} <= {
        f.text for f in extract_formulations(load_document(DOCS / "cpc19-report.txt"))
    }
    assert "瞪羚" in texts_in("培育“独角兽”“瞪羚”企业330家以上。")


def test_a_quoted_name_said_only_as_counted_is_listed_as_the_counted_set():
    # 制定实施大气、水、土壤污染防治三个“十条” (gwr-2018): the set names 十条
    found = {f.text for f in extract_formulations(load_document(DOCS / "gwr-2018.txt"))}
    assert "三个“十条”" in found and "十条" not in found
    # said on its own too, the quoted name is an item of its own
    assert {"两个“关键小事”", "关键小事"} <= texts_in(
        "深入抓好两个“关键小事”，巩固提升垃圾分类。在推动“关键小事”中念好共富经。"
    )
    # where a noun follows, the quoted name modifies it and is no counted set's (四个“统规联建”
    # 聚居点): the quoted name stays
    assert "三个“十条”" not in texts_in("落实三个“十条”措施。")


def test_a_launched_verb_and_object_and_a_counted_name_without_the_counted_stage_stay():
    # (review) after a verb that launches or furthers a programme, a quoted verb and object
    # names it; with the counted stage off, the quoted name is listed on its own
    found = {f.text for f in extract_formulations(load_text("，实施“扩岗”。推进“拆违”。防止“爆雷”。"))}
    assert {"扩岗", "拆违"} <= found and "爆雷" not in found
    text = load_text("制定实施大气、水、土壤污染防治三个“十条”。")
    off = FormulationOptions(disabled_stages=frozenset({"counted"}))
    assert [f.text for f in extract_formulations(text, options=off)] == ["十条"]


def test_a_word_national_text_says_plainly_is_an_ordinary_word_in_scare_quotes():
    # sentences of the Anhui and Fujian reports of 2025: words the national news says in tens
    # to hundreds of items and almost never quotes (data/plain_words.tsv), put in quotes for
    # emphasis; the dictionary does not take them for nouns, so only that evidence tells
    found = texts_in(
        "我们要勇挑大梁，努力争取更好结果，赢得更多“刮目相看”。"
        "九牧王礼服“逐梦”巴黎奥运，越来越多的民企品牌技术出新、产品出圈、市场出海。"
        "传统产业向智转型，经济发展“高素质”迈出坚实步伐。"
    )
    assert not {"刮目相看", "逐梦", "高素质"} & found


def test_a_word_national_text_quotes_or_lists_stays_a_name():
    # the work report of 2015 (“创客”: the news quotes it in a tenth of its items), a national
    # formulation said plainly elsewhere (获得感, the lexicon's), and a plain word a count counts
    found = texts_in(
        "电子商务、物流快递等新业态快速成长，众多“创客”脱颖而出。"
        "人们的“获得感”显著增强。要坚持两个“毫不动摇”，支持民营企业发展。"
    )
    assert {"创客", "获得感"} <= found
    assert any(t.startswith("两个") and "毫不动摇" in t for t in found)


def test_the_quoted_title_of_a_column_a_show_or_an_exhibition_is_no_name():
    # the national news (the review of the thirty-sixth session): the genre after the quote
    found = texts_in("央视播发“起底临时仲裁庭”系列报道。本台“今日谈”栏目今天播出。"
                     "在“创新中国”单元展出。举办“复兴之路”展览。开展“微笑列车”公益活动。")
    assert not {"起底临时仲裁庭", "今日谈", "创新中国", "复兴之路", "微笑列车"} & found
    # a title that counts names the numbered set the series is on; a series of activities and
    # a programme stay names (the Jiangsu report of 2025)
    assert "五个更加注重" in texts_in("今天的“五个更加注重”系列报道聚焦更加注重发展质量。")
    assert {"苏新消费", "一网通办"} <= texts_in("举办“苏新消费”系列活动。推进“一网通办”。")
