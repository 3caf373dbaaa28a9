"""Key terms: the quality bar on the annotated documents, and the ranking rules on small texts."""

from __future__ import annotations

import pytest

from policy_cli.core.keywords import (
    document_terms,
    extract_keywords,
    load_idf,
    load_report_idf,
)
from policy_cli.core.loaders import load_document, load_text
from policy_cli.core.pipeline import prepare
from policy_cli.core.segment import default_segmenter
from policy_cli.errors import NothingToAnalyseError, UsageError
from tests.conftest import DOCS, EXAMPLES, FOUNDING, GOLD, gold, gold_document
from tests.scoring import score_keywords

# Every annotated document (a gold file with key terms): the bar holds on each...
ANNOTATED = sorted(p.name for p in GOLD.glob("*.json") if "key_terms" in gold(p.name))
# (none below it now: a document that falls below the bar is listed here with its figures, and
# the strict xfail makes a change that lifts it say so)
NOT_YET: dict[str, str] = {}


# textrank and freq need only an ok share of 0.6; not yet on these two
OTHER_METHODS_NOT_YET = {
    ("local-baotou-2022.json", "freq"): "the notice's own IT words (应用, 功能, 系统, 业务) are "
    "frequent and only IDF tells them from its topic (0.55)",
}


def bar_cases(names):
    return [
        pytest.param(n, marks=pytest.mark.xfail(reason=NOT_YET[n], strict=True))
        if n in NOT_YET else n
        for n in names
    ]
# Documents nobody annotated: the rules must read sensibly there too.
UNANNOTATED = [
    "gwr-2018.txt",
    "provinces-2025/anhui.txt",
    "provinces-2025/chongqing.txt",
    "provinces-2025/fujian.txt",
    "provinces-2025/guangxi.txt",
    "provinces-2025/hubei.txt",
    "provinces-2025/neimenggu.txt",
    "provinces-2025/shandong.txt",
    "provinces-2025/tianjin.txt",
]


def as_json(keywords) -> dict:
    return {"keywords": [{"term": k.term, "score": k.score, "count": k.count} for k in keywords]}


@pytest.fixture(scope="module")
def prepared():
    """Each document loaded and segmented once for the whole module."""
    cache = {}

    def get(path):
        if path not in cache:
            cache[path] = prepare(load_document(path))
        return cache[path]

    return get


def path_of(name: str):
    return FOUNDING if name.startswith("yuhang") else gold_document(gold(name))


def ranked(p, **kw):
    """The key terms of a prepared document, as `policy keywords` ranks them."""
    return extract_keywords(p.tokens, document=p.document, **kw)


def test_every_annotated_document_is_scored():
    assert len(ANNOTATED) == 10


@pytest.mark.parametrize("name", bar_cases(ANNOTATED))
def test_tfidf_top20_meets_the_bar(name, prepared):
    g = gold(name)
    kws = ranked(prepared(path_of(name)), method="tfidf", top=20)
    score = score_keywords(g, as_json(kws))
    print(f"\n{name} tfidf: {score}")
    assert score.ok, score


def test_founding_example_bar_in_full(prepared):
    g = gold("yuhang-conference-2026.json")
    terms = [k.term for k in ranked(prepared(FOUNDING), top=20)]
    assert {"人工智能", "高质量发展", "余杭"} <= set(terms)
    good = [t for t in terms if t in set(g["key_terms"]["ok"])]
    print(f"\nyuhang top 20: {len(good)}/20 in gold ok: {' '.join(terms)}")
    assert len(good) >= 16
    assert not set(terms) & set(g["key_terms"]["noise_examples"])


def test_spam_stays_out_of_keywords_even_when_the_noise_is_kept():
    # the injected spam span (球球直播app下载_球球体育官网-线上买球) while no detector removes it
    doc = load_document(FOUNDING, keep_noise=True)
    spam = "".join(gold("yuhang-conference-2026.json")["spam"])
    terms = [k.term for k in extract_keywords(prepare(doc).tokens, top=20)]
    assert not [t for t in terms if t in spam]
    assert not [t for t in terms if t.isascii() and not t.isupper()]


