"""The national lexicon, the phrase matcher and the phrase index built from national text."""

from __future__ import annotations

import pytest

from policy_cli.core.bloom import BloomFilter
from policy_cli.core.formulations import extract_formulations
from policy_cli.core.loaders import load_text
from policy_cli.core.national import first_seen_year, national_lexicon, said_nationally
from policy_cli.core.phrases import PhraseMatcher, canonical, key

from ..conftest import DOCS


def test_bloom_has_no_false_negatives_and_few_false_positives():
    words = [f"词{i}" for i in range(5000)]
    bloom = BloomFilter.build(words, capacity=len(words), error_rate=0.01)
    assert all(w in bloom for w in words)
    others = [f"别{i}" for i in range(5000)]
    assert sum(o in bloom for o in others) < 150  # ~1 % expected
    again = BloomFilter.from_bytes(bloom.to_bytes())
    assert all(w in again for w in words[:100])


def test_bloom_opened_from_its_file_answers_as_the_built_one(tmp_path):
    words = [f"词{i}" for i in range(2000)]
    others = [f"别{i}" for i in range(2000)]
    bloom = BloomFilter.build(words, capacity=len(words), error_rate=0.01)
    bloom.save(tmp_path / "f.bloom")
    mapped = BloomFilter.open(tmp_path / "f.bloom")
    assert [w in mapped for w in words + others] == [w in bloom for w in words + others]
    (tmp_path / "bad.bloom").write_bytes(b"\0" * 64)
    with pytest.raises(ValueError):
        BloomFilter.open(tmp_path / "bad.bloom")


def test_bloom_rejects_foreign_bytes():
    with pytest.raises(ValueError):
        BloomFilter.from_bytes(b"\0" * 64)


def test_matcher_takes_separators_and_quotes_as_printed():
    m = PhraseMatcher(["不敢腐、不能腐、不想腐", "共建一带一路", "一带一路"])
    for text in ("一体推进不敢腐、不能腐、不想腐。", "一体推进不敢腐，不能腐，不想腐。",
                 "一体推进不敢腐不能腐不想腐。"):
        (hit,) = m.finditer(text)
        assert hit.phrase == "不敢腐、不能腐、不想腐"
        assert text[hit.start : hit.end].startswith("不敢腐") and text[hit.end] == "。"
    hits = list(m.finditer("推动共建“一带一路”高质量发展，“一带一路”倡议"))
    assert [h.phrase for h in hits] == ["共建一带一路", "一带一路"]


def test_matcher_takes_a_conjunction_for_a_motto_s_last_separator():
    # the work report of 2013: 保持经济平稳较快发展、调整经济结构和管理通胀预期
    m = PhraseMatcher(["保持经济平稳较快发展、调整经济结构、管理通胀预期", "不敢腐、不能腐、不想腐"])
    text = "处理好保持经济平稳较快发展、调整经济结构和管理通胀预期的关系。"
    (hit,) = m.finditer(text)
    assert text[hit.start : hit.end] == "保持经济平稳较快发展、调整经济结构和管理通胀预期"
    # only the last: a separator after the conjunction says another list
    assert list(m.finditer("不敢腐和不能腐、不想腐。")) == []
    (hit,) = m.finditer("不敢腐、不能腐与不想腐。")
    assert hit.phrase == "不敢腐、不能腐、不想腐"


def test_matcher_does_not_read_a_separator_into_a_phrase_that_has_none():
    m = PhraseMatcher(["中国制造"])
    assert list(m.finditer("中国、制造")) == []


def test_canonical_and_key():
    assert canonical("“放管服”改革") == "放管服改革"
    assert canonical("人民至上，生命至上") == "人民至上、生命至上"
    assert key("人民至上，生命至上") == "人民至上生命至上"


def test_lexicon_entries_carry_their_evidence():
    lex = national_lexicon()
    assert len(lex) > 1000
    entry = lex["供给侧结构性改革"]
    assert entry.kind == "slogan" and entry.documents > 100
    # coined in 2015: national text has said it steadily since then
    assert first_seen_year("供给侧结构性改革") in (2015, 2016)
    assert first_seen_year("新发展格局") == 2020
    assert first_seen_year("没有这个词") is None


def test_qualifying_runs_are_runs_of_the_lexicon_with_their_evidence():
    """data/national_qualifiers.tsv (scripts/build_qualifiers.py): runs of the lexicon that the
    news says before 的 in half of their uses or more, each with its counts and first item."""
    from policy_cli import data
    from policy_cli.core.national import QUALIFIERS_FILE, national_qualifiers

    rows = [r.split("\t") for r in data.lines(QUALIFIERS_FILE)[1:]]
    assert len(rows) == len(national_qualifiers()) > 50
    lexicon = national_lexicon()
    for text, uses, before_de, _noun, evidence in rows:
        assert text in lexicon and "、" in text, text
        assert 2 <= int(before_de) <= int(uses) <= 2 * int(before_de), text
        assert evidence.startswith("news 20"), text
    # the capital market's qualities are a qualifier; two markets, two resources a motto
    assert "规范、透明、开放、有活力、有韧性" in national_qualifiers()
    assert "两个市场、两种资源" in lexicon and "两个市场、两种资源" not in national_qualifiers()
    # said before 的方针 (a principle's head) in its uses before 的: the principle, no qualifier
    assert "节约优先、保护优先、自然恢复为主" not in national_qualifiers()


def test_referent_habits_are_sets_of_the_lexicon_with_their_evidence():
    """data/national_referents.tsv (scripts/build_referents.py): the sets and codes of the
    lexicon the news says with a word after them ten times or more, with the word said most
    often, its count and the first item that says the two together."""
    from policy_cli import data
    from policy_cli.core.formulations.shapes import classify_quoted
    from policy_cli.core.national import REFERENTS_FILE, national_referents

    rows = [r.split("\t") for r in data.lines(REFERENTS_FILE)[1:]]
    assert len(rows) == len(national_referents()) > 100
    lexicon = national_lexicon()
    for text, uses, word, after, evidence in rows:
        assert text in lexicon and classify_quoted(text) in ("code", "numbered"), text
        assert 1 <= int(after) <= int(uses) and int(uses) >= 10 and word, text
        assert evidence.startswith("news 20"), text
    referents = national_referents()
    # a set national text names with one word, and one it follows with whatever is said of it
    assert referents["三个代表"][0] == "重要" and referents["三个代表"][1] >= 90
    assert referents["两个一百年"][0] == "奋斗目标" and referents["两个一百年"][1] >= 80
    assert referents["一带一路"][1] < 50 and referents["四风"][1] < 50


