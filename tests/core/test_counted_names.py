"""Meetings named by their ordinal, packages named by a count, and counted sets (issue 12).

Each rule is checked on the real documents of tests/data where it finds something, and on short
texts for the cases it must refuse.
"""

from __future__ import annotations

import pytest

from policy_cli.core.formulations import extract_formulations
from policy_cli.core.loaders import load_document, load_text

from ..conftest import DOCS


@pytest.fixture(scope="module")
def found():
    """The formulations of a document of tests/data/docs (by path), by text."""
    cache: dict[str, dict[str, object]] = {}

    def get(name: str) -> dict[str, object]:
        if name not in cache:
            cache[name] = {f.text: f for f in extract_formulations(load_document(DOCS / name))}
        return cache[name]

    return get


def texts_in(text: str) -> set[str]:
    return {f.text for f in extract_formulations(load_text(text, source="t"))}


def test_a_local_party_congress_is_named_by_its_ordinal(found):
    # 按照省第十二次党代会和历次全会部署 (Hubei); 自治区第十一次党代会确定目标 (Inner Mongolia)
    assert "第十二次党代会" in found("provinces-2025/hubei.txt")
    assert "第十一次党代会" in found("provinces-2025/neimenggu.txt")
    assert "第十三次党代表大会" in texts_in("贯彻落实市第十三次党代表大会精神。")


def test_the_national_party_congress_by_its_full_name(found):
    # 中国共产党第十六次全国代表大会，是我们党在新世纪召开的第一次代表大会 (the report's opening)
    congress = found("cpc16-report.txt")["中国共产党第十六次全国代表大会"]
    assert congress.kind == "numbered"
    # 今年将召开中国共产党第二十次全国代表大会 (the work report of 2022)
    assert "中国共产党第二十次全国代表大会" in found("gwr-2022.txt")
    texts = texts_in(
        "全会决定，中国共产党第二十次全国代表大会于2022年下半年在北京召开。"
        "共青团第十九次全国代表大会开幕。中华全国总工会第十七次全国代表大会召开。"
        "以实际行动迎接党的第二十次全国代表大会胜利召开。"
    )
    # one item for the congress, by its full name (党的… names no second one)
    assert [t for t in texts if "第二十次" in t] == ["中国共产党第二十次全国代表大会"], texts
    # another body's congress of the same words is no Party congress
    assert not any("第十九次" in t or "第十七次" in t for t in texts), texts


def test_the_plenums_of_a_term_and_of_a_discipline_commission(found):
    # 按照市委十二届历次全会和市委经济工作会议部署 (Tianjin);
    # 贯彻落实二十届中央纪委四次全会精神 (Guangxi)
    assert "十二届历次全会" in found("provinces-2025/tianjin.txt")
    plenum = found("provinces-2025/guangxi.txt")["二十届中央纪委四次全会"]
    assert plenum.kind == "numbered"
    texts = texts_in(
        "召开十一届省纪委三次全会。十二届人大历次会议都很重要，第十二次团代会如期召开。"
    )
    assert "十一届省纪委三次全会" in texts
    # the meetings of another body, by term or by ordinal, are no Party meetings
    assert not any("历次" in t or "次团代会" in t for t in texts), texts


def test_a_plenum_by_its_full_name():
    # the full name a communiqué gives its plenum (crafted on the national news's form)
    texts = texts_in(
        "中国共产党第十九届中央委员会第四次全体会议在北京举行。"
        "中国共产党第十九届中央纪律检查委员会第六次全体会议公报。"
        "某省第十一届委员会第三次全体会议召开。"  # a local committee: its own rule reads 十一届三次全会
    )
    assert {"第十九届中央委员会第四次全体会议", "第十九届中央纪律检查委员会第六次全体会议"} <= texts
    assert not any("第十一届委员会" in t for t in texts), texts
    # the term's 第 left out, as the report to the 18th congress and the news write it too
    texts = texts_in("全面贯彻党的十八届中央委员会第三次全体会议精神。")
    assert "十八届中央委员会第三次全体会议" in texts


