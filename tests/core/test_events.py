"""Stage `event`: a fair or expo by its short name."""

from __future__ import annotations

from policy_cli.core.formulations import FormulationOptions, extract_formulations
from policy_cli.core.formulations.events import find_events
from policy_cli.core.loaders import load_document

from ..conftest import DOCS


def names(text: str) -> list[str]:
    return [c.text for c in find_events(text, FormulationOptions())]


def test_fairs_by_their_short_names_in_a_report():
    doc = load_document(DOCS / "provinces-2025" / "guangxi.txt")
    found = {f.text: f for f in extract_formulations(doc)}
    # 办好第22届东博会、峰会以及世界林木业大会 (the segmenter glues 届东|博会)
    assert "东博会" in found and found["东博会"].kind == "name"
    assert "event/fair" in found["东博会"].evidence
    assert names("举办华创会、汉交会等60多场活动，参加进博会、服贸会和第十四届投洽会。") == [
        "汉交会", "进博会", "服贸会", "投洽会"
    ]


def test_craft_meeting_in_orbit_is_no_fair():
    assert names("飞船与空间站完成自动交会对接。两船快速交会。") == []


def test_rivers_meeting_here_are_no_fair():
    assert names("长江与嘉陵江在此交会，形成半岛。") == []


def test_a_bilateral_name_that_opens_a_clause_keeps_its_china():
    # the Beijing report of 2025 and a news item of 2021-04-07: 中 at a clause's opening is no
    # postposition (在…中) but China, the first of the two parties
    from policy_cli.core.loaders import load_text

    found = {f.text for f in extract_formulations(load_text(
        "8家知名外资医药企业在京新设研发机构，中德世界隐形冠军峰会14年来首次走出德国、在京举办。"
        "中方愿同阿拉伯国家一道，用实际行动共建新时代中非、中阿命运共同体。"
        "办好第七届中阿广电合作论坛。", source="t"  # (the Chongqing report of 2025)
    ))}
    assert {"中德世界隐形冠军峰会", "中阿命运共同体", "中阿广电合作论坛"} <= found
    assert not {"德世界隐形冠军峰会", "阿命运共同体", "阿广电合作论坛"} & found


def test_a_bilateral_name_after_a_verb_keeps_its_china():
    """The segmenter cuts 中|法 and 中|俄: a 中 of its own right before partner countries of
    their own is China, whatever stands before it (a verb here: 出席, 打造, 推进), in the names a
    head closes and in what a short text repeats (news items of 2019-03-27, 2014-10-14 and
    2019-12-03); 美中|新型大国关系 is no such name (新 opens the word 新型)."""
    from policy_cli.core.loaders import load_text

    found = {f.text for f in extract_formulations(load_text(
        "国家主席习近平在巴黎同法国总统马克龙一道出席中法全球治理论坛闭幕式。"
        "双方要打造中德利益共同体。中方愿同美方积极推进中美双边投资协定谈判。"
        "美方高度重视建设美中新型大国关系。", source="t"
    ))}
    assert {"中法全球治理论坛", "中德利益共同体", "中美双边投资协定"} <= found
    assert not {"法全球治理论坛", "德利益共同体", "美双边投资协定", "中新型大国关系"} & found
    repeated = {f.text for f in extract_formulations(load_text(
        "中俄东线天然气管道投产通气。习近平同普京共同见证中俄东线天然气管道投产。"
        "中俄东线天然气管道是两国能源合作的标志性项目。", source="t"
    ))}
    assert "中俄东线天然气管道" in repeated and "俄东线天然气管道" not in repeated
    # a verb after the countries makes them a clause's subject, no name (2019-06-03)
    clause = {f.text for f in extract_formulations(load_text(
        "文章强调，中美开展经贸合作是最好的选择。《中美开展经贸合作是正确的选择》。"
        "中美开展经贸合作是正确的选择。", source="t"
    ))}
    assert not any("开展经贸合作" in t for t in clause)
    # after a noun, 中 is its postposition, and a word of the language made of countries'
    # characters names no countries (the review's inputs: 在…中, 非法, 美德, 新|农村)
    for text, name in (
        ("在网络空间中非法信息治理论坛召开。", "非法信息治理论坛"),
        ("在乡村振兴中新农村建设博览会开幕。", "新农村建设博览会"),
        ("在日常生活中美德少年评选论坛举行。", "美德少年评选论坛"),
    ):
        listed = {f.text for f in extract_formulations(load_text(text, source="t"))}
        assert name in listed and "中" + name not in listed, text
    # a piece after China and its partners, where they open a clause, is no name either
    pieces = {f.text for f in extract_formulations(load_text(
        "中俄联合举办青年论坛。中俄联合举办青年论坛开幕。中俄联合举办青年论坛闭幕。", source="t"
    ))}
    assert not any(t.startswith("俄") for t in pieces)