@pytest.mark.parametrize("name", ANNOTATED)
@pytest.mark.parametrize("method", ["textrank", "freq"])
def test_other_methods_rank_real_terms(name, method, prepared):
    g = gold(name)
    kws = ranked(prepared(path_of(name)), method=method, top=20)
    score = score_keywords(g, as_json(kws))
    print(f"\n{name} {method}: {score}")
    assert len(kws) == 20
    assert score.figures["noise"] == 0
    if (name, method) in OTHER_METHODS_NOT_YET and score.figures["ok_share"] < 0.6:
        pytest.xfail(f"ok share {score.figures['ok_share']:.2f}: "
                     f"{OTHER_METHODS_NOT_YET[(name, method)]}")
    assert score.figures["ok_share"] >= 0.6


@pytest.mark.parametrize("name", UNANNOTATED)
def test_unannotated_documents_give_no_boilerplate(name, prepared):
    kws = ranked(prepared(DOCS / name), top=20)
    terms = [k.term for k in kws]
    print(f"\n{name}: {' '.join(terms)}")
    boiler = {
        "发展",
        "推进",
        "建设",
        "加强",
        "推动",
        "加快",
        "坚持",
        "工作",
        "我们",
        "全面",
        "持续",
    }
    assert not boiler & set(terms)
    assert all(len(t) >= 2 for t in terms)


def test_results_are_sorted_by_score_then_term(prepared):
    kws = extract_keywords(prepared(DOCS / "gwr-2021.txt").tokens, top=0)
    assert [(-k.score, k.term) for k in kws] == sorted((-k.score, k.term) for k in kws)
    again = extract_keywords(prepared(DOCS / "gwr-2021.txt").tokens, top=0)
    assert kws == again


def test_every_keyword_knows_where_it_first_occurs(prepared):
    p = prepared(FOUNDING)
    for k in extract_keywords(p.tokens, top=20):
        assert p.document.text[k.first_offset :].startswith(k.term[:2])
        sent = p.document.sentences[k.first_sentence]
        assert sent.start <= k.first_offset < sent.end


def tfidf_terms(text: str, **kw) -> dict[str, int]:
    p = prepare(load_text(text, source="t"), **kw)
    return {k.term: k.count for k in extract_keywords(p.tokens, top=0)}


def test_place_name_counts_with_and_without_its_suffix():
    terms = tfidf_terms("余杭区召开大会。余杭要打造创新高地。余杭区经济增长。")
    assert terms["余杭"] == 3
    assert "余杭区" not in terms


def test_place_suffix_is_kept_when_the_stem_is_a_common_word():
    # 开发 is a verb: 开发区 is a term of its own
    terms = tfidf_terms("开发区建设提速。加强开发区管理，开发新产品。")
    assert "开发区" in terms


def test_compound_whose_part_never_occurs_alone_is_one_term():
    text = "之江实验室牵头攻关。之江实验室与高校合作。实验室建设提速，实验室开放。"
    terms = tfidf_terms(text)
    assert terms.get("之江实验室") == 2
    assert "之江" not in terms
    assert terms.get("实验室") == 4  # the free part keeps counting on its own


def test_a_name_cut_into_a_word_and_a_lone_character_is_glued_back():
    text = "市长施惠芳强调，要抓好落实。施惠芳指出，要奋战一季度。"
    terms = tfidf_terms(text)
    assert terms.get("施惠芳") == 2
    assert "施惠" not in terms


def test_function_characters_are_not_glued():
    terms = tfidf_terms("以改革为主线推进。以创新为主线推进。")
    assert "为主线" not in terms


def test_policy_terms_are_never_glued_to_a_neighbour():
    terms = tfidf_terms("勇闯中国式现代化新路。勇闯中国式现代化新路。")
    assert terms.get("中国式现代化") == 2