def test_a_package_of_measures_named_by_its_count_of_articles(found):
    # 实施促进民营经济高质量发展20条措施 (Guangxi); 全方位建设模范自治区的决定及28条措施
    # (Inner Mongolia)
    assert found("provinces-2025/guangxi.txt")["20条措施"].kind == "code"
    assert "28条措施" in found("provinces-2025/neimenggu.txt")
    # a count of lines, routes or chains is a quantity
    texts = texts_in("打造10条循环经济产业链，新开通5条国际航线，治理堵点30条，出台12条政策。")
    assert not any("条" in t for t in texts), texts


def test_a_document_known_by_its_number_and_a_hotline_by_its_number(found):
    # 国务院16号文件加快实施; “两代表一委员”12345热线疑难工单督办回访机制 (Inner Mongolia)
    neimenggu = found("provinces-2025/neimenggu.txt")
    assert neimenggu["16号文件"].kind == "name"
    assert neimenggu["12345"].kind == "code"
    assert neimenggu["12345"].refers_to == "热线"  # the line it is the number of, as when quoted
    texts = texts_in("开通12315投诉热线，提升12345政务服务便民热线效能。开通200多部热线。")
    assert {"12315", "12345"} <= texts
    # a count of calls or people, a longer number, one of a year's series of documents, a folder
    texts = texts_in(
        "全年接听12680个热线电话，12000名群众拨打热线，拨打123456热线。"
        "收到2号文件，出台2024年第3号文件，放在5号文件夹里，实施第20条措施。"
    )
    assert texts == {"2号文件"}, texts


def test_a_count_of_things_that_each_go_by_a_quoted_name(found):
    # 制定实施大气、水、土壤污染防治三个“十条” (gwr-2018); 深刻把握五个“必须统筹好” (Guangxi)
    assert found("gwr-2018.txt")["三个“十条”"].kind == "numbered"
    assert "五个“必须统筹好”" in found("provinces-2025/guangxi.txt")
    # an ordinal, a cited character, a quoted name that modifies the noun after it: no set
    texts = texts_in("迎来第五个“中国农民丰收节”。写好三个“公”字。建成四个“统规联建”聚居点。")
    assert not any(t.startswith(("五个", "三个", "四个")) for t in texts), texts


def test_a_count_of_matters_names_a_set(found):
    # 重点抓好五件事：一是加快发展新型储能… (Inner Mongolia)
    assert found("provinces-2025/neimenggu.txt")["五件事"].kind == "numbered"
    texts = texts_in("办好两件大事，落实十件实事。这两件事情要办好，处理三件事项。")
    assert {"两件大事", "十件实事"} <= texts
    assert not any(t.startswith(("两件事", "三件事")) for t in texts), texts


def test_a_counted_battle_with_its_members_listed_before_it(found):
    # 全力打好汽车、钢铁、化工三大产业转型攻坚战 (Hubei): the set ends with its head of a battle
    # and, its three members listed, is kept beside the longer phrase that holds the list
    battle = found("provinces-2025/hubei.txt")["三大产业转型攻坚战"]
    assert battle.items == ("汽车", "钢铁", "化工")
    # headless, the same length is a clause, not a name
    assert not any(t.startswith("三大") for t in texts_in("推动三大都市圈协同共进发展。"))


def test_a_set_the_document_keeps_naming_whatever_follows_it(found):
    # 加力推动六大系统应用开发 … 提升六大系统发展服务治理能力 (Chongqing): headless and long each
    # time, but the count and its word are said again with something else after them
    assert "六大系统" in found("provinces-2025/chongqing.txt")
    texts = texts_in("推动六大系统应用开发。提升六大系统发展服务治理能力。")
    assert "六大系统" in texts
    # said once, it stays a clause; the same word after every mention is a longer name's
    assert not any(t.startswith("六大") for t in texts_in("推动六大系统应用开发。"))
    texts = texts_in("产生了两大理论成果。这两大理论成果都是集体智慧的结晶。")
    assert "两大理论" not in texts
    # a modifier said again names nothing (两个超级|大国, 两个超级|核大国: the report to the
    # 10th congress)
    assert "两个超级" not in texts_in("主要是两个超级大国争霸。两个超级核大国。")