def test_a_short_text_of_the_centre_names_the_anniversaries_it_serves():
    """建党100周年, 中华人民共和国成立70周年, 西藏自治区成立50周年: the occasions a communiqué
    works towards (rule `anniversary`), counted in digits or in words; what is not a founding of
    the nation, the Party, the army or a region is no such occasion (a company's)."""
    text = (
        "会议强调，要以优异成绩庆祝建党100周年。今年是中华人民共和国成立七十周年。"
        "组织好西藏自治区成立50周年庆祝活动。某公司成立10周年。"
    )
    found = {c.text: c.rule for c in find_events(text, FormulationOptions())}
    assert found == {
        "建党100周年": "anniversary",
        "中华人民共和国成立七十周年": "anniversary",
        "西藏自治区成立50周年": "anniversary",
    }


def test_a_report_mentions_the_years_anniversaries_in_passing():
    """A provincial report recalls last year's anniversary (隆重庆祝中华人民共和国成立75周年) in
    its review: a long local text is not read for anniversaries; the same sentence alone, as a
    short text of the centre, is."""
    yunnan = (DOCS / "provinces-2025" / "yunnan.txt").read_text(encoding="utf-8")
    assert "中华人民共和国成立75周年" in yunnan
    assert not [c for c in find_events(yunnan, FormulationOptions()) if c.rule == "anniversary"]
    assert names("隆重庆祝中华人民共和国成立75周年。") == ["中华人民共和国成立75周年"]


def test_a_short_text_of_the_centre_names_the_central_work_conferences_it_follows():
    """中央人才工作会议, 中央第七次西藏工作座谈会 (rule `conference`): the centre's named meetings a
    communiqué follows; a topic of two things joined (中央和地方) is no conference's, nor is a
    commission's numbered meeting, and a long report is not read for them."""
    text = (
        "会议指出，要落实中央人才工作会议精神，贯彻中央第七次西藏工作座谈会部署。"
        "召开中央和地方工作会议。中央财经委员会第九次会议研究了有关问题。"
    )
    found = {c.text: c.rule for c in find_events(text, FormulationOptions())}
    assert found == {"中央人才工作会议": "conference", "中央第七次西藏工作座谈会": "conference"}
    assert names(text.replace("人才", "人才队伍建设和")) == ["中央第七次西藏工作座谈会"]
    long = FormulationOptions(national_framing_short_max=10)
    assert [c.text for c in find_events(text, long)] == []


def test_the_verb_that_calls_a_conference_is_no_topic_and_an_ordinal_may_be_in_digits():
    assert names("中央召开人才工作会议。党中央决定召开西藏工作座谈会。") == []
    assert names("会议指出，要落实中央第7次西藏工作座谈会精神。") == ["中央第7次西藏工作座谈会"]