def test_numbers_dates_single_characters_and_boilerplate_are_not_terms():
    text = "2025年GDP增长5%，达到1.5万亿元，提高3个百分点。我们要推进建设，加快发展，坚持创新。"
    terms = tfidf_terms(text)
    assert "创新" in terms and "GDP" in terms
    for bad in (
        "2025年",
        "5%",
        "万亿元",
        "个百分点",
        "我们",
        "推进",
        "建设",
        "发展",
        "加快",
        "坚持",
    ):
        assert bad not in terms


def test_a_one_off_hmm_guess_is_not_a_term():
    seg = default_segmenter()
    assert not seg.knows("中念")
    terms = tfidf_terms("在推动关键小事中念好共富经。")
    assert "中念" not in terms


def test_a_long_protected_formulation_can_be_a_term():
    slogan = "一年一个样、三年大变样"
    text = f"实现{slogan}。坚持{slogan}的目标。"
    terms = tfidf_terms(text, protect=(slogan,))
    assert terms.get(slogan) == 2


def test_document_terms_keep_document_order():
    p = prepare(load_text("人工智能和制造业。制造业与数字经济。", source="t"))
    terms = document_terms(p.tokens)
    assert [t for t, _ in terms] == ["人工智能", "制造业", "制造业", "数字经济"]
    starts = [tok.start for _, tok in terms]
    assert starts == sorted(starts)


def test_unknown_method_is_a_usage_error(prepared):
    with pytest.raises(UsageError, match="unknown keyword method"):
        extract_keywords(prepared(FOUNDING).tokens, method="lda")


def test_nothing_to_rank_raises():
    p = prepare(load_text("我们的，和。", source="t"))
    with pytest.raises(NothingToAnalyseError):
        extract_keywords(p.tokens)


def test_idf_table_is_learnt_from_national_text_at_scale():
    idf = load_idf()
    assert idf.documents > 56_000  # the news items and the background reports
    assert len(idf) > 50_000
    assert idf("高质量发展") > idf("经济") >= 1.0
    assert idf("一个从未见过的词") == idf.default > idf("大湾区")
    assert idf.tag("经济") == "n"
    assert idf.tag("大湾区") == "nz"  # a lexicon word is a name
    assert "大湾区" in idf and "一个从未见过的词" not in idf


def test_timeliness_tells_the_words_of_a_few_years():
    idf = load_idf()
    # 2020-2022 (the pandemic, the 14th plan) against words every year uses
    assert idf.timeliness("疫情") > 0.3 and idf.timeliness("十四五") > 0.3
    assert idf.timeliness("服务") < 0.1 and idf.timeliness("政策") < 0.1


def test_report_idf_tells_routine_report_words():
    reports = load_report_idf()
    assert reports.documents == 57  # the 62 background reports, the five held out aside
    assert reports("原则") < 1.45 < reports("疫情")


def test_a_noun_counts_also_where_it_opens_the_documents_compounds(prepared):
    # Yunnan says 民族团结 twelve times, never alone: inside 民族团结进步 (10) and
    # 民族团结誓词碑 (2), two terms of its own that a reader counts it in; national text knows
    # 民族团结进步 as a phrase of two words (no tag), not as one word as 人工智能 is
    idf = load_idf()
    assert "民族团结进步" in idf and not idf.tag("民族团结进步") and idf.tag("人工智能")
    p = prepared(DOCS / "provinces-2025" / "yunnan.txt")
    kws = {k.term: k for k in ranked(p, top=0)}
    assert kws["民族团结"].count == 12
    assert kws["民族团结进步"].count == 10  # the compound keeps its own count
    assert p.document.text[kws["民族团结"].first_offset :].startswith("民族团结")
    top = [k.term for k in ranked(p, top=20)]
    assert {"民族团结", "生态"} <= set(top)