def test_a_count_of_categories_names_no_set(found):
    # 建设城市基本体征、重大事件、常态风险等三大类实时感知 (Baotou): three kinds of sensing
    assert not any(t.startswith("三大类") for t in found("local-baotou-2022.txt"))
    texts = texts_in("粮食、油料、蔬菜三大类产品供应充足，稻谷、小麦、玉米三大粮食作物稳产。")
    assert "三大粮食作物" in texts
    assert not any(t.startswith("三大类") for t in texts), texts


def test_a_set_named_after_its_members_runs_to_the_head_of_its_name():
    # the Anhui and Fujian reports of 2025: a short noun cut before its head names nothing
    texts = texts_in(
        "量子信息、聚变能源、深空探测三大科创引领高地建设成效显著。"
        "做强临海蓝色、闽西北绿色、闽东南高优三大特色农业产业带。"
        "稻谷、小麦、玉米三大粮食作物稳产。"
    )
    assert {"三大科创引领高地", "三大特色农业产业带", "三大粮食作物"} <= texts
    assert not texts & {"三大科创引领", "三大特色农业"}


def test_a_counted_name_may_be_as_long_as_the_walk(found):
    # 提升科创、金融、物流、国际贸易4大功能类供应链平台能级 (Hubei): eight characters, a head
    assert "4大功能类供应链平台" in found("provinces-2025/hubei.txt")
    # headless at that length it is a clause
    assert not any(t.startswith("4大") for t in texts_in("推动4大功能类供应链协同共进发展。"))


def test_a_counted_set_is_the_name_a_longer_find_describes():
    # the Chongqing, Beijing and Hubei reports of 2025: the words before the count say what the
    # set is for (a clause opening with a verb, or a list), so the set is what is named…
    texts = {f.text for f in extract_formulations(load_text(
        "实施推动房地产高质量发展八大提升行动，构建要素联动机制。"
        "实施促进高校毕业生就业创业十项行动，升级打造零工市场。", source="t"
    ))}
    assert {"八大提升行动", "十项行动"} <= texts
    assert not {"推动房地产高质量发展八大提升行动", "促进高校毕业生就业创业十项行动"} & texts
    # …while a qualifier is the name's own, and sets side by side are one motto
    texts = {f.text for f in extract_formulations(load_text(
        "严格落实中央八项规定精神。更好地利用国内国际两个市场、两种资源。", source="t"
    ))}
    assert "中央八项规定精神" in texts and "两个市场、两种资源" in texts
    # …and a name whose first word is a noun holding a verb's characters is no clause (快递,
    # 大连, 建设银行: the reviewer's cases)
    texts = {f.text for f in extract_formulations(load_text(
        "实施快递进村十大工程。实施大连全面振兴十大工程。实施建设银行普惠金融五大行动。", source="t"
    ))}
    assert {"快递进村十大工程", "大连全面振兴十大工程", "建设银行普惠金融五大行动"} <= texts


def test_a_package_of_policies_named_by_yilanzi(found):
    """一揽子 names a package of policies or measures adopted as one (rule `package`): the
    Jiangsu report of 2025 (一揽子增量政策的效应正在持续显现), the Guangxi one (一揽子经济政策);
    the name ends at the head, never across a 的."""
    jiangsu = found("local-jiangsu-2025.txt")
    assert "counted/package" in jiangsu["一揽子增量政策"].evidence
    assert "一揽子经济政策" in found("provinces-2025/guangxi.txt")
    assert "一揽子增量政策" in texts_in("一揽子增量政策的落实措施要到位。")
    assert not any("的" in t for t in texts_in("一揽子增量政策的落实措施要到位。"))