def test_an_event_acted_on_pointed_at_or_referred_to_by_its_ordinal_is_named_by_none():
    # news items of 2019-2022 (the national evening news): 冬奥会 is an event's short name, which
    # a place names (北京冬奥会) and a verb takes as its object (取得|冬奥会历史最好成绩); an
    # ordinal and a head alone refer to an event named before; a title before a head names it
    from policy_cli.core.loaders import load_text

    def found(text: str) -> set[str]:
        return {f.text for f in extract_formulations(load_text(text, source="t"))}

    olympics = found(
        "我国取得冬奥会历史最好成绩。北京成功申办冬奥会以来，习近平总书记多次看望备战冬奥会的"
        "中国冰雪健儿。在历届冬奥会比赛项目设置中，雪上项目的金牌数都高于冰上项目。"
        "我们全力办好北京冬奥会。"
    )
    assert {t for t in olympics if t.endswith("冬奥会")} == {"北京冬奥会"}, olympics
    forum = found(
        "第二届“一带一路”国际合作高峰论坛成果丰硕。企业家大会是第二届高峰论坛的创新安排。"
        "作为来宾列席大会开幕会和闭幕会的有党外人士。"
    )
    assert "一带一路国际合作高峰论坛" in forum
    assert not {"第二届高峰论坛", "高峰论坛", "来宾列席大会"} & forum, forum
    cop = found("《生物多样性公约》第十五次缔约方大会在昆明召开。")
    assert "生物多样性公约" in cop and not any(t.endswith("缔约方大会") for t in cop), cop

    # a session word no ordinal counts points at one session: 上届|世博会, 此届|世博会
    sessions = found("上届世博会参观人数创纪录。此届世博会规模空前。北京第二十四届冬奥会圆满成功。")
    assert not {"上届世博会", "此届世博会"} & sessions, sessions
    assert "北京第二十四届冬奥会" in sessions


def test_a_dash_joins_two_parties_of_a_name_and_an_upgrade_names_a_programme():
    """中国－东盟 (the national work report of 2014: 打造中国－东盟自贸区升级版) and 中国—中亚峰会:
    the walk back from a head takes two parties a dash joins, a place or an abbreviation first;
    an upgraded version (…升级版) names the programme upgraded, not where it modifies a noun
    after it (升级版|山海协作: news of 2021)."""
    from policy_cli.core.loaders import load_text

    found = {f.text: f.evidence for f in extract_formulations(load_text(
        "打造中国－东盟自贸区升级版。中国—中亚峰会在西安举行。东盟各国欢迎中方打造东盟-中国"
        "自贸区升级版等倡议。改革的着力点就是打造升级版山海协作。", source="t"
    ))}
    assert "head/升级版" in found["中国－东盟自贸区升级版"]
    assert "head/峰会" in found["中国—中亚峰会"]
    assert "东盟-中国自贸区升级版" in found
    assert not [t for t in found if t.startswith(("东盟自贸区", "中亚峰会", "中国自贸区"))]
    assert not [t for t in found if "升级版山海" in t or t.endswith("打造升级版")]


def test_a_dash_of_two_em_widths_joins_two_parties_as_one_dash_does():
    """中国——东盟博览会, 中国——中东欧国家…: national news of 2012-2013 prints the dash of a
    joined name as two em dashes (——), which the segmenter gives as two words; the walk back
    from the head takes both parties as it does across one dash, and the proper name stage reads
    the name whole, not its piece after the dash (东盟博览会). A dash that opens an item of a
    list (——经济运行稳中向好) or follows no place (…平台——内蒙古) joins nothing."""
    from policy_cli.core.loaders import load_text

    found = {f.text for f in extract_formulations(load_text(
        "第九届中国——东盟博览会将于9月在广西南宁举行。打造中国——东盟自贸区升级版。"
        "推动广西——文莱经济走廊建设。", source="t"
    ))}
    assert {"中国——东盟博览会", "中国——东盟自贸区升级版", "广西——文莱经济走廊"} <= found, found
    assert not found & {"东盟博览会", "东盟自贸区升级版", "文莱经济走廊"}, found
    # a dash of two widths after a place, before a name joined already (by one dash, or a pair
    # of countries in one word: 中蒙), is a dash of apposition: it joins nothing
    apposed = {f.text for f in extract_formulations(load_text(
        "欢迎来到南宁——中国—东盟博览会永久举办地。内蒙古——中蒙博览会举办地。"
        "——经济运行稳中向好。信息公示系统（部门协同监管平台——内蒙古）开展双随机检查。", source="t"
    ))}
    assert {"中国—东盟博览会", "中蒙博览会"} <= apposed, apposed
    assert not [t for t in apposed if t.startswith(("南宁", "内蒙古", "——", "平台"))], apposed