def test_a_known_phrase_credits_only_an_opener_that_is_a_compound_name(prepared):
    # Inner Mongolia says 高标准农田 three times and 高标准 once on its own: national text knows
    # 高标准农田 as a phrase (no tag), like 民族团结进步, but its opener is a modifier, credited
    # as a one-word term's (said alone less often than inside: nothing)
    from policy_cli.core.keywords import KeywordOptions

    idf = load_idf()
    assert "高标准农田" in idf and not idf.tag("高标准农田")
    p = prepared(DOCS / "provinces-2025" / "neimenggu.txt")
    assert p.document.text.count("高标准") == 4 and p.document.text.count("高标准农田") == 3
    kws = {k.term: k for k in ranked(p, top=0)}
    assert kws["高标准"].count == 1
    assert kws["高标准农田"].count == 3
    loose = {k.term: k for k in ranked(p, top=0, options=KeywordOptions(opening_phrase_min_head=3))}
    assert loose["高标准"].count == 4


def test_a_known_term_credits_its_opener_only_when_the_opener_is_a_word_of_its_own():
    # 疫情 is said alone as often as inside 疫情防控: counted in it too; 人工 never stands
    # alone, 人工智能 is one name
    text = ("疫情形势复杂。疫情防控不放松。疫情防控常态化。疫情得到控制。"
            "人工智能发展迅速。人工智能赋能产业。")
    terms = tfidf_terms(text)
    assert terms["疫情"] == 4
    assert terms["疫情防控"] == 2
    assert "人工" not in terms


def test_a_programme_named_by_its_length_alone_weighs_as_a_general_noun():
    from policy_cli.core.keywords import is_timed_programme, load_idf, term_weights

    assert is_timed_programme("三年行动")
    assert is_timed_programme("三年行动计划")
    assert is_timed_programme("百日攻坚")
    assert not is_timed_programme("三年上台阶")  # a goal, not a programme's kind
    assert not is_timed_programme("营商环境三年行动")  # names its field
    assert not is_timed_programme("十四五")
    assert not is_timed_programme("五年计划")  # a plan period, as 十四五 is
    assert is_timed_programme("三年行动方案")
    w = term_weights(["三年行动", "营商环境"], load_idf())
    assert w["三年行动"] < w["营商环境"]


def test_a_glossary_counts_at_a_share(prepared):
    # Yunnan's glossary (名词解释) explains 44 terms; 龙头企业 is said once in the body and
    # seven times in the definition of 三个全覆盖: a detail, not a topic
    from policy_cli.core.keywords import KeywordOptions

    p = prepared(DOCS / "provinces-2025" / "yunnan.txt")
    kws = {k.term: k for k in ranked(p, top=0)}
    whole = {k.term: k for k in ranked(p, top=0, options=KeywordOptions(glossary_share=1.0))}
    assert kws["龙头企业"].count == whole["龙头企业"].count == 8  # the count is what is said
    assert kws["龙头企业"].score < 0.6 * whole["龙头企业"].score
    assert kws["绿色低碳"].score == whole["绿色低碳"].score  # never in the glossary
    assert list(kws).index("绿色低碳") < list(whole).index("绿色低碳")
    top = [k.term for k in ranked(p, top=20)]
    assert "龙头企业" not in top and "固体废物" not in top