def test_a_package_ends_at_its_first_head_and_joins_no_other_phrase():
    assert "一揽子增量政策" in texts_in("用好一揽子增量政策和存量政策。")
    assert not any("存量" in t for t in texts_in("用好一揽子增量政策和存量政策。"))
    assert "一揽子政策" in texts_in("落实一揽子政策推动出台更多政策。")
    assert {"一揽子政策措施", "一揽子稳增长政策工具箱"} <= texts_in(
        "推出一揽子政策措施，用好一揽子稳增长政策工具箱。"
    )


def test_a_verb_right_after_a_count_is_the_sets_own_only_before_a_names_head():
    """A word that opens clauses elsewhere (出版, 制定) right after a count belongs to the set's
    name where the name runs on to its head (国家新闻出版广电总局先后实施了…八大出版工程, the
    news of 2016); without a head the count ends its phrase (贯彻执行了九大|制定的对外政策)."""
    from policy_cli.core.formulations.vocab import clause_word_set

    assert {"出版", "制定"} <= clause_word_set()
    assert "八大出版工程" in texts_in("国家新闻出版广电总局先后实施了八大出版工程，推进图书走出去。")
    assert not any(
        t.startswith("九大") for t in texts_in("我们坚决地贯彻执行了九大制定的对外政策。")
    )


def test_clauses_that_each_open_with_a_count_are_one_numbered_motto(found):
    """A run of clauses joined by 、, each opening with a count, is a motto whole (rule
    `count-run` of stage compound): the Fujian report of 2025 (推动一产稳、二产优、三产进;
    一网公开、一网办事、一网监管、一网交易; 一片叶、一根竹、一张纸等绿色富民产业: things counted,
    the examples of a kind 等 closes), the Hubei one (百强县进位、千亿县扩容), and the Beijing one
    (强化一核引领、三地协同，), which ends the text here."""
    fujian = found("provinces-2025/fujian.txt")
    for motto in ("一产稳、二产优、三产进", "一网公开、一网办事、一网监管、一网交易", "一片叶、一根竹、一张纸"):
        assert "compound/count-run" in fujian[motto].evidence
        assert fujian[motto].kind == "slogan"
    assert "百强县进位、千亿县扩容" in found("provinces-2025/hubei.txt")
    assert "一核引领、三地协同" in texts_in("牢牢把握首都城市战略定位，强化一核引领、三地协同")


def test_a_run_of_counts_that_count_quantities_or_manners_is_no_motto():
    """Not a motto of counts: counts of quantities (播出第十七、十八集, the news of 2021-06-28),
    a count that is a word of manner (大家还要一起拼搏、一起奋斗, the news of 2018-12-31), things,
    times or ranks counted by a measure word with no 等 after them (一季度、二季度; 两枚金牌、一枚
    银牌), idioms (千方百计、万众一心), a clause with a particle of description, a count inside
    a word (统|一规划), a piece of a run that goes on before or after it, and clauses of very
    different lengths."""

    def count_runs(text: str) -> set[str]:
        return {
            f.text for f in extract_formulations(load_text(text, source="t"))
            if "compound/count-run" in f.evidence
        }

    assert count_runs("牢牢把握首都城市战略定位，强化一核引领、三地协同，努力打造。")
    assert not count_runs("在央视综合频道和纪录频道播出第十七、十八集。")
    assert not count_runs("有机遇也有挑战，大家还要一起拼搏、一起奋斗。")
    assert not count_runs("今年一季度、二季度，经济增长稳定。")
    assert not count_runs("中国队获得两枚金牌、一枚银牌。")
    assert count_runs("一片叶、一根竹、一张纸等绿色富民产业不断壮大。")
    assert not count_runs("一片叶、一根竹、一张纸，都是宝贝。")
    assert not count_runs("我们要千方百计、万众一心，攻坚克难。")
    assert not count_runs("占用百分之二、三的份额。")
    assert not count_runs("推进统一规划、一体建设，提升效能。")
    assert not count_runs("推进数据共享、一网公开、一网办事，提升效能。")
    assert not count_runs("推进一网公开、一网办事、数据共享，提升效能。")
    assert not count_runs("推进一产稳、二产优化升，发展。")