def test_opener_habits_are_entries_of_the_lexicon_with_their_evidence():
    """data/national_openers.tsv (scripts/build_openers.py): entries of the lexicon the news
    says right after an opener of `named_openers`, each with its counts and first item."""
    from policy_cli import data
    from policy_cli.core.formulations.vocab import words
    from policy_cli.core.national import OPENERS_FILE, everyday_lexicon, national_openers

    rows = [r.split("\t") for r in data.lines(OPENERS_FILE)[1:]]
    assert len(rows) == len(national_openers()) > 30
    known = {**everyday_lexicon(), **national_lexicon()}
    for text, opener, uses, after, evidence in rows:
        assert text in known and opener in words().named_openers, text
        assert 1 <= int(after) <= int(uses), text
        assert evidence.startswith("news 20"), text
    habits = national_openers()
    # the Party's line is named with 党的 by habit, a state programme almost never; the banner
    # is raised
    assert habits[("群众路线", "党的")] >= 20 and habits.get(("乡村振兴战略", "党的"), 0) < 5
    assert habits[("中国特色社会主义伟大旗帜", "高举")] >= 90


def test_no_learnt_table_rests_on_a_held_out_news_item():
    """The national lexicon, the qualifiers and the openers are built without the held-out news
    items (scripts/held_out.py): no entry cites one as its evidence."""
    from policy_cli import data
    from scripts.held_out import HELD_OUT_NEWS

    for name in ("national_formulations.tsv", "national_qualifiers.tsv", "national_openers.tsv"):
        table = data.text(name)
        for day, title in HELD_OUT_NEWS:
            assert f"{day} 《{title}" not in table, (name, day)


def test_lexicon_finds_national_formulations_said_without_quotes_in_a_report():
    from policy_cli.core.national import national_matcher

    text = (DOCS / "gwr-2022.txt").read_text(encoding="utf-8")
    found = {m.phrase for m in national_matcher().finditer(text)}
    assert {"高质量发展", "新发展理念", "供给侧结构性改革", "减税降费", "留抵退税"} <= found


def test_an_agreement_by_its_latin_name_is_national():
    """The national news prints 区域全面经济伙伴关系协定（RCEP） and then RCEP alone (from
    2015-11-22); the Anhui report of 2025 says RCEP only: the national formulation, with its date."""
    from policy_cli.core.loaders import load_document

    assert national_lexicon()["RCEP"].source == "seed"
    found = {f.text: f for f in extract_formulations(load_document(DOCS / "provinces-2025" / "anhui.txt"))}
    assert found["RCEP"].origin == "national" and found["RCEP"].first_seen[:4] == "2015"


def test_formulations_read_in_earlier_reports_are_found_in_a_later_one():
    """The 2018 report says, unquoted, what the reports of 2015 and 2017 coined (the `reports`
    source of the lexicon): national, since the news first used them."""
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.loaders import load_document

    found = {f.text: f for f in extract_formulations(load_document(DOCS / "gwr-2018.txt"))}
    for text in ("提速降费", "沪港通", "稳健中性", "松紧适度"):
        assert national_lexicon()[text].source == "reports"
        assert found[text].origin == "national" and found[text].first_seen
    assert found["沪港通"].first_seen[:4] == "2014"  # the scheme opened in November 2014
    # named with the head of the policy it is (rule head), still national since the entry's date
    assert found["全面两孩政策"].origin == "national" and found["全面两孩政策"].first_seen


def test_the_formulations_of_the_1990s_written_from_knowledge_are_found_in_a_report_of_2002():
    """The congress report of 2002 says, unquoted, the formulations of its decade that the
    knowledge seed writes (kept by the background reports that are not held out): national,
    dated before the news began."""
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.loaders import load_document

    found = {f.text: f for f in extract_formulations(load_document(DOCS / "cpc16-report.txt"))}
    # (以德治国 is said there only inside 依法治国和以德治国(相结合), entries of their own since
    # the twenty-fifth session's batch of the 2000s)
    for text in ("依法治国和以德治国相结合", "党内民主是党的生命", "寓军于民", "打得赢、不变质"):
        assert national_lexicon()[text].source == "knowledge"
        assert found[text].origin == "national" and found[text].first_seen < "2003"
    # a motto of one line as printed, its parts joined by ， (以信息化带动工业化，以工业化…)
    assert "以信息化带动工业化，以工业化促进信息化" in found


def test_a_formulation_a_motto_opens_inside_is_said_too():
    """A motto found opening inside an entry said whole before it, which ends where the motto's
    first part ends, lists that entry too; a piece ending inside the first part is none."""
    from policy_cli.core.formulations import FormulationOptions, extract_formulations
    from policy_cli.core.loaders import load_text

    text = (
        "会议强调，坚持全面依法治国，建设社会主义法治国家，切实保障社会公平正义。"
        "要加强党的政治建设、思想建设、组织建设、作风建设、纪律建设。"
        "增强中国特色社会主义道路自信、理论自信、制度自信、文化自信。"
    )
    found = {f.text: f for f in extract_formulations(load_text(text, source="t"))}
    # (坚持|全面依法治国 is also what a short text of the centre says to adhere to: frame/adhered)
    assert "national/opened" in found["全面依法治国"].evidence
    assert "依法治国，建设社会主义法治国家" in found
    assert found["党的政治建设"].evidence == ("national/opened",)
    assert "中国特色社会主义道路" not in found  # (…道路|自信: inside the motto's first part)
    off = FormulationOptions(national_opened_max=0)
    listed = {
        f.text: f.evidence
        for f in extract_formulations(load_text(text, source="t"), options=off)
    }
    assert "national/opened" not in listed.get("全面依法治国", ())
    assert "党的政治建设" not in listed and "依法治国，建设社会主义法治国家" in listed


def test_watchwords_newer_than_the_news_are_found_in_a_2025_report():
    """Seed entries of 2023-2025, kept because provincial reports of 2025 say them."""
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.loaders import load_document

    anhui = load_document(DOCS / "provinces-2025" / "anhui.txt")
    found = {f.text: f for f in extract_formulations(anhui)}
    for text in ("首发经济", "低空经济"):
        assert national_lexicon()[text].source == "seed"
        assert found[text].origin == "national" and found[text].first_seen == "2023"
    # said now and then by the news before it was a watchword: dated by the news
    assert found["止跌回稳"].origin == "national" and found["止跌回稳"].first_seen < "2023"