def test_the_key_term_data_file_is_well_formed():
    import importlib.util

    from tests.conftest import EXAMPLES

    spec = importlib.util.spec_from_file_location(
        "check_keyword_data", EXAMPLES.parent / "scripts" / "check_keyword_data.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.check() == []


def test_the_middle_of_a_long_name_is_no_term() -> None:
    # Sichuan's report says 成渝地区双城经济圈 (成渝|地区|双城|经济圈, 9 characters, too long for
    # one term) five times: 地区+双城 always sits between 成渝 and 经济圈, so it is no term of its
    # own; the end of the name (双城经济圈) still is
    doc = load_document(DOCS.parent / "formats" / "local-sichuan-2025.docx")
    terms = [k.term for k in extract_keywords(prepare(doc).tokens, top=30)]
    assert "地区双城" not in terms
    assert "双城经济圈" in terms


# Every test document: the annotated and unannotated reports, the examples, the other formats
EVERY_DOCUMENT = sorted(
    p for p in (*DOCS.rglob("*"), *EXAMPLES.iterdir(), *(DOCS.parent / "formats").iterdir())
    if p.is_file() and p.suffix != ".md"
)


@pytest.mark.parametrize("path", EVERY_DOCUMENT, ids=lambda p: p.name)
def test_a_key_terms_count_never_exceeds_what_the_text_says(prepared, path):
    # the count column is what a reader counts: the term's uses alone and where it opens a
    # longer term, each use once (a compound that keeps its opener counting at its own offset,
    # 人工智能+小镇, must not credit it again)
    p = prepared(path)
    text = p.document.text
    over = {k.term: (k.count, text.count(k.term)) for k in ranked(p, top=0)
            if k.count > text.count(k.term)}
    assert not over


def test_an_opener_a_compound_already_counts_is_not_credited_again(prepared):
    # 余杭's conference says 人工智能 five times, twice in 人工智能小镇
    p = prepared(FOUNDING)
    kws = {k.term: k for k in ranked(p, top=0)}
    assert p.document.text.count("人工智能") == 5
    assert kws["人工智能"].count == 5
    assert kws["人工智能小镇"].count == 2
    terms = tfidf_terms("推动成渝地区双城经济圈建设。" * 12 + "地区双城。")
    assert terms["双城"] <= 13


def test_a_place_or_a_territorys_body_credits_no_opener(prepared):
    # Inner Mongolia names its own region's committee (自治区党委, 11 times) often: a body of
    # the place, not a use of 自治区 that makes it the topic; 自治区 and 自治区党委 are counted
    # at different places of the text (30 uses of 自治区 in all)
    p = prepared(DOCS / "provinces-2025" / "neimenggu.txt")
    text = p.document.text
    kws = ranked(p, top=20)
    counts = {k.term: k.count for k in kws}
    assert counts["自治区党委"] == text.count("自治区党委") == 11
    assert counts["自治区"] + counts["自治区党委"] <= text.count("自治区")
    assert kws[0].term != "自治区"
    # a place (长江) opening a known term is said where it is said, not in 长江经济带 too
    terms = tfidf_terms("长江水质改善。长江岸线修复。长江禁渔。长江经济带发展。长江经济带建设。")
    assert terms["长江"] == 3


def test_the_openings_thresholds_are_options(prepared):
    # 民族团结 is said only inside 民族团结进步 (10) and 民族团结誓词碑 (2): compounds said
    # fewer than 11 times credit nothing, and it is gone
    from policy_cli.core.keywords import KeywordOptions

    p = prepared(DOCS / "provinces-2025" / "yunnan.txt")
    default = {k.term: k.count for k in ranked(p, top=0)}
    strict = {k.term: k.count for k in ranked(p, top=0, options=KeywordOptions(
        opening_min_count=11))}
    assert default["民族团结"] == 12 and "民族团结" not in strict
    # an opener never said alone needs two compounds of the document's own: three is too many
    three = {k.term: k.count for k in ranked(p, top=0, options=KeywordOptions(
        opening_min_compounds=3))}
    assert three.get("民族团结", 0) < 12


def test_an_opener_said_alone_less_often_than_inside_known_terms_is_not_credited(prepared):
    # the 19th congress report says 社会主义 147 times and 社会 on its own far less: socialism is
    # no use of 社会, which keeps its own count (below the uses outside 社会主义)
    p = prepared(DOCS / "cpc19-report.txt")
    text = p.document.text
    kws = {k.term: k for k in ranked(p, top=0)}
    assert kws["社会"].count <= text.count("社会") - text.count("社会主义")
    assert "社会" not in [k.term for k in ranked(p, top=20)]
