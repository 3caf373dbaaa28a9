"""The main line, theme, centre or driving force a policy takes (issue 12; stage frame, rule
guiding-frame): 以供给侧结构性改革为主线, 以改革开放为动力, a clause whole, listed as stated; the
formulation inside stays an item of its own. Also rule theme: the theme a congress states for
itself (大会的主题是：…)."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.frames import find_frames
from policy_cli.core.loaders import load_document, load_text

from ..conftest import DOCS

RULE = "frame/guiding-frame"


def found_in(text: str) -> dict[str, tuple[str, ...]]:
    return {f.text: f.evidence for f in extract_formulations(load_text(text, source="t"))}


def test_the_frames_of_the_work_report():
    # gwr-2021: 以推动高质量发展为主题，以深化供给侧结构性改革为主线，以改革创新为根本动力
    found = {f.text: f.evidence for f in extract_formulations(load_document(DOCS / "gwr-2021.txt"))}
    for frame in ("以推动高质量发展为主题", "以深化供给侧结构性改革为主线", "以改革创新为根本动力"):
        assert RULE in found[frame]
    # the formulation inside is still listed on its own
    assert "供给侧结构性改革" in found and "高质量发展" in found


def test_a_frame_must_open_and_close_its_clause():
    found = found_in("各地要加快以科技创新为引领的产业体系建设，推进以人为核心的新型城镇化。")
    assert not any(RULE in ev for ev in found.values())


def test_a_target_or_a_group_is_no_guiding_frame():
    # 以…为重点 takes a target as often as a policy (以农村为重点, 以县处级以上领导干部为重点)
    found = found_in("教育要以农村为重点，培训以县处级以上领导干部为重点。")
    assert not any(RULE in ev for ev in found.values())


def test_a_frame_after_a_verb_of_holding():
    found = found_in("会议强调，要坚持以改革开放为动力，推动高质量发展。")
    assert RULE in found["以改革开放为动力"]


def test_what_a_place_or_a_description_is_taken_as_is_no_frame():
    found = found_in("机场辐射东北亚，以哈尔滨为中心。以智能制造的核心部件为牵引，推进产业链建设。")
    assert not any(RULE in ev for ev in found.values())


def test_a_frame_that_is_a_heading_line():
    found = found_in("各位代表：\n一、以供给侧结构性改革为主线\n深化改革，扩大开放。")
    assert RULE in found["以供给侧结构性改革为主线"]


def test_places_listed_are_taken_as_no_frame():
    found = found_in("区域合作以上海、北京为中心，辐射周边。")
    assert not any(RULE in ev for ev in found.values())


def test_the_partys_de_is_no_description():
    found = found_in("新时代党的建设总要求是：坚持以党的政治建设为统领，全面推进党的建设。")
    assert RULE in found["以党的政治建设为统领"]


def test_a_balance_is_a_formulation_only_where_the_lexicon_holds_it():
    """统筹A和B filling a clause: the established balances are national formulations (统筹发展和
    安全, from the lexicon); the others are plain instructions (the Anhui and Yunnan reports of
    2025: 统筹消费和投资; the work report of 2013: 提高统筹层次和保障水平)."""
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.loaders import load_text

    text = "坚持统筹发展和安全。统筹消费和投资，提高统筹层次和保障水平。"
    found = {f.text: f for f in extract_formulations(load_text(text, source="t"))}
    assert "national/seed" in found["统筹发展和安全"].evidence
    assert not [t for t in found if t.startswith(("统筹消费", "统筹层次"))]


def test_a_policys_stance_in_a_short_text_of_the_centre_is_a_formulation():
    """The stance one policy is to take, a clause whole, in a conference's communiqué (the
    economic work conference of 2018: 宏观政策要强化逆周期调节; 积极的财政政策要加力提效): listed
    with the ordinal of its point left out, holding the formulations inside it as items of their
    own (加力提效); two policies coordinated (财政政策和货币政策要协调联动) are no one stance, and a
    report or a local text is not read for them."""
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.loaders import load_text

    text = (
        "会议认为，宏观政策要强化逆周期调节，继续实施积极的财政政策和稳健的货币政策。"
        "积极的财政政策要加力提效，实施更大规模的减税降费。一是宏观政策要稳健有效。"
        "财政政策和货币政策要协调联动。"
    )
    found = {f.text: f for f in extract_formulations(load_text(text, source="t"))}
    for stance in ("宏观政策要强化逆周期调节", "积极的财政政策要加力提效", "宏观政策要稳健有效"):
        assert "frame/stance" in found[stance].evidence, stance
    assert "加力提效" in found
    assert not [t for t in found if t.startswith(("一是", "财政政策和"))]
    local = "全市上下，宏观政策要强化逆周期调节，本市经济稳中向好，全市各级各部门要抓好落实。"
    assert "宏观政策要强化逆周期调节" not in {
        f.text for f in extract_formulations(load_text(local, source="t"))
    }


def test_what_a_short_text_of_the_centre_says_to_adhere_to_is_a_principle():
    """A clause whole after 坚持 in a communiqué or a meeting's news (rule frame/adhered: the
    reform commission's meeting of 2022-06-22, the fourth plenum of 2019) is the principle as
    the meeting states it, 坚持和完善 no part of it; not a word of the language (高标准), not where
    坚持 is inside a longer word (坚持不懈) or an aspect particle follows (坚持和发展了), and the
    formulations inside it stay items of their own (基本路线 is named 党的基本路线 once); a report
    or a local text is not read for it."""
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.loaders import load_text

    text = (
        "会议强调，要坚持金融业务持牌经营，健全支付领域规则制度。要坚持和完善生态文明制度体系，"
        "坚持节约优先、保护优先。要坚持高标准，坚持不懈抓下去。会议认为，坚持和发展了马克思主义。"
        "要坚持党的基本路线，形成推动科学发展的合力。"
    )
    found = {f.text: f for f in extract_formulations(load_text(text, source="t"))}
    for principle in ("金融业务持牌经营", "生态文明制度体系"):
        assert "frame/adhered" in found[principle].evidence, principle
    assert not {"高标准", "不懈抓下去", "了马克思主义", "和完善生态文明制度体系"} & set(found)
    assert [t for t in found if t.endswith("基本路线")] == ["党的基本路线"]
    # keeping on is no principle, nor what one is told not to keep; the steadfastness said
    # after a principle is no part of it (the review's inputs and a conference's news)
    more = {f.text: f for f in extract_formulations(load_text(
        "会议强调，要坚持不动摇。坚持就是胜利。坚持到最后一个病人出院。不要坚持错误立场和做法。"
        "坚持坚持坚持坚持坚持。要坚持社会主义市场经济改革方向不动摇。",
        source="t",
    ))}
    assert "社会主义市场经济改革方向" in more
    modal = {f.text for f in extract_formulations(load_text(
        "会议强调，必须坚持党对人民军队的绝对领导，始终坚持男女平等基本国策。", source="t"
    ))}
    assert {"党对人民军队的绝对领导", "男女平等基本国策"} <= modal
    assert not [t for t in more if t.startswith(("不动摇", "就是", "到最后", "错误立场", "坚持"))]
    assert not [t for t in more if t.endswith("不动摇")]
    local = "全市上下，要坚持金融业务持牌经营，全市各级各部门要抓好落实，市委市政府要加强领导。"
    assert "金融业务持牌经营" not in {
        f.text for f in extract_formulations(load_text(local, source="t"))
    }


def test_the_partys_qualified_leadership_over_a_field_is_a_set_phrase():
    # a reform commission's meeting of 2022-06-22 (the national news; rule frame/leadership):
    # 集中统一领导, 全面领导 and 绝对领导 qualify the Party's leadership as a principle; plain
    # 领导 over a field is prose
    found = found_in(
        "要加强党中央对行政区划工作的集中统一领导，做好统筹规划，避免盲目无序。"
        "要加强党对经济工作的领导，提高把握新发展阶段的能力。"
    )
    assert "frame/leadership" in found["党中央对行政区划工作的集中统一领导"]
    assert not any(t.startswith("党对经济工作") for t in found), found


def test_the_theme_a_congress_states_for_itself_names_its_formulations():
    # the 16th and the 17th congress reports (rule frame/theme): the aim of 为…而奋斗, the runs of
    # short clauses of one length and the longer clauses, not the clause that says what guides it
    found = {
        f.text: f.evidence for f in extract_formulations(load_document(DOCS / "cpc16-report.txt"))
    }
    for said in ("开创中国特色社会主义事业新局面", "继往开来，与时俱进", "加快推进社会主义现代化"):
        assert "frame/theme" in found[said], said
    found = {
        f.text: f.evidence for f in extract_formulations(load_document(DOCS / "cpc17-report.txt"))
    }
    assert "frame/theme" in found["继续解放思想，坚持改革开放，推动科学发展，促进社会和谐"]
    assert not any(t.endswith("为指导") for t in found)


def test_a_theme_is_read_only_as_a_congress_or_a_meeting_states_it():
    theme = "高举改革旗帜，继往开来，与时俱进，加快推进高水平对外开放，为建设开放强省而奋斗。"
    found = found_in("大会的主题是：" + theme)
    assert "frame/theme" in found["继往开来，与时俱进"]
    assert "frame/theme" in found["建设开放强省"]
    # (constructed) the same clauses in prose, and a quoted theme (the quoted stage's)
    assert not any("frame/theme" in ev for ev in found_in("我们要" + theme).values())
    quoted = found_in("本届论坛的主题是：“开放合作，共创未来”，来自各地的嘉宾参加。")
    assert not any("frame/theme" in ev for ev in quoted.values())


def test_a_theme_s_clauses_are_read_as_printed_and_in_order():
    def theme(text: str) -> list[tuple[str, bool]]:
        found = [c for c in find_frames(text, FormulationOptions()) if c.rule == "theme"]
        return [(c.text, text[c.offset : c.offset + len(c.text)] == c.text) for c in found]

    # (constructed, after the review) a clause left out ends a run: no two clauses joined
    # that are not said together
    said = theme("。大会的主题是：继往开来前进，以理论为指导，与时俱进前进，为建设强国而团结奋斗。")
    assert said == [("建设强国", True)]  # (而团结奋斗: the aim of the 20th congress's wording)
    # ASCII commas, a clause of the Party kept (党的 opens no banner), marks make no clause
    assert theme("。大会的主题是：继往开来,与时俱进,为建设强国而奋斗。") == [
        ("建设强国", True), ("继往开来,与时俱进", True)
    ]
    said = theme("。大会的主题是：党的建设全面加强，继往开来，与时俱进（2022），为建设强国而奋斗。")
    assert ("党的建设全面加强", True) in said and not any("（" in t for t, _ in said)
    # a meeting of the year, or a business of one clause (an agenda), is no congress's theme
    assert theme("今年大会的主题是：数字经济与实体经济融合发展，吸引了企业参加，成果丰硕。") == []
    assert theme("。大会的主题是：研究部署下半年经济工作。") == []


def test_themes_can_be_switched_off():
    text = "大会的主题是：继往开来，与时俱进，为开创事业新局面而奋斗。"
    on = {f.text: f.evidence for f in extract_formulations(load_text(text, source="t"))}
    assert any("frame/theme" in ev for ev in on.values())
    off = FormulationOptions(theme_short_max=0)
    found = extract_formulations(load_text(text, source="t"), options=off)
    assert not any("frame/theme" in f.evidence for f in found)


def test_a_condition_and_what_it_conditions_is_one_formulation():
    # the 17th congress report and the national news (2016-08-20): rule frame/condition
    found = {
        f.text: f.evidence for f in extract_formulations(load_document(DOCS / "cpc17-report.txt"))
    }
    pair = "只有社会主义才能救中国，只有改革开放才能发展中国、发展社会主义、发展马克思主义"
    assert "frame/condition" in found[pair]
    assert "只有社会主义才能救中国" not in found  # (a piece of the pair)
    found = found_in("习近平指出，没有全民健康，就没有全面小康。要把人民健康放在优先发展的战略位置。")
    assert "frame/condition" in found["没有全民健康，就没有全面小康"]
    # (constructed) one condition alone, or a clause that goes on, is prose; so are conditions a
    # pronoun points back to (只有这样…: the argument said before)
    prose = found_in(
        "只有深化改革才能激发活力，我们要坚定信心。只有坚持创新才能赢得未来"
        "。只有这样才能成功，只有这样才能胜利。"
    )
    assert not any("frame/condition" in ev for ev in prose.values())
    # a third condition is the pair's (the review, after the 17th congress report)
    three = (
        "只有社会主义才能救中国，只有改革开放才能发展中国，只有坚持和发展中国特色社会主义才能实现"
        "中华民族伟大复兴"
    )
    assert "frame/condition" in found_in("。" + three + "。")[three]


def test_a_short_text_of_the_centre_loads_no_second_dictionary():
    """The adhered rule and the partners of a bilateral name ask whether a text is a word of the
    language of the dictionary every run has loaded: reading a conference's news loads no
    general segmenter (a second dictionary, ~0.1 s of every such run), in a fresh process."""
    import subprocess
    import sys

    script = (
        "from policy_cli.core.formulations import extract_formulations\n"
        "from policy_cli.core.loaders import load_text\n"
        "from policy_cli.core import segment\n"
        "text = '会议强调，要坚持高标准，坚持金融业务持牌经营。打造中德利益共同体，出席中非法治论坛。'\n"
        "found = {f.text for f in extract_formulations(load_text(text, source='t'))}\n"
        "assert '金融业务持牌经营' in found and '高标准' not in found, found\n"
        "print(segment.general_segmenter.cache_info().currsize)\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert res.stdout.strip() == "0", res.stdout + res.stderr