def test_phrase_index_tells_national_phrases_from_a_local_coinage():
    assert said_nationally("放管服改革")
    assert said_nationally("一网通办")
    assert said_nationally("不敢腐，不能腐，不想腐")
    # coinages of a 2022 city notice and a 2025 provincial report
    assert not said_nationally("蒙速办")
    assert not said_nationally("谋在实处、干在实处、成在实处")
    assert not said_nationally("")


def _every_position(matcher: PhraseMatcher, text: str) -> list[tuple[str, int, int]]:
    """The plain walk the matcher's start automaton stands in for: try the trie at every
    character that opens a phrase; a longer phrase opening inside a find replaces it."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(text):
        best = matcher._longest(text, i) if text[i] in matcher._trie else None
        if best is None:
            i += 1
            continue
        j = i + 1
        while j < best.end:  # a longer phrase opening inside it
            other = matcher._longest(text, j) if text[j] in matcher._trie else None
            if other is not None and "、" in other.phrase and len(other.phrase) > len(best.phrase):
                best = other
            j += 1
        out.append((best.phrase, best.start, best.end))
        i = best.end
    return out


def test_a_longer_phrase_opening_inside_a_find_is_the_one_said():
    # 坚定中国特色社会主义道路自信、理论自信、制度自信、文化自信: the four confidences, not the road
    m = PhraseMatcher(["中国特色社会主义道路", "道路自信、理论自信、制度自信、文化自信", "文化自信"])
    text = "坚定中国特色社会主义道路自信、理论自信、制度自信、文化自信。走中国特色社会主义道路。"
    assert [h.phrase for h in m.finditer(text)] == [
        "道路自信、理论自信、制度自信、文化自信", "中国特色社会主义道路"
    ]
    # a longer phrase of one part does not replace a find (打好|精准脱贫|攻坚战), and quote marks
    # do not count as length
    m = PhraseMatcher(["精准脱贫", "脱贫攻坚战"])
    assert [h.phrase for h in m.finditer("打好精准脱贫攻坚战。")] == ["精准脱贫"]
    # a shorter one inside stays out, as before (共建一带一路 holds 一带一路)
    assert [h.phrase for h in PhraseMatcher(["共建一带一路", "一带一路"]).finditer(
        "推动共建一带一路。"
    )] == ["共建一带一路"]


def test_matcher_finds_what_a_walk_from_every_character_finds():
    from policy_cli.core.loaders import load_document
    from policy_cli.core.national import national_matcher

    from ..conftest import DOCS, EXAMPLES

    matcher = national_matcher()
    paths = sorted(DOCS.rglob("*.txt")) + sorted(EXAMPLES.glob("*.txt"))
    total = 0
    for path in paths:
        if path.name == "SOURCES.md":
            continue
        text = load_document(path).text
        found = [(m.phrase, m.start, m.end) for m in matcher.finditer(text)]
        assert found == _every_position(matcher, text), path.name
        total += len(found)
    assert total > 500
    # separators, quote marks and one-character steps as printed
    tricky = PhraseMatcher(["不敢腐、不能腐、不想腐", "共建一带一路", "新", "放管服"])
    text = "要“放管服”，共建“一带一路”，不敢腐，“不能腐”不想腐；新"
    assert [(m.phrase, m.start, m.end) for m in tricky.finditer(text)] == _every_position(
        tricky, text
    )


def test_a_particle_left_out_of_a_national_formulation():
    # the 2018 No. 1 document prints 之间矛盾 where national text says 之间的矛盾
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.loaders import load_text

    doc = load_text("是解决人民日益增长的美好生活需要和不平衡不充分的发展之间矛盾的必然要求。", source="t")
    texts = [f.text for f in extract_formulations(doc)]
    assert "人民日益增长的美好生活需要和不平衡不充分的发展之间矛盾" in texts
    assert "人民日益增长的美好生活需要" not in texts


def _national_stage(text: str, **options) -> dict[str, str]:
    from policy_cli.core.formulations import FormulationOptions
    from policy_cli.core.formulations.national import find_national

    return {c.text: c.rule for c in find_national(text, FormulationOptions(**options))}


def test_a_motto_written_as_one_word_names_the_name_it_runs_on_into():
    """教育、科技、人才 written 教育科技人才 before 一体化发展 modifies that name: the name is
    the formulation, up to the next mark (the provincial reports of 2025)."""
    tianjin = (DOCS / "provinces-2025" / "tianjin.txt").read_text(encoding="utf-8")
    assert "推动教育科技人才一体化发展，" in tianjin
    found = _national_stage(tianjin)
    assert found.get("教育科技人才一体化发展") == "run-on"
    assert "教育科技人才" not in found
    hubei = (DOCS / "provinces-2025" / "hubei.txt").read_text(encoding="utf-8")
    assert _national_stage(hubei).get("市场化法治化国际化一流营商环境") == "run-on"
    # the name's origin is its own, not the date of the motto it opens with
    from policy_cli.core.formulations import FormulationOptions
    from policy_cli.core.formulations.national import find_national
    from policy_cli.core.formulations.rank import origin_of

    run_on = next(
        c for c in find_national("推动教育科技人才一体化发展，", FormulationOptions())
        if c.rule == "run-on"
    )
    assert origin_of(run_on)[0] != "national"


def test_a_national_plan_is_named_with_its_scope_word():
    # gwr-2013: 实施国家技术创新工程; 编制全国主体功能区规划
    assert _national_stage("实施国家技术创新工程。") == {"国家技术创新工程": "scope"}
    assert _national_stage("落实全国主体功能区规划，") == {"全国主体功能区规划": "scope"}
    # the state's instance of a policy is no name of its own: the entry stays bare
    assert "国家超长期特别国债" not in _national_stage("争取国家超长期特别国债支持。")


def test_a_zone_a_formulation_names_is_its_places():
    # anhui-2025: 以共建长三角美丽中国先行区为牵引
    found = _national_stage("以共建长三角美丽中国先行区为牵引，")
    assert found == {"长三角美丽中国先行区": "place"}
    assert _national_stage("打造全面深化改革先行区。") == {"全面深化改革先行区": "head"}


def test_a_motto_written_as_one_word_runs_on_into_one_national_word():
    # anhui-2025: 创优市场化法治化国际化营商环境 (营商环境, an entry of the lexicon, is the name's head)
    assert _national_stage("创优市场化法治化国际化营商环境。").get(
        "市场化法治化国际化营商环境"
    ) == "run-on"
    # one word that is no entry is a head the motto qualifies: the motto stands
    found = _national_stage("实现市场化法治化国际化目标。")
    assert "市场化法治化国际化" in found and not any(t.endswith("目标") for t in found)


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # the motto as printed, with its separators, is the motto
        ("教育、科技、人才是全面建设社会主义现代化国家的基础性、战略性支撑。", "教育、科技、人才"),
        # what follows says something of it: a verb, an adjective, an idiom, an adverb
        ("推动大众创业万众创新带动就业。", "大众创业万众创新"),
        ("推动大众创业万众创新蓬勃发展，", "大众创业万众创新"),
        ("我省教育科技人才资源丰富，", "教育科技人才"),
        ("坚持人民至上生命至上原则不动摇，", "人民至上生命至上"),
        ("落实市场化法治化国际化的要求。", "市场化法治化国际化"),
        # one word after it is a head it qualifies
        ("完成教育科技人才目标，", "教育科技人才"),
        ("做好碳达峰碳中和工作。", "碳达峰碳中和"),
        ("巩固不忘初心牢记使命主题教育成果，", "不忘初心牢记使命主题教育"),
        # at the text's end, or before a mark that is no character
        ("推动教育科技人才一体化发展—推动", "教育科技人才一体化发展"),
        ("推动教育科技人才一体化发展、城乡融合发展。", "教育科技人才一体化发展"),
        ("教育科技人才", "教育科技人才"),
    ],
)
def test_a_motto_stands_as_it_is_unless_it_runs_on_into_a_name(text, listed):
    assert listed in _national_stage(text)


def test_a_motto_before_another_formulation_stands_as_it_is():
    found = _national_stage("贯彻创新协调绿色开放共享新发展理念，")
    assert {"创新协调绿色开放共享", "新发展理念"} <= set(found)


def test_a_long_run_names_no_formulation_and_the_option_sets_its_length():
    text = "推进教育科技人才体制机制一体改革，"  # 8 more characters
    assert not any(t.startswith("教育科技人才") for t in _national_stage(text))
    assert _national_stage(text, national_run_on_max=8).get("教育科技人才体制机制一体改革")
    # 0: no motto runs on
    assert _national_stage("推动教育科技人才一体化发展，", national_run_on_max=0).get(
        "教育科技人才"
    ) == "seed"


@pytest.mark.parametrize(
    ("text", "listed", "rule"),
    [
        ("实施全面两孩政策。", "全面两孩政策", "head"),  # the report names the policy
        ("按照亲诚惠容理念和与邻为善的方针", "亲诚惠容理念", "head"),  # a conjunction ends it
        ("落实减税降费政策", "减税降费政策", "head"),  # the end of the text
        ("构建全国一体化大数据中心体系。", "全国一体化大数据中心体系", "head"),  # the system
        ("全国一体化大数据中心体系建设", "全国一体化大数据中心", "seed"),  # 体系 qualifies 建设
        ("落实党中央全面从严治党战略部署。", "全面从严治党", "seed"),  # 战略 qualifies 部署
        ("以数字政府行动方案为统领", "数字政府", "seed"),  # an action's plan: no action named
        ("落实新城高质量发展政策举措，", "高质量发展", "seed"),
        ("推动减税降费政策性工具落地", "减税降费", "seed"),  # 政策性 is another word
        # a zone a formulation names (chongqing-2025: 全面深化改革先行区)
        ("打造全面深化改革先行区。", "全面深化改革先行区", "head"),
        ("创建新型工业化示范区，", "新型工业化示范区", "head"),
        # …named before the building of it (beijing-2025), not before a plan for it
        ("推进美丽中国先行区建设取得新成效", "美丽中国先行区", "head"),
        ("编制全面深化改革先行区方案", "全面深化改革", "seed"),
        # a system, a mechanism or an order a formulation names (cpc19, gwr-2021)
        ("完善承包地三权分置制度。", "三权分置制度", "head"),
        ("健全保供稳价机制，", "保供稳价机制", "head"),
        ("形成军民融合深度发展格局。", "军民融合深度发展格局", "head"),
        ("扩大营业税改征增值税试点。", "营业税改征增值税试点", "head"),  # gwr-2013
        # a reform and supervision are named by what they work on (cpc16, gwr-2015, the
        # national news); an entry ending in a reform still names a zone (chongqing-2025, above)
        ("稳步推进利率市场化改革，", "利率市场化改革", "head"),
        ("实施股票发行注册制改革。", "股票发行注册制改革", "head"),
        ("加强影子银行监管。", "影子银行监管", "head"),
        ("深化利率市场化改革方案", "利率市场化", "framing"),  # a plan of the reform: none named
    ],
)
def test_a_formulation_before_the_head_of_a_policy_names_that_policy(text, listed, rule):
    found = _national_stage(text)
    assert found.get(listed) == rule
    assert len(found) == 1  # (no other name, with or without the head)


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # the entry opens a longer name of the policy lexicon (fujian-2025, cpc16-report)
        ("有计划分步骤推进碳达峰十大行动，", {"碳达峰十大行动": "word"}),
        ("完成祖国和平统一大业是共同愿望。", {"祖国和平统一大业": "word"}),
        # …but the role a formulation plays is no part of its name
        ("发挥基层党组织战斗堡垒作用。", {"战斗堡垒": "framing"}),
        # a piece of a set phrase or of a person's name is not said (the national news)
        ("形成冰火两重天的局面。", {}),
        ("伊拉克什叶派宗教领袖萨德尔表示，", {}),
        # before another word of the dictionary, the entry stands (cpc19-report)
        ("依法行使高度自治权。", {"高度自治": "seed"}),
        # a word that starts inside the entry is the segmenter's reading, not a longer name
        ("探索建立自由贸易港区，", {"自由贸易港": "seed"}),
        # an event's name, or a name the next word goes on with, is no name of its own there
        # (the review, on the national news)
        ("举办数字中国建设峰会。", {"数字中国": "seed"}),
        ("推进南水北调中线工程建设。", {"南水北调": "seed"}),
    ],
)
def test_an_entry_that_opens_a_longer_word_is_that_word_or_nothing(text, listed):
    assert _national_stage(text) == listed


def test_a_longer_word_an_entry_opens_is_national_since_the_entry():
    from policy_cli.core.formulations import FormulationOptions
    from policy_cli.core.formulations.national import find_national

    found = list(find_national("完成祖国和平统一大业是共同愿望。", FormulationOptions()))
    assert [(c.text, c.rule) for c in found] == [("祖国和平统一大业", "word")]
    assert dict(found[0].meta)["first_seen"] == national_lexicon()["祖国和平统一"].first_seen


def test_a_special_campaign_a_formulation_names_is_named_with_it():
    # a Politburo meeting (the national news, 2022-04-29): the campaign that rectifies the
    # platform economy, said where the short text lists the formulation (said twice)
    found = _national_stage("要促进平台经济健康发展，完成平台经济专项整改，实施常态化监管。")
    assert found.get("平台经济专项整改") == "head"
    assert found.get("平台经济") == "everyday"  # (said on its own once more)
    # an entry that ends in 监管 takes a head after it (the national news, 2019-09-12):
    # 监管 is the head of a reform's kind, which blocks no policy head after it
    assert _national_stage("加快构建事中事后监管体系，") == {"事中事后监管体系": "head"}


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("构建高水平社会主义市场经济体制。", set()),  # a piece of the system's plain name
        ("完善社会主义市场经济体制和机制", set()),
        ("产权制度是社会主义市场经济的基石。", {"社会主义市场经济"}),
        ("推进政企分开制度化规范化", {"政企分开"}),  # 制度化 is another word
        ("深化政企分开改革", {"政企分开改革"}),  # no system: the reform it names (rule head)
        ("推进政企分开体制机制创新", {"政企分开"}),
    ],
)
def test_an_entry_read_in_a_report_before_a_system_name_is_a_piece_of_it(text, listed):
    # (read as a long text: a short one of the centre lists the system's framing entry said once)
    assert set(_national_stage(text, national_framing_short_max=0)) == listed


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # everyday writing too (a current local report says it): said once, not listed…
        ("经济运行稳中向好。", set()),
        ("构建高水平社会主义市场经济体制。", set()),  # (a system's plain name)
        # …said twice, the document frames itself with it
        ("经济运行稳中向好、长期向好。就业形势稳中向好。", {"稳中向好"}),
        ("构建高水平社会主义市场经济体制。完善社会主义市场经济体制。", {"社会主义市场经济体制"}),
        # said once, it hides no other entry: the shorter one it holds is listed
        ("社会主义市场经济是基石，构建社会主义市场经济体制。", {"社会主义市场经济"}),
        # one more clause of another entry's run is a piece of that run, not said on its own
        ("推进经济建设、政治建设、文化建设、社会建设、生态文明建设。加强生态文明建设。", set()),
        ("加强生态文明建设。推进生态文明建设。", {"生态文明建设"}),
    ],
)
def test_an_entry_of_everyday_writing_is_listed_where_the_document_frames_itself_with_it(
    text, listed
):
    """The lexicon's `framing` entries (read in a national report; one current local report
    says them, or they name a standing system plainly) are listed said twice or more in a long
    text (here: every text is long, national_framing_short_max=0)."""
    from policy_cli.core.national import FRAMING_SOURCE, national_lexicon

    lexicon = national_lexicon()
    assert {lexicon[t].source for t in ("稳中向好", "社会主义市场经济体制", "生态文明建设")} == {
        FRAMING_SOURCE
    }
    assert set(_national_stage(text, national_framing_short_max=0)) == listed


def test_the_framing_count_is_an_option():
    """national_framing_min_count=1: one saying lists 稳中向好 in a long text too."""
    long_text = {"national_framing_short_max": 0}
    assert _national_stage("经济运行稳中向好。", **long_text) == {}
    assert _national_stage("经济运行稳中向好。", **long_text, national_framing_min_count=1) == {
        "稳中向好": "framing"
    }


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # a short text of the centre (a conference's news) says each formulation once
        ("会议指出，我国经济稳中向好的基本面没有变。", {"稳中向好"}),
        # a short local text says the centre's words as an echo: twice, it frames with them
        ("全市经济稳中向好。市委强调，全市上下要坚定信心。", set()),
        ("全市经济稳中向好。市委强调，全市上下要巩固稳中向好态势。", {"稳中向好"}),
        # the centre's words that hold a local scope's characters are no local scope: 资本|市场
        # (本市), 健全|市场 (全市), 特别行政区|政府 (区政府)
        ("会议指出，经济稳中向好，要健全市场体系，保持资本市场平稳运行。", {"稳中向好"}),
        ("会议指出，经济稳中向好，支持特别行政区政府依法施政。", {"稳中向好"}),
        # …while a local text's own scope words stay its own after 形成, in a list of them
        # (市委、区委) and before 分类: said once, the centre's word is an echo
        ("形成全市上下合力，经济稳中向好。市委、区委、县委强调全市分类推进。", set()),
    ],
)
def test_a_short_text_of_the_centre_frames_itself_with_what_it_says_once(text, listed):
    assert set(_national_stage(text)) == listed
    # a text longer than national_framing_short_max is read as a long one
    assert set(_national_stage(text, national_framing_short_max=10)) == (
        listed if text.count("稳中向好") > 1 else set()
    )


# a report of an earlier era: 科学发展观 (2004), 加快转变经济发展方式 (2007), 结构性减税 (2009),
# 十二五 (2010): dated 2009, when national text had said 改革开放 (1987) and 保障和改善民生 (2007)
_EARLIER = "坚持科学发展观，加快转变经济发展方式，实行结构性减税，编制十二五规划。"
# …and of the current era: 新发展格局 (2020), 全过程人民民主 (2021), 中国式现代化 (2020)
_CURRENT = "构建新发展格局，发展全过程人民民主，以中国式现代化全面推进强国建设。"
_EVERYDAY = "坚持改革开放。保障和改善民生。深化改革开放，着力保障和改善民生。"


@pytest.mark.parametrize(
    ("text", "everyday"),
    [
        (_EARLIER + _EVERYDAY, {"改革开放", "保障和改善民生"}),
        # said once: the document does not frame itself with it
        (_EARLIER + "坚持改革开放。", set()),
        # a document of 2004 (科学发展观, 扩大内需 1999, 稳中求进 1997): not yet 保障和改善民生
        ("坚持科学发展观，扩大内需，稳中求进。" + _EVERYDAY, {"改革开放"}),
        # a document of 2015 (新发展理念 2016, 供给侧结构性改革 2015, 高质量发展 2017: the third
        # latest 2015): still of an earlier era
        ("坚持新发展理念，深化供给侧结构性改革，推动高质量发展。" + _EARLIER + _EVERYDAY,
         {"改革开放", "保障和改善民生"}),
        # a document of the current era: everyday writing, not listed
        (_EARLIER + _CURRENT + _EVERYDAY, set()),
        # too few formulations of the lexicon to date a document
        (_EVERYDAY, set()),
    ],
)
def test_a_document_of_an_earlier_era_lists_the_everyday_formulations_of_its_time(
    text, everyday
):
    """The `everyday` entries (two current local reports or more say them: 改革开放) are no
    entries of the lexicon; a document dated before 2017 by the formulations of
    the lexicon it says (the third latest year they were first said) lists those national text
    said by then as framing entries (twice or more in a long text); `everyday_documents_before`
    sets the year (0: off)."""
    from policy_cli.core.national import EVERYDAY_SOURCE, everyday_lexicon, national_lexicon

    assert "改革开放" not in national_lexicon()
    assert everyday_lexicon()["改革开放"].source == EVERYDAY_SOURCE
    found = _national_stage(text, national_framing_short_max=0)
    assert {t for t in found if t in everyday_lexicon()} == everyday
    assert {t for t in _national_stage(
        text, national_framing_short_max=0, everyday_documents_before=0
    ) if t in everyday_lexicon()} == set()


def test_a_document_of_an_earlier_era_names_the_everyday_names_of_its_time_said_once():
    """A document dated before 2017 lists an everyday entry said once where it is a name of its
    time: five characters or more, as in a short text of the centre (`_a_name_said_once`), that
    national text first said `framing_era_years` before the document's era or later, as a
    framing entry of its time is (集体林权制度改革, 2007, in a document of 2009; the work report
    of 2011 says it once). A four-character set word (以人为本) and a name of an older era
    (反腐败斗争, 1992) said once are no formulations of its time; said twice they are."""
    from policy_cli.core.national import everyday_lexicon

    def everyday(text: str, **options) -> set[str]:
        found = _national_stage(text, national_framing_short_max=0, **options)
        return {t for t in found if t in everyday_lexicon()}

    lexicon = everyday_lexicon()
    assert lexicon["集体林权制度改革"].first_seen == "2007"
    assert lexicon["反腐败斗争"].first_seen == "1992"
    once = "深化集体林权制度改革。坚持以人为本。深入开展反腐败斗争。"
    assert everyday(_EARLIER + once) == {"集体林权制度改革"}
    assert everyday(_EARLIER + once * 2) == {"集体林权制度改革", "以人为本", "反腐败斗争"}
    assert everyday(_EARLIER + once, framing_era_years=20) == {"集体林权制度改革", "反腐败斗争"}
    assert everyday(_EARLIER + once, everyday_central_once_min_len=0) == set()
    assert everyday(_EARLIER + _CURRENT + once) == set()  # of the current era: said in passing
    # the next word goes on naming something with it: no name of its own
    assert everyday(_EARLIER + "集体林权制度改革试点扩大。") == set()


def test_a_short_text_of_the_centre_lists_the_everyday_formulations_it_repeats():
    """A communiqué or a conference's news of any era frames itself with the everyday entries
    it says `everyday_central_min_count` times or more (保障和改善民生, 改革开放), and with one
    said once that is a name of five characters or more (服务型政府:
    `everyday_central_once_min_len`), not with a four-character one said once (改革开放), nor
    one national text says on most of its days (中国特色社会主义), nor one the next word goes on
    naming with (战略性新兴产业|增加值), nor with a short everyday word (新时代:
    `everyday_central_min_len`); a long or a local text does not list them so."""
    from policy_cli.core.national import everyday_lexicon

    def everyday(text: str, **options) -> set[str]:
        return {t for t in _national_stage(text, **options) if t in everyday_lexicon()}

    assert everyday(_CURRENT + _EVERYDAY) == {"改革开放", "保障和改善民生"}
    assert everyday(_CURRENT + "坚持改革开放。") == set()
    assert everyday(_CURRENT + "建设人民满意的服务型政府。") == {"服务型政府"}
    assert everyday(_CURRENT + "建设人民满意的服务型政府。", everyday_central_once_min_len=0) == set()
    assert everyday(_CURRENT + "坚持改革开放，建设服务型政府。", national_framing_short_max=0) == set()
    # the next word goes on naming something with it: no name of its own; a word saying what
    # of it (…|建设, …|工作) or a set phrase (…|发展壮大) does not
    assert everyday(_CURRENT + "发展战略性新兴产业。") == {"战略性新兴产业"}
    assert everyday(_CURRENT + "战略性新兴产业增加值增长较快。") == set()
    assert everyday(_CURRENT + "战略性新兴产业发展壮大。") == {"战略性新兴产业"}  # (a set phrase)
    assert everyday(_CURRENT + "高度重视保障性租赁住房建设。") == {"保障性租赁住房"}
    assert everyday(_CURRENT + "做好保障和改善民生工作。") == {"保障和改善民生"}
    # said on 1,981 days of the news: the language of national text, said in passing
    assert everyday_lexicon()["中国特色社会主义"].documents > 1000
    assert everyday(_CURRENT + "坚持和发展中国特色社会主义。") == set()
    assert everyday(
        _CURRENT + "坚持和发展中国特色社会主义。", everyday_central_once_max_documents=5000
    ) == {"中国特色社会主义"}
    assert everyday_lexicon()["新时代"].text == "新时代"
    assert everyday(_CURRENT + "进入新时代。新时代要有新作为。") == set()
    assert everyday(_CURRENT + "进入新时代。新时代要有新作为。", everyday_central_min_len=3) == {
        "新时代"
    }
    assert everyday(_CURRENT + _EVERYDAY, national_framing_short_max=0) == set()
    assert everyday(_CURRENT + _EVERYDAY, everyday_central_min_count=0) == set()
    local = "全市上下要坚持改革开放。市委强调，全市深化改革开放。" * 3
    assert everyday(local) == set()


def test_a_scope_variant_the_national_lexicon_holds_is_the_item_listed():
    """全国统一大市场 is an entry of the national lexicon; 统一大市场, said once on its own, an
    everyday one: they are one item, listed as national text names it, with its scope (where
    国家|污染防治攻坚战 is listed bare; the news of the opinion of 2022-04-10 says them so)."""
    from policy_cli.core.national import everyday_lexicon

    assert "全国统一大市场" in national_lexicon() and "统一大市场" in everyday_lexicon()
    text = (
        "中共中央 国务院关于加快建设全国统一大市场的意见\n"
        "意见指出，加快建设高效规范、公平竞争、充分开放的全国统一大市场。"
        "要充分认识建设全国统一大市场的重大意义，做到全国一盘棋，统一大市场，畅通大循环。"
    )
    found = {f.text for f in extract_formulations(load_text(text))}
    assert "全国统一大市场" in found and "统一大市场" not in found


def test_an_everyday_entry_a_motto_runs_on_into_is_no_entry_of_its_own():
    """市场化国际化法治化|营商环境: the name the motto written as one word runs on into is listed
    (rule `run-on`), not the everyday entry it ends with, counted apart from the other sayings."""
    text = _CURRENT + "营造市场化国际化法治化营商环境。持续优化营商环境。"
    found = _national_stage(text)
    assert found.get("市场化国际化法治化营商环境") == "run-on"
    assert "营商环境" not in found
    assert "营商环境" in _national_stage(text + "营商环境就是生产力。")


def test_a_document_of_an_earlier_era_names_the_framing_formulations_of_its_time_said_once():
    """In a document dated before `framing_documents_before` (2017), a framing entry national
    text first said `framing_era_years` before the document's era or later is listed said once
    (家电下乡, 2009, in a document of 2007); elsewhere it is listed said twice."""
    from policy_cli.core.national import FRAMING_SOURCE, national_lexicon

    assert national_lexicon()["家电下乡"].source == FRAMING_SOURCE
    once = "推进家电下乡。"
    assert "家电下乡" in _national_stage(_EARLIER + once, national_framing_short_max=0)
    assert "家电下乡" not in _national_stage(_EARLIER + _CURRENT + once, national_framing_short_max=0)
    assert "家电下乡" not in _national_stage(
        _EARLIER + once, national_framing_short_max=0, framing_documents_before=0
    )
    # a framing entry of a decade and more before the document's era is no formulation of its
    # time: 加强和改善宏观调控 (1992) in a document of 2007, listed said twice
    older = "加强和改善宏观调控。"
    assert national_lexicon()["加强和改善宏观调控"].first_seen == "1992"
    assert "加强和改善宏观调控" not in _national_stage(_EARLIER + older, national_framing_short_max=0)
    assert "加强和改善宏观调控" in _national_stage(
        _EARLIER + older * 2, national_framing_short_max=0
    )


def test_a_report_of_2014_names_the_framing_formulations_of_its_time_said_once():
    """A report of 2014's era (新常态, 一带一路, 大众创业、万众创新: all first said in 2014)
    names 事中事后监管 (2013) said once, as the work reports of 2014 and 2015 frame themselves
    with it; one of the current era says it in passing."""
    from policy_cli.core.national import FRAMING_SOURCE, national_lexicon

    assert national_lexicon()["事中事后监管"].source == FRAMING_SOURCE
    era_2014 = "适应经济发展新常态，建设一带一路，推动大众创业、万众创新。"
    once = "加强事中事后监管。"
    assert "事中事后监管" in _national_stage(era_2014 + once, national_framing_short_max=0)
    assert "事中事后监管" not in _national_stage(
        era_2014 + _CURRENT + once, national_framing_short_max=0
    )
    assert "事中事后监管" not in _national_stage(
        era_2014 + once, national_framing_short_max=0, framing_documents_before=2014
    )


def test_a_national_motto_whose_run_goes_on_is_a_truncated_piece():
    """A motto of the lexicon followed by one more clause of its run (the same shared head, or
    the same length where the parts share nothing) is cut from a longer motto: not listed (the
    report to the 19th congress: 理论创新、实践创新、制度创新、文化创新以及…); a clause of another
    shape after it is another item of a list the motto is one of."""
    cpc19 = (DOCS / "cpc19-report.txt").read_text(encoding="utf-8")
    assert "理论创新、实践创新、制度创新、文化创新" in cpc19
    assert "理论创新、实践创新、制度创新" not in _national_stage(cpc19)
    found = _national_stage(
        "对违纪问题发现一起、查处一起、通报一起。坚持党的领导、人民当家作主、依法治国有机统一、"
        "紧紧围绕大局。对有令不行、有禁不止、失职渎职的严肃追责。实现民族独立、人民解放、国家富强、"
        "人民幸福。"
    )
    assert "发现一起、查处一起" not in found  # its run goes on: the next clause ends as its parts
    assert "党的领导、人民当家作主、依法治国有机统一" in found
    assert "有令不行、有禁不止" in found
    # parts that share nothing: a clause of their length after them, or before them
    assert "民族独立、人民解放" not in found and "国家富强、人民幸福" not in found
    assert "发现一起、查处一起" in _national_stage("做到发现一起、查处一起，决不姑息。")


def test_a_kind_of_zone_named_by_its_place_is_that_place_s_zone():
    """国家自主创新示范区 is a kind of zone the state designates; said right after a place (the
    Jiangsu report of 2025: 深入推进苏南国家自主创新示范区改革发展) it names that place's zone,
    listed whole, not the kind."""
    jiangsu = (DOCS / "local-jiangsu-2025.txt").read_text(encoding="utf-8")
    found = _national_stage(jiangsu)
    assert found.get("苏南国家自主创新示范区") == "place"
    assert "国家自主创新示范区" not in found
    found = _national_stage("要扩大国家自主创新示范区试点。")  # the kind, no place before it
    assert "国家自主创新示范区" in found
    # a kind of centre the same way (the Anhui report of 2025); a kind of place is no place's name
    found = _national_stage("高水平建设合肥综合性国家科学中心。")
    assert found.get("合肥综合性国家科学中心") == "place"
    found = _national_stage("建设城市一刻钟便民生活圈。")
    assert "城市一刻钟便民生活圈" not in found


def test_a_formulation_before_its_dependent_half_is_named_beside_the_whole():
    """落实中央八项规定及其实施细则精神 (the Guangxi report of 2025): the name of the rules and
    their detailed rules is listed, and so is 中央八项规定, the formulation a reader names (a
    head's halves joined by 及其, `dependent_conjunctions`)."""
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.loaders import load_document

    found = {f.text for f in extract_formulations(
        load_document(DOCS / "provinces-2025" / "guangxi.txt")
    )}
    assert {"中央八项规定及其实施细则精神", "中央八项规定"} <= found


def test_the_national_lexicon_judges_the_framing_entries_a_background_phrase_holds():
    """A set phrase of the background lexicon that the national lexicon holds as a framing entry
    (两难: read in the work report of 2010, said by national text plainly far more often than
    quoted) is listed where a document frames itself with it, not wherever the known stage
    finds it: said once in passing in a city's report, it is no formulation of the report (a
    short text of the centre is another matter: it frames itself with what it says once)."""
    from policy_cli.core.formulations.known import background_lexicon, find_known
    from policy_cli.core.formulations.options import FormulationOptions
    from policy_cli.core.national import FRAMING_SOURCE

    assert "两难" in background_lexicon().texts
    assert national_lexicon()["两难"].source == FRAMING_SOURCE
    text = "全市经济工作面临两难甚至多难的问题，全市上下要把握好度，本市发展大局稳定。"
    assert not [c for c in find_known(text, FormulationOptions()) if c.text == "两难"]
    assert "两难" not in {f.text for f in extract_formulations(load_text(text, source="t"))}


def test_an_image_the_background_learnt_quoted_is_the_word_said_unquoted():
    """家门口, 加速度: a report quoted them and the background lexicon learnt them; the national
    news quotes them as images. Said unquoted (在家门口就能看上病, the news of 2014-04-17; 跑出
    复工复产加速度, of 2020-03-22) they are the words, no formulation; quoted they still are
    images, and an image the national lexicon holds (组合拳) is listed unquoted too."""
    from policy_cli.core.formulations.known import background_lexicon, find_known
    from policy_cli.core.formulations.options import FormulationOptions
    from policy_cli.core.formulations.vocab import quoted_images

    assert {"家门口", "加速度"} <= background_lexicon().texts & quoted_images()
    text = "让越来越多的人在家门口就能看上病。各地跑出复工复产加速度。"
    assert not list(find_known(text, FormulationOptions()))
    assert not {"家门口", "加速度"} & {f.text for f in extract_formulations(load_text(text, source="t"))}
    assert "加速度" in {f.text for f in extract_formulations(load_text("跑出“加速度”。", source="t"))}
    assert "组合拳" in {f.text for f in extract_formulations(load_text("打好政策组合拳。", source="t"))}


def test_the_watchwords_of_the_reform_era_of_the_1990s_are_listed():
    """The knowledge batch of the twenty-fourth session (the watchwords of 1987-1999, read in the
    reports of the background that no annotation covers): a report of that era names its line
    and policies with them (a text crafted in the language of the work reports of 1992-1998)."""
    text = (
        "坚持科学技术是第一生产力的思想，实行适度从紧的财政货币政策。"
        "国有企业要成为自主经营、自负盈亏、自我发展、自我约束的法人实体，"
        "建立产权清晰、权责明确、政企分开、管理科学的现代企业制度。"
    )
    found = set(_national_stage(text))
    assert {"科学技术是第一生产力", "适度从紧的财政货币政策",
            "自主经营、自负盈亏、自我发展、自我约束"} <= found, found


def test_the_watchwords_of_the_work_reports_of_2000_2010_are_listed():
    """The knowledge batch of the twenty-fifth session (the formulations of the work reports of
    2000-2007, 2009 and 2010, read in the reports of the background that no annotation covers):
    a report of that era names its policies with them (a text crafted in the language of the
    work reports of 2001-2009)."""
    text = (
        "坚持用发展的办法解决前进中的问题，以信息化带动工业化。国有经济有进有退、有所为有所不为。"
        "农民要有文化、懂技术、会经营。建设资源节约型和环境友好型社会。"
        "应对国际金融危机，出手要快、出拳要重、措施要准、工作要实。"
    )
    found = set(_national_stage(text))
    assert {"用发展的办法解决前进中的问题", "以信息化带动工业化", "有进有退、有所为有所不为",
            "有文化、懂技术、会经营", "资源节约型和环境友好型社会",
            "出手要快、出拳要重、措施要准、工作要实"} <= found, found


def test_plain_words_of_the_2000s_batch_are_not_in_the_lexicon():
    """The entries of that batch taken out after measuring: plain words general news says
    (经济全球化, 龙头企业), works and places (港珠澳大桥, 老工业基地), idioms (重中之重) and the
    entry an earlier review took out (第一要务) are no entries of the lexicon."""
    lexicon = national_lexicon()
    for text in ("经济全球化", "龙头企业", "港珠澳大桥", "老工业基地", "重中之重", "第一要务", "多极化"):
        assert canonical(text) not in lexicon, text


def test_the_questions_a_doctrine_answers_said_in_a_row_are_one_series():
    """The questions of the Party's doctrines said in a row, joined by commas, are one series a
    reader lists whole (a congress report of 2007), not three truncated pieces; joined by a
    conjunction (the resolution of 2021) each pair is a formulation of its own."""
    row = (
        "不断探索和回答什么是社会主义、怎样建设社会主义，建设什么样的党、怎样建设党，"
        "实现什么样的发展、怎样发展等重大理论和实际问题。"
    )
    found = _national_stage(row)
    series = ("什么是社会主义、怎样建设社会主义，建设什么样的党、怎样建设党，"
              "实现什么样的发展、怎样发展")
    assert found.get(series) == "questions", found
    assert "建设什么样的党、怎样建设党" not in found, found
    joined = "加深了对什么是社会主义、怎样建设社会主义和建设什么样的党、怎样建设党的认识。"
    found = _national_stage(joined)
    assert {"什么是社会主义、怎样建设社会主义", "建设什么样的党、怎样建设党"} <= set(found), found
    assert not any("，" in t or "和建设" in t for t in found), found


def test_each_part_of_a_national_motto_names_the_formulation_it_ends_with():
    """A national motto whose parts each set a national formulation to work (the news of the
    fifth plenum of the discipline commission, 2021: 立足新发展阶段，贯彻新发展理念，构建新发展
    格局) names each of them, 新发展阶段 too, which the tagger reads after an adverb (立足); not
    a piece of a saying after a copula (…就是|金山银山), nor a clause after 使 (使|市场在资源配置
    中起决定性作用，更好发挥政府作用: said only with the rest of the couplet)."""
    found = _national_stage("坚持稳中求进工作总基调，立足新发展阶段，贯彻新发展理念，构建新发展格局。")
    assert {"新发展阶段", "新发展理念", "新发展格局"} <= set(found), found
    assert found["新发展阶段"] == "core", found
    found = _national_stage("使市场在资源配置中起决定性作用，更好发挥政府作用。")
    assert "市场在资源配置中起决定性作用" not in found, found
    from policy_cli.core.formulations.national import _core_of

    assert _core_of("立足新发展阶段", part=True) is not None
    assert _core_of("绿水青山就是金山银山", part=True) is None


def test_a_motto_part_s_core_is_found_where_the_text_quotes_it():
    """(review) the core of a motto's part is found at its opening quote when the text quotes
    it, the parts before quoted or not; a series of questions joins on a half-width comma too."""
    from policy_cli.core.formulations import FormulationOptions
    from policy_cli.core.formulations.national import find_national

    for text in ("要立足新发展阶段，贯彻“新发展理念”，构建“新发展格局”。",
                 "要立足“新发展阶段”，贯彻“新发展理念”，构建“新发展格局”。"):
        cores = [c for c in find_national(text, FormulationOptions()) if c.rule == "core"]
        assert len(cores) == 3, cores
        for c in cores:
            said = text[c.offset :].replace("“", "").replace("”", "")
            assert said.startswith(c.text), (c, text[c.offset :])
    found = _national_stage("回答什么是社会主义、怎样建设社会主义,建设什么样的党、怎样建设党等问题。")
    assert found.get("什么是社会主义、怎样建设社会主义,建设什么样的党、怎样建设党") == "questions", found
