"""The header of real files: title, date (stated and ISO), issuer or speaker, number, kind.

Real files first (tests/data/formats and tests/data/docs). The team also checks on files this
suite does not have: a law and a court case exported as PDF from a legal database and government
web pages. Their *shapes* are tested below with short texts built the way those exports and pages
lay out their metadata (a metadata box of `label：value` lines, a metadata table and <meta>
names); they are marked as shapes, not documents.
"""

from __future__ import annotations

import pytest

from policy_cli.core.header import DOC_TYPES, extract_header, iso_date
from policy_cli.core.loaders import load_bytes, load_document, load_text
from tests.conftest import DATA, DOCS

FORMATS = DATA / "formats"
PROVINCES = sorted((DOCS / "provinces-2025").glob("*.txt"))


@pytest.fixture(scope="module")
def ai_pdf():
    return extract_header(load_document(FORMATS / "state-council-ai-plus-opinion-2025.pdf"))


def test_state_council_pdf_signature_and_number(ai_pdf) -> None:
    """The PDF ends "国务院 / 2025年8月21日" and carries 国发〔2025〕11号 under its title."""
    assert ai_pdf.title == "国务院关于深入实施“人工智能+”行动的意见"
    assert (ai_pdf.date, ai_pdf.date_iso) == ("2025年8月21日", "2025-08-21")
    assert ai_pdf.number == "国发〔2025〕11号"
    assert ai_pdf.issuer == "国务院" and ai_pdf.doc_type == "opinion"


def test_guiding_case_pdf_from_a_legal_database() -> None:
    """A pkulaw export: the metadata box (案由：…) is not glued to the title."""
    h = extract_header(load_document(FORMATS / "spc-guiding-case-254-2025.pdf"))
    assert h.title == "指导性案例254号：厦门某健康管理有限公司与福建某体育产业有限公司财产保全扣划实施案"
    assert "案由" not in (h.title or "")
    assert h.date_iso == "2025-04-07"
    assert h.number == "指导性案例254号"
    assert h.issuer == "最高人民法院审判委员会"  # "（最高人民法院审判委员会讨论通过 … 发布）"
    assert h.doc_type == "court case"


def test_html_pages() -> None:
    npc = extract_header(load_document(FORMATS / "govcn-npcsc-resolution-2007.html"))
    assert npc.title == (
        "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议"
    )
    assert npc.date_iso == "2007-06-29"  # the adoption note, not the page's 2007-08-20
    assert npc.issuer == "全国人民代表大会常务委员会" and npc.doc_type == "decision"
    law = extract_header(load_document(FORMATS / "sxmu-supervision-law-2018.html"))
    assert law.title == "中华人民共和国监察法"
    assert law.date_iso == "2018-03-20" and law.issuer == "全国人大" and law.doc_type == "law"


@pytest.mark.parametrize(
    ("name", "title", "date_iso", "speaker", "issuer"),
    [
        ("local-beijing-2025.docx", "2025年北京市政府工作报告", "2025-01-14", "北京市市长殷勇",
         "北京市人民政府"),
        ("local-jiangsu-2025.docx", "2025年江苏省政府工作报告", "2025-01-19", "省长许昆林",
         "江苏省人民政府"),
        ("local-sichuan-2025.docx", "2025年四川省政府工作报告", "2025-01-20",
         "四川省人民政府省长施小琳", "四川省人民政府"),
    ],
)
def test_docx_reports(name, title, date_iso, speaker, issuer) -> None:
    h = extract_header(load_document(FORMATS / name))
    assert (h.title, h.date_iso, h.speaker, h.issuer, h.doc_type) == (
        title, date_iso, speaker, issuer, "work report"
    )


def test_notice_with_number_and_signature_date() -> None:
    h = extract_header(load_document(DOCS / "local-baotou-2022.txt"))
    assert h.number == "包府办发〔2022〕43号"
    assert (h.date_iso, h.issuer, h.doc_type) == ("2022-04-14", "包头市人民政府办公室", "notice")


@pytest.mark.parametrize("path", PROVINCES, ids=lambda p: p.stem)
def test_provincial_reports(path) -> None:
    """Each report's dateline gives an ISO date in January 2025; its speaker is the governor."""
    h = extract_header(load_document(path))
    assert h.doc_type == "work report"
    assert h.date_iso and h.date_iso.startswith("2025-01-")
    assert h.title and h.title.startswith("2025年") and h.title.endswith("政府工作报告")
    assert h.speaker and "习近平" not in h.speaker
    assert h.issuer and h.issuer.endswith("人民政府")