def test_the_count_a_text_sums_up_its_list_with_names_the_set(found):
    """Rule `summed`: 以上十四条，构成新时代坚持和发展中国特色社会主义的基本方略 (the report to the
    19th congress), 以上十条，是党领导人民…必须坚持的基本经验 (the 16th); not a count of
    conditions said in passing (符合以上两条，), nor one no comma closes."""
    cpc19 = found("cpc19-report.txt")
    assert "counted/summed" in cpc19["十四条"].evidence
    assert cpc19["十四条"].kind == "numbered"
    assert "counted/summed" in found("cpc16-report.txt")["十条"].evidence
    assert "两条" not in texts_in("符合以上两条的，可以申请。以上两条规定适用于新设企业。")
    assert "两条" not in texts_in("符合以上两条，即可申请。")


def test_a_counted_name_that_runs_on_from_a_national_set_is_that_set(found):
    # 同四项基本原则、改革开放这两个基本点统一于…伟大实践 (the 17th congress report): the set is
    # 两个基本点, as national text names it; 统一 is what the clause says of it
    cpc17 = found("cpc17-report.txt")
    assert "两个基本点" in cpc17 and "两个基本点统一" not in cpc17
    # 加固中央八项规定堤坝; 加大三大攻坚战力度 (crafted on the national news's forms): the rules
    # and the battles, not what is said of them
    texts = texts_in("要持之以恒加固中央八项规定堤坝。加大三大攻坚战力度，稳步推进。")
    assert "三大攻坚战" in texts, texts
    assert not {"八项规定堤坝", "三大攻坚战力度"} & texts, texts


def test_a_count_of_hours_children_or_drafts_is_a_quantity():
    # the national news's reports of people (crafted on its forms): spans of time and members of
    # a family counted are quantities; a set of the same shape is still named
    texts = texts_in(
        "她每天要走三个小时山路，把两个女儿送到学校。审批时限压缩到三个工作日。"
        "坚持两个毫不动摇，增强四个意识。"
    )
    assert not {"三个小时", "两个女儿", "三个工作日"} & texts, texts
    assert {"两个毫不动摇", "四个意识"} <= texts, texts
    # the documents a body reviews counted (the national news of the NPC standing committee)
    agenda = texts_in("会议审议了两个修订草案。会议表决通过了三个决议草案，听取了两个报告。")
    assert not {"两个修订草案", "三个决议草案", "两个报告"} & agenda, agenda


def test_a_count_word_after_a_numeral_is_the_last_digit_of_a_larger_number():
    # (the Supreme People's Court's guiding case 254, tests/data/formats) 第一百零六条: 六条 is
    # the last digit of an article's number, no set of six
    texts = texts_in(
        "《中华人民共和国民事诉讼法》第一百零六条规定的财产保全方式为“查封、扣押、冻结或者法律"
        "规定的其他方法”，效果在于实现对被保全人财产的控制，而非处分。"
    )
    assert not any(t.startswith("六条") for t in texts), texts
    assert not any(t.startswith("六条") for t in texts_in("依照该法第二十六条规定办理。"))
    # a count word after no numeral still names its set
    assert {"两个毫不动摇", "三大攻坚战"} <= texts_in(
        "坚持两个毫不动摇，促进民营经济发展壮大。推动三大攻坚战取得决定性成就。"
    )


def test_a_place_word_after_the_counted_noun_is_no_part_of_the_name():
    # the national news (the review of the thirty-sixth session): where the things counted are
    # ends the name (三个区域|之间, 八大沙漠|南缘)
    found = texts_in("在三个区域之间设有缓冲带。受到北部八大沙漠南缘的侵袭。")
    assert not {"三个区域之间", "八大沙漠南缘"} & found
    assert "八大沙漠" in found
    # a noun the tagger reads as a verb stays in the name (两大政策|取向), as a name's head does
    assert "两大政策取向" in texts_in("团结和分裂、合作和对抗两大政策取向。")
    assert "八大提升行动" in texts_in("实施八大提升行动。")