def test_every_kind_is_a_known_one() -> None:
    kinds = {
        extract_header(load_document(p)).doc_type
        for p in [*DOCS.glob("*.txt"), *FORMATS.glob("*.pdf"), *FORMATS.glob("*.html")]
    }
    assert kinds <= set(DOC_TYPES)


@pytest.mark.parametrize(
    ("stated", "iso"),
    [
        ("2025年8月21日", "2025-08-21"),
        ("2025 年 8 月 21 日", "2025-08-21"),
        ("二〇一七年十月十八日", "2017-10-18"),
        ("二〇二四年五月二十一日", "2024-05-21"),
        ("2025.06.27", "2025-06-27"),
        ("2025-08-26-17:03:52", "2025-08-26"),
        ("2025年1月", "2025-01"),
        ("2021年", "2021"),
        ("2日", None),
        ("2025年2月30日", None),
        (None, None),
    ],
)
def test_iso_date(stated, iso) -> None:
    assert iso_date(stated) == iso


# -- shapes of files the suite does not have ---------------------------------------------------
LAW_EXPORT = """中华人民共和国治安管理处罚法(2025修订） 制定机关：全国人大常委会
发文字号：中华人民共和国主席令第50号
公布日期：2025.06.27
施行日期：2026.01.01
时效性：尚未生效
效力位阶：法律
中华人民共和国主席令
（第五十号）
《中华人民共和国治安管理处罚法》已由中华人民共和国第十四届全国人民代表大会常务委员会第十六次会议于2025年6月27日修订通过，现予公布，自2026年1月1日起施行。
中华人民共和国主席　习近平
2025年6月27日
中华人民共和国治安管理处罚法
第一章　总则
第一条　为了维护社会治安秩序，保障公共安全，制定本法。
第二条　治安管理工作坚持中国共产党的领导。
第一百四十四条　本法自2026年1月1日起施行。
"""

CASE_EXPORT = """张某与李某民间借贷纠纷案
案由：民间借贷纠纷
审理法院：北京市朝阳区人民法院
案号：（2024）京0105民初12345号
审理程序：一审
审结日期：2024.05.20
北京市朝阳区人民法院
民事判决书
（2024）京0105民初12345号
原告张某与被告李某民间借贷纠纷一案，本院于2024年3月1日立案后，公开开庭进行了审理。
本院认为，合法的借贷关系受法律保护。
审判员　王某
二〇二四年五月二十日
"""


def test_shape_of_a_law_exported_from_a_legal_database() -> None:
    """Metadata box: the label glued to the title line is cut off and read."""
    h = extract_header(load_text(LAW_EXPORT, source="law.pdf"))
    assert h.title == "中华人民共和国治安管理处罚法(2025修订）"
    assert (h.date, h.date_iso) == ("2025.06.27", "2025-06-27")
    assert h.issuer == "全国人大常委会" and h.speaker == "全国人大常委会"  # not the signer
    assert h.number == "中华人民共和国主席令第50号"
    assert (h.effective_date_iso, h.doc_type) == ("2026-01-01", "law")
    # without the metadata box, the text itself says as much
    body = extract_header(load_text(LAW_EXPORT.split("\n", 6)[6], source="law.txt"))
    assert body.number == "中华人民共和国主席令第五十号"
    assert body.date_iso == "2025-06-27" and body.effective_date_iso == "2026-01-01"


def test_shape_of_a_court_case_exported_from_a_legal_database() -> None:
    h = extract_header(load_text(CASE_EXPORT, source="case.pdf"))
    assert h.title == "张某与李某民间借贷纠纷案"
    assert (h.date_iso, h.issuer, h.doc_type) == ("2024-05-20", "北京市朝阳区人民法院", "court case")
    assert h.number == "（2024）京0105民初12345号"
    # labels glued on one line, as a PDF's text layer may give them
    glued = CASE_EXPORT.replace("纠纷案\n案由", "纠纷案 案由").replace("法院\n案号", "法院 案号")
    g = extract_header(load_text(glued, source="case.pdf"))
    assert (g.title, g.number, g.issuer) == (h.title, h.number, h.issuer)


POLICY_PAGE = """<html><head><meta charset="utf-8">
<title>国务院关于深入实施“人工智能+”行动的意见_科技_中国政府网</title>
<meta name="firstpublishedtime" content="2025-08-26-17:03:52"></head><body>
<table><tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2025年08月21日</td></tr>
<tr><td><b>标        题：</b></td><td>国务院关于深入实施“人工智能+”行动的意见</td></tr>
<tr><td><b>发文字号：</b></td><td>国发〔2025〕11号</td><td><b>发布日期：</b></td><td>2025年08月26日</td></tr>
</table><div class="content"><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p>为深入实施“人工智能+”行动，推动人工智能与经济社会各行业各领域广泛深度融合，现提出如下意见。</p>
<p>以习近平新时代中国特色社会主义思想为指导，完整准确全面贯彻新发展理念。</p></div></body></html>"""

NEWS_PAGE = """<html><head><meta charset="utf-8">
<title>1-10月全省规模以上工业增加值增长6.1%-湖北省统计局</title>
<meta name="PubDate" content="2025-11-12 08:10"></head><body><div class="c"><h1>1-10月</h1>
<p>11月11日，省委书记王某主持召开省委常委会会议，传达学习习近平总书记重要讲话精神，研究部署贯彻落实工作。</p>
<p>会议指出，习近平总书记的重要讲话，为做好当前工作指明了方向。会议强调，要抓好经济运行。</p>
</div></body></html>"""


def test_shape_of_a_policy_page_with_a_metadata_table() -> None:
    h = extract_header(load_bytes(POLICY_PAGE.encode(), source="page.html"))
    assert h.title == "国务院关于深入实施“人工智能+”行动的意见"
    assert (h.date_iso, h.issuer, h.number) == ("2025-08-21", "国务院", "国发〔2025〕11号")


def test_shape_of_glued_labels_without_a_space() -> None:
    text = (
        "中华人民共和国治安管理处罚法(2025修订)制定机关：全国人大常委会\n"
        "第一条　为了维护社会治安秩序，制定本法。\n第二条　治安管理工作坚持中国共产党的领导。"
    )
    h = extract_header(load_text(text, source="law.pdf"))
    assert h.title == "中华人民共和国治安管理处罚法(2025修订）"
    assert h.issuer == "全国人大常委会"


def test_shape_of_a_statistics_page_titled_by_its_period() -> None:
    """<title>1-10月-湖北省统计局</title>: a period is no title, the first sentence names the topic."""
    page = (
        '<html><head><meta charset="utf-8"><title>1-10月-湖北省统计局</title></head><body><div>'
        "<h1>1-10月</h1><p>1-10月，全省规模以上工业增加值同比增长6.1%，增速比全国高0.2个百分点。</p>"
        "<p>分三大门类看，采矿业增长3.2%，制造业增长6.5%。</p></div></body></html>"
    )
    h = extract_header(load_bytes(page.encode(), source="stats.html"))
    assert h.title == "全省规模以上工业增加值同比增长6.1%"


def test_shape_of_a_news_page() -> None:
    """The page's <title> keeps its range (1-10月…); who presides speaks, not who is studied."""
    h = extract_header(load_bytes(NEWS_PAGE.encode(), source="news.html"))
    assert h.title == "1-10月全省规模以上工业增加值增长6.1%"
    assert h.speaker == "省委书记王某"
    assert (h.date, h.date_iso) == ("11月11日", "2025-11-11")  # the year from the page's PubDate


def test_header_data_files_are_well_formed() -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).parents[2] / "scripts" / "check_summary_data.py"
    res = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


def test_header_rules_file_is_sound() -> None:
    """The patterns of the header are data, checked as `make lint` checks them."""
    import copy
    import importlib.util
    from pathlib import Path

    from policy_cli.core import header

    script = Path(__file__).resolve().parents[2] / "scripts" / "check_header_rules.py"
    spec = importlib.util.spec_from_file_location("check_header_rules", script)
    assert spec is not None and spec.loader is not None
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    assert check.problems() == []
    broken = copy.deepcopy(header.rules_table())
    broken["dates"]["line"] = "(unclosed"
    broken["issuer"]["represent"] = "我代表国务院"  # the code reads its group `who`
    broken["dates"]["iso_cn"] = r"(\d{4})年"  # the code reads year, month and day by number
    broken["number"]["order_head"] = "^[{HAN}]{0,12}{ORDER}$"  # a placeholder nothing fills
    del broken["labels"]["work_report"]
    broken["kind"]["unread"] = "x"
    found = check.problems(broken)
    assert any("[dates] line: does not compile" in p for p in found)
    assert any("represent: no group (?P<who>" in p for p in found)
    assert any("iso_cn: 3 groups expected, 1 found" in p for p in found)
    assert any("order_head: unknown placeholder {ORDER}" in p for p in found)
    assert any("[labels] work_report: missing" in p for p in found)
    assert any("unread: not read" in p for p in found)
    assert "the code reads [labels] work_report" in " ".join(found)  # the code names it too
