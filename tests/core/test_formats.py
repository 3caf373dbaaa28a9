"""Real HTML pages, .docx and .pdf files through the loader, and hostile files refused."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_cli.core import formats
from policy_cli.core.loaders import load_bytes, load_document, sniff_format
from policy_cli.errors import FormatError, InputError, PolicyCliError

from ..conftest import DATA, DOCS

FORMATS = DATA / "formats"
RADICALS = re.compile("[\u2e80-\u2fdf]")


def sentence_recall(plain_path, extracted) -> tuple[float, list[str]]:
    """Share of the plain text's sentences found verbatim in the extracted document."""
    plain = load_document(plain_path)
    missing = [s.text for s in plain.sentences if s.text not in extracted.text]
    return 1 - len(missing) / len(plain.sentences), missing


@pytest.fixture(scope="module")
def ai_pdf():
    return load_document(FORMATS / "state-council-ai-plus-opinion-2025.pdf")


@pytest.fixture(scope="module")
def case_pdf():
    return load_document(FORMATS / "spc-guiding-case-254-2025.pdf")


# --------------------------------------------------------------------------- docx / text


def test_jiangsu_docx_matches_its_plain_text():
    doc = load_document(FORMATS / "local-jiangsu-2025.docx")
    assert doc.format == "docx"
    recall, missing = sentence_recall(DOCS / "local-jiangsu-2025.txt", doc)
    print(f"jiangsu docx: {len(doc.sentences)} sentences, plain-text sentence recall {recall:.4f}")
    assert recall >= 0.98, missing[:5]
    assert [n.text for n in doc.noise] == ["来源：江苏新闻"]


def test_shaoxing_gb18030_matches_its_utf8_text():
    doc = load_document(FORMATS / "local-shaoxing-conference-2023.gb18030.txt")
    assert doc.encoding == "gb18030"
    recall, missing = sentence_recall(DOCS / "local-shaoxing-conference-2023.txt", doc)
    print(f"shaoxing gb18030: sentence recall {recall:.4f}")
    assert recall >= 0.98, missing[:5]


@pytest.mark.parametrize(
    ("name", "first", "last_words"),
    [
        ("local-beijing-2025.docx", "2025年北京市政府工作报告", "奋斗正当时"),
        ("local-sichuan-2025.docx", "2025年四川省政府工作报告", "“制胜”专项行动"),
    ],
)
def test_other_docx_reports(name, first, last_words):
    doc = load_document(FORMATS / name)
    print(f"{name}: {len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences")
    assert doc.paragraphs[0].text == first
    assert last_words in doc.paragraphs[-1].text
    assert [n.reason for n in doc.noise] == ["source/editor line"]
    assert len(doc.paragraphs) > 80


def test_docx_tables_become_rows():
    import docx

    d = docx.Document()
    d.add_heading("附件 重点任务", level=1)
    d.add_paragraph("一、总体要求。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "任务"
    table.cell(0, 1).text = "牵头单位"
    table.cell(1, 0).text = "建设数字政府"
    table.cell(1, 1).text = "市政务服务局"
    d.add_paragraph("二、保障措施。")
    buf = io.BytesIO()
    d.save(buf)
    doc = load_bytes(buf.getvalue(), source="t.docx")
    assert [p.text for p in doc.paragraphs] == [
        "附件 重点任务",
        "一、总体要求。",
        "任务 牵头单位",
        "建设数字政府 市政务服务局",
        "二、保障措施。",
    ]


# --------------------------------------------------------------------------- HTML


def test_govcn_page_title_and_body_without_furniture():
    doc = load_document(FORMATS / "govcn-npcsc-resolution-2007.html")
    lines = [p.text for p in doc.paragraphs]
    print("govcn html:", lines)
    assert lines[0] == (
        "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议"
    )
    assert lines[1] == "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）"
    assert lines[2].endswith("批准2007年末国债余额限额调整为53365.53亿元。")
    assert len(lines) == 3
    for junk in ("首页", "主办单位", "京ICP备", "扫一扫", "字号", "网站标识码"):
        assert junk not in doc.text


def test_sxmu_page_keeps_linked_sentence_and_all_articles():
    doc = load_document(FORMATS / "sxmu-supervision-law-2018.html")
    lines = [p.text for p in doc.paragraphs]
    assert lines[0] == "中华人民共和国监察法"
    # "法律" is a link and "2018" its own element: the sentences must stay whole.
    assert lines[1].endswith("深入开展反腐败工作而制定的法律。")
    assert lines[2] == "2018年3月20日，第十三届全国人大一次会议表决通过了《中华人民共和国监察法》。"
    articles = re.findall(r"^第([一二三四五六七八九十]+)条", doc.text, re.M)
    print(f"sxmu html: {len(lines)} paragraphs, {len(articles)} articles")
    assert len(articles) == 69
    assert lines[-1].endswith("《中华人民共和国行政监察法》同时废止。")
    for junk in ("主办单位", "浏览次数", "添加收藏夹", "设为首页"):
        assert junk not in doc.text


def test_html_declared_gbk_charset_is_honoured():
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>关于做好春耕生产的通知_政务公开</title></head><body><div class=nav><a href=/>首页</a>"
        "</div><div class=content><p>各县区人民政府：</p><p>为切实做好春耕生产，保障粮食安全，"
        "现就有关事项通知如下。</p></div></body></html>"
    ).encode("gb18030")
    doc = load_bytes(page, source="-")
    assert doc.format == "html"
    assert doc.encoding == "gb18030"
    assert [p.text for p in doc.paragraphs] == [
        "关于做好春耕生产的通知",
        "各县区人民政府：",
        "为切实做好春耕生产，保障粮食安全，现就有关事项通知如下。",
    ]


def test_deeply_nested_html_is_refused():
    page = "<html><body>" + "<div>" * 5000 + "文本。" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(FormatError, match="nested"):
        load_bytes(page.encode(), source="deep.html")


@pytest.mark.parametrize(
    ("data", "suffix", "fmt"),
    [
        (b"\n\n<!DOCTYPE html><html><body><p>x</p></body></html>", ".txt", "html"),
        (b"<!-- saved --><html>", "", "html"),
        ("政府工作报告。".encode(), "", "text"),
        (b"%PDF-1.4 ...", ".txt", "pdf"),
        (b"PK\x03\x04....word/document.xml", "", "docx"),
    ],
)
def test_format_sniffed_by_content(data, suffix, fmt):
    assert sniff_format(data, suffix=suffix) == fmt


# --------------------------------------------------------------------------- PDF


def test_state_council_pdf_reads_like_the_document(ai_pdf):
    lines = [p.text for p in ai_pdf.paragraphs]
    print(f"ai-plus pdf: {len(lines)} paragraphs, {len(ai_pdf.sentences)} sentences")
    assert not RADICALS.search(ai_pdf.text)
    assert lines[0] == "国务院关于深入实施“人工智能+”行动的意见"
    assert "国发〔2025〕11号" in lines
    # A paragraph broken over four layout lines comes back as one line.
    assert (
        "为深入实施“人工智能+”行动，推动人工智能与经济社会各行业各领域广泛深度融合，重塑人类生产生活"
        "范式，促进生产力革命性跃迁和生产关系深层次变革，加快形成人机协同、跨界融合、共创分享的智能经"
        "济和智能社会新形态，现提出如下意见。"
    ) in lines
    for heading in ("一、总体要求", "二、加快实施重点行动", "三、强化基础支撑能力", "四、组织实施"):
        assert heading in lines
    assert "（九）强化智能算力统筹" in ai_pdf.text  # page 3 text, header gone
    assert lines[-2:] == ["国务院", "2025年8月21日"]
    # Browser print header/footer and the site's tools are not text of the document.
    for junk in ("2026/5/19", "mee.gov.cn", "1/3", "字号", "仅打印内容"):
        assert junk not in ai_pdf.text
    # Every paragraph ends as a sentence or is a heading: no line cut by the layout.
    cut = [p for p in lines if len(p) > 60 and not p.endswith(("。", "：", "；"))]
    assert not cut


def test_pkulaw_pdf_digits_and_page_breaks_joined(case_pdf):
    text = case_pdf.text
    print(f"guiding-case pdf: {len(case_pdf.paragraphs)} paragraphs; noise:",
          [n.reason for n in case_pdf.noise])
    assert "于2024年7月24日裁定保全福建某体育公司价值人民币27万余元" in text
    assert "其中19万余元系银行账户资金。" in text  # across the page 1/2 break
    assert "事实上，被保全人自愿履行" in text  # across the page 2/3 break
    for junk in ("法宝引证码", "下载日期", "原文链接", "北大法宝", "扫描二维码"):
        assert junk not in text
    assert {n.reason for n in case_pdf.noise} >= {"pkulaw page furniture"}


def test_truncated_pdf_is_a_format_error():
    data = (FORMATS / "spc-guiding-case-254-2025.pdf").read_bytes()
    with pytest.raises(FormatError, match="x.pdf: not a readable PDF"):
        load_bytes(data[: len(data) // 2], source="x.pdf")


def test_pdf_page_and_time_limits(monkeypatch):
    data = (FORMATS / "state-council-ai-plus-opinion-2025.pdf").read_bytes()
    monkeypatch.setattr(formats, "MAX_PDF_PAGES", 2)
    with pytest.raises(FormatError, match="3 pages"):
        formats.pdf_to_text(data)
    monkeypatch.setattr(formats, "MAX_PDF_PAGES", 2000)
    monkeypatch.setattr(formats, "MAX_PDF_SECONDS", -1.0)
    with pytest.raises(FormatError, match="given up"):
        formats.pdf_to_text(data)


def test_pdf_without_text_layer():
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    with pytest.raises(InputError, match="no text layer"):
        load_bytes(buf.getvalue(), source="scan.pdf")


# --------------------------------------------------------------------------- hostile docx


def zip_bomb(size: int = 50 * 2**20) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as fh:
            block = b"\0" * 2**20
            for _ in range(size // len(block)):
                fh.write(block)
    return buf.getvalue()


def test_docx_zip_bomb_refused_before_inflating():
    data = zip_bomb()
    assert len(data) < 200_000
    with pytest.raises(FormatError, match="zip bomb"):
        load_bytes(data, source="bomb.docx")


def test_docx_total_size_limit(monkeypatch):
    monkeypatch.setattr(formats, "MAX_DOCX_UNCOMPRESSED", 100_000)
    data = (FORMATS / "local-jiangsu-2025.docx").read_bytes()
    with pytest.raises(FormatError, match="expands to more than"):
        load_bytes(data, source="big.docx")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("这不是一个压缩文件。".encode(), "not a zip archive"),
        (b"PK\x03\x04" + b"\0" * 100, "not a valid zip"),
    ],
)
def test_docx_that_is_not_a_docx(data, message):
    with pytest.raises(FormatError, match=message):
        load_bytes(data, source="fake.docx")


def test_zip_without_word_document():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(FormatError, match="word/document.xml"):
        load_bytes(buf.getvalue(), source="x.docx")


# --------------------------------------------------------------------------- fuzz

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"<?xml version='1.0'?>"]),
    st.binary(max_size=400),
)
def test_arbitrary_bytes_in_a_format_raise_only_policy_errors(head, body):
    try:
        load_bytes(head + body, source="fuzz")
    except PolicyCliError:
        pass


def test_docx_text_box_read_once():
    # Word 2010+ writes a text box (a plan's 专栏) twice: as a drawing (mc:Choice) and as a VML
    # shape for older readers (mc:Fallback); its text is the document's once
    import docx
    from docx.oxml import parse_xml

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>专栏1　数字经济核心产业增加值占比达到12%</w:t></w:r></w:p></w:txbxContent>"
    boxed = parse_xml(
        f'<w:p {ns}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}'
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    d = docx.Document()
    d.add_paragraph("某某市人民政府关于加快数字经济发展的实施意见")
    d.element.body.sectPr.addprevious(boxed)
    d.add_paragraph("到2027年，全市数字经济规模突破1万亿元。")
    buf = io.BytesIO()
    d.save(buf)
    doc = load_bytes(buf.getvalue(), source="box.docx")
    assert doc.text.count("数字经济核心产业增加值占比达到12%") == 1
    assert "突破1万亿元" in doc.text


def test_html_title_from_the_heading_when_the_page_title_is_the_site_name():
    # a county site titles every page with its own name; the document's title is its <h1>,
    # outside the container of the text (a sibling of div.TRS_Editor)
    title = "某某市人民政府关于印发促进民营经济高质量发展若干措施的通知"
    page = (
        "<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        "<div class='top'><a href='/'>首页</a><a href='/x'>政务公开</a></div>"
        "<h1 class='logo'>某某市人民政府</h1>"
        "<div class='title'><{h}>" + title + "</{h}></div>"
        "<div class='TRS_Editor'><p>各县（市、区）人民政府，市各委办局：</p>"
        "<p>现将《某某市促进民营经济高质量发展若干措施》印发给你们，请认真贯彻执行。</p>"
        "<p>一、持续优化民营经济发展环境。全面落实公平竞争审查制度，破除市场准入壁垒。</p>"
        "<p>二、加大对民营经济政策支持力度。完善融资支持政策制度，强化用地用能保障。</p>"
        "</div></body></html>"
    )
    site = page.format(title="某某市人民政府门户网站", h="h1").encode()
    assert load_bytes(site, source="notice.html").paragraphs[0].text == title
    # a site's logo in an <h1> is no title (…门户网站; the site named in <title>)
    logo = (
        "<html><head><meta charset='utf-8'><title>政策解读 - 某某市人民政府</title></head><body>"
        "<h1 class='logo'>某某市人民政府门户网站</h1><h1>某某市人民政府办公室</h1>"
        "<div class='TRS_Editor'><p>各县（市、区）人民政府，市各委办局：</p>"
        + "<p>为促进民营经济发展壮大，现就有关政策解读如下，请认真贯彻执行。</p>" * 4
        + "</div></body></html>"
    ).encode()
    assert load_bytes(logo, source="read.html").paragraphs[0].text == "政策解读"
    # a page whose <title> names the document keeps it (its only <h1> is the site's logo)
    named = page.format(title="关于印发若干措施的通知_某某市人民政府门户网站", h="h2").encode()
    assert load_bytes(named, source="notice.html").paragraphs[0].text == "关于印发若干措施的通知"


def test_pdf_running_header_that_repeats_the_title_leaves_the_title():
    # every page's header is the title at 9 pt; the first page also sets it at 20 pt above
    # its number: the header goes, the title stays
    title = "国务院关于推动内河航运高质量发展的意见"

    def line(y, text, size=12.0):
        return formats._Line(y=y, x=90.0, end=90.0 + size * len(text), size=size, text=text)

    def page(n, *body):
        return [line(800, title, 9.0), *body, line(40, f"— {n} —", 9.0)]

    pages = [
        page(1, line(760, title, 20.0), line(730, "国发〔2025〕5号"), line(700, "正文一。")),
        page(2, line(760, "正文二。"), line(730, "正文三。")),
        page(3, line(760, "正文四。"), line(730, "正文五。")),
    ]
    kept = [[x.text for x in p] for p in formats._drop_running_lines(pages)]
    assert kept == [[title, "国发〔2025〕5号", "正文一。"], ["正文二。", "正文三。"], ["正文四。", "正文五。"]]


def test_pdf_paragraphs_indented_with_ideographic_spaces():
    # the official style indents a paragraph with two U+3000 typed into its first line: the
    # line starts two characters in, so a full line ending a sentence is no line cut short
    size, left = 16.0, 90.0

    def line(y, text):
        return formats._make_line([[(y, left, size, text)]])

    first = "\u3000\u3000（二）实施“智能制造赋能”行动。推动“智改数转网联”，每"
    lines = [
        line(700, first),
        line(680, "年实施智能化改造项目500个以上，培育一批智能制造系统解决方案供"),
        line(660, "应商，推广应用工业互联网平台，建设省级智能工厂20家以上。"),
        line(640, "\u3000\u3000（三）实施“数据要素赋值”行动。完善公共数据授权运营机"),
        line(620, "制，培育数据交易市场，探索数据资产入表，建设城市数据空间，让"),
        line(600, "数据资源更好服务实体经济。"),
    ]
    assert lines[0].x == left + 2 * size
    joined = formats._join_lines([lines])
    assert [p[:4] for p in joined] == ["（二）实", "（三）实"]
    assert "运营机制" in joined[1]


def test_html_paragraph_of_one_link_inside_the_article_is_kept():
    # 附件：<a>项目表.pdf</a> and a heading that links its part are the article's own lines; a
    # bar of several links inside the container is no part of it
    body = "".join(f"<p>第{k}条 推进内河航运高质量发展，完善航道网络，提升港口功能。</p>" for k in range(8))
    page = (
        "<html><head><meta charset='utf-8'><title>国务院关于推动内河航运高质量发展的意见</title>"
        f"</head><body><div class='article'>{body}"
        "<p>（一）<a href='/y'>加快建设现代化内河航运体系</a></p>"
        "<p>附件：<a href='fj.pdf'>内河航运重点项目表.pdf</a></p>"
        "<p><a href='/p'>上一篇</a> <a href='/n'>下一篇</a> <a href='/'>返回首页</a></p>"
        "</div></body></html>"
    ).encode()
    text = load_bytes(page, source="opinion.html").text
    assert "（一）加快建设现代化内河航运体系" in text and "附件：内河航运重点项目表.pdf" in text
    assert "上一篇" not in text


def test_html_page_with_only_menus_is_refused():
    # a page that loads its article by script: its menus and footer, no sentence
    page = (
        "<html><head><meta charset='utf-8'><title>某某市人民政府门户网站</title>"
        "<script src='/js/app.js'></script></head><body>"
        "<ul class='nav'><li>首页</li><li>政务公开</li><li>政务服务</li><li>互动交流</li></ul>"
        "<div id='app'></div><div class='footer'>主办单位：某某市人民政府办公室</div></body></html>"
    ).encode()
    with pytest.raises(InputError, match="no article text in the page"):
        load_bytes(page, source="app.html")
    # a notice of one title and its attachment is an article, however short
    notice = (
        "<html><head><meta charset='utf-8'><title>公示_某某省科学技术厅</title></head><body>"
        "<h1>关于2024年度省级科技计划项目拟立项名单的公示</h1><div class='info'>发布时间：2024-05-06</div>"
        "<div class='content'><p>附件：<a href='list.xlsx'>拟立项名单.xlsx</a></p></div></body></html>"
    ).encode()
    assert load_bytes(notice, source="notice.html").paragraphs[0].text.startswith("关于2024年度")


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# a list of Word's numbering (numId 90): 一、 at level 0, （一） at level 1
CHINESE_LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl>'
)


def _docx_with_list(levels: str = CHINESE_LEVELS):
    """A new .docx whose numbering part holds list 90 of these levels."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="90">{levels}</w:abstractNum>'
    ))
    numbering.append(
        parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    return d


def test_docx_automatic_numbering_is_read():
    # headings numbered by Word (一、 and （一）), not typed: the numbers live in the numbering
    # part; the text reads as the page shows it
    from docx.oxml import parse_xml

    w = W_NS
    d = _docx_with_list()

    def numbered(text: str, level: int) -> None:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
        ))

    d.add_paragraph("各位代表：")
    numbered("2024年工作回顾", 0)
    d.add_paragraph("过去一年，全省地区生产总值增长5.8%。")
    numbered("2025年重点工作", 0)
    numbered("着力扩大内需", 1)
    numbered("着力发展新质生产力", 1)
    numbered("2025年政府自身建设", 0)
    numbered("全面加强政府党的建设", 1)
    buf = io.BytesIO()
    d.save(buf)
    lines = load_bytes(buf.getvalue(), source="report.docx").text.split("\n")
    assert lines[1:] == [
        "一、2024年工作回顾", "过去一年，全省地区生产总值增长5.8%。", "二、2025年重点工作",
        "（一）着力扩大内需", "（二）着力发展新质生产力", "三、2025年政府自身建设",
        "（一）全面加强政府党的建设",
    ]


def test_docx_footnotes_are_read_after_the_text():
    # a plan explains its codes in footnotes: their text follows the document's (not the
    # separator lines Word keeps as notes of their own)
    import docx

    d = docx.Document()
    d.add_paragraph("深入实施“1310”具体部署，推动高质量发展。")
    buf = io.BytesIO()
    d.save(buf)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {w}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>“1310”具体部署：即锚定一个目标，聚焦三大任务，'
        "实施十项重点工程。</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>"
                ))
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'
                ))
            dst.writestr(item, data)
        dst.writestr("word/footnotes.xml", notes)
    lines = load_bytes(out.getvalue(), source="plan.docx").text.split("\n")
    assert lines == [
        "深入实施“1310”具体部署，推动高质量发展。",
        "“1310”具体部署：即锚定一个目标，聚焦三大任务，实施十项重点工程。",
    ]


def test_html_data_table_rows_are_lines():
    # a table of figures is read a row a line, as a .docx's (its cells one a line lost which
    # figure is of which year); a page's metadata table stays label by value
    rows = "".join(
        f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>"
        for a, b, c in (("指标", "2024年", "2027年"), ("高等级航道里程（万公里）", "1.8", "2.5"))
    )
    page = (
        "<html><head><meta charset='utf-8'><title>关于推动内河航运高质量发展的意见</title></head><body>"
        "<table><tr><td>发文机关：</td><td>国务院</td></tr></table><div class='content'>"
        + "<p>推进长江干线、西江航运干线等航道整治，完善航道网络，提升港口功能。</p>" * 6
        + f"<table>{rows}</table></div></body></html>"
    ).encode()
    doc = load_bytes(page, source="opinion.html")
    assert "指标 2024年 2027年\n高等级航道里程（万公里） 1.8 2.5" in doc.text
    assert ("发文机关", "国务院") in doc.meta


def test_docx_numbering_switched_off_and_numbered_table_paragraphs():
    # numId 0 on a paragraph of a numbered style: no number there (what Word writes when the
    # user turns it off); a numbered paragraph in a table counts in the list as Word counts it
    from docx.oxml import parse_xml

    w = W_NS
    d = _docx_with_list()
    d.styles.element.append(parse_xml(
        f'<w:style {w} w:type="paragraph" w:styleId="H1num"><w:name w:val="H1num"/>'
        '<w:pPr><w:numPr><w:numId w:val="90"/></w:numPr></w:pPr></w:style>'
    ))

    def para(text, *, style=None, num=None, cell=None):
        p = cell.paragraphs[0] if cell is not None else d.add_paragraph()
        p.text = text
        ppr = p._p.get_or_add_pPr()
        if style:
            ppr.append(parse_xml(f'<w:pStyle {w} w:val="{style}"/>'))
        if num is not None:
            ppr.append(parse_xml(
                f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
            ))

    para("总体要求", style="H1num")
    para("本段使用标题样式但取消了编号。", style="H1num", num=0)
    para("主要任务", style="H1num")
    para("表格中的一项", num=90, cell=d.add_table(rows=1, cols=1).rows[0].cells[0])
    para("表格后的一项", num=90)
    buf = io.BytesIO()
    d.save(buf)
    lines = load_bytes(buf.getvalue(), source="plan.docx").text.split("\n")
    assert lines == ["一、总体要求", "本段使用标题样式但取消了编号。", "二、主要任务", "表格中的一项",
                     "四、表格后的一项"]


def test_docx_wrapped_moved_hyphenated_boxed_and_imported_text():
    """Structures Word and converters write (an audit's finds): a table cell's text inside a
    content control and a body paragraph inside custom XML are read (they were dropped); a
    tracked move's source is not read twice; a non-breaking hyphen is a hyphen (2021‑2025 read
    as 20212025); the text after a text box goes on on a line of its own; content a converter
    imports whole (w:altChunk, an HTML page) is read where it stands."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    )

    def run(text: str) -> str:
        return f"<w:r><w:t>{text}</w:t></w:r>"

    d = docx.Document()
    d.add_paragraph("某某市2025年政府工作报告")
    html = "<html><body><p>我们坚持“两个毫不动摇”，推进“三大行动”。</p></body></html>"
    part = Part(PackURI("/word/chunk1.html"), "text/html", html.encode("utf-8"), d.part.package)
    rid = d.part.relate_to(part, RELATIONSHIP_TYPE.A_F_CHUNK)
    body = [
        f'<w:tbl {ns}><w:tr><w:tc><w:sdt><w:sdtContent><w:p>{run("城镇调查失业率")}</w:p>'
        f'</w:sdtContent></w:sdt></w:tc><w:tc><w:p>{run("5.5%以内")}</w:p></w:tc></w:tr></w:tbl>',
        f'<w:customXml {ns} w:element="x"><w:p>{run("自定义XML里的段落。")}</w:p></w:customXml>',
        f'<w:p {ns}><w:moveFrom w:id="1" w:author="a">{run("被移走的句子。")}</w:moveFrom></w:p>',
        f'<w:p {ns}><w:moveTo w:id="2" w:author="a">{run("被移走的句子。")}</w:moveTo></w:p>',
        f'<w:p {ns}>{run("“十四五”规划（2021")}<w:r><w:noBreakHyphen/></w:r>{run("2025年）")}</w:p>',
        f'<w:p {ns}><w:r><w:drawing><w:txbxContent><w:p>{run("专栏1 十大工程")}</w:p>'
        f'</w:txbxContent></w:drawing></w:r>{run("之后的正文。")}</w:p>',
        f'<w:altChunk {ns} r:id="{rid}"/>',
    ]
    # a .docx imported whole, and one that is broken (skipped: the document stays readable)
    inner = docx.Document()
    inner.add_paragraph("导入文档中的段落：推进“三大行动”。")
    inner_buf = io.BytesIO()
    inner.save(inner_buf)
    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    imports = [(inner_buf.getvalue(), docx_type), (b"PK\x03\x04 broken", docx_type),
               (b"\x00\x01\x02 not a page", "text/html")]
    for k, (blob, kind) in enumerate(imports):
        chunk = Part(PackURI(f"/word/chunk{k + 2}.bin"), kind, blob, d.part.package)
        body.append(f'<w:altChunk {ns} r:id="{d.part.relate_to(chunk, RELATIONSHIP_TYPE.A_F_CHUNK)}"/>')
    for xml in body:
        d.element.body.sectPr.addprevious(parse_xml(xml))
    buf = io.BytesIO()
    d.save(buf)
    lines = load_bytes(buf.getvalue(), source="rich.docx").text.splitlines()
    assert "导入文档中的段落：推进“三大行动”。" in lines
    # one part imported again and again is read once (a hundred references were a hundred
    # copies: 300 M characters from a 1.8 MB file)
    again = docx.Document(io.BytesIO(buf.getvalue()))
    rid = next(r for r, rel in again.part.rels.items() if rel.reltype == RELATIONSHIP_TYPE.A_F_CHUNK)
    for _ in range(100):
        again.element.body.sectPr.addprevious(parse_xml(f'<w:altChunk {ns} r:id="{rid}"/>'))
    buf2 = io.BytesIO()
    again.save(buf2)
    text = load_bytes(buf2.getvalue(), source="again.docx").text
    assert text.count("我们坚持“两个毫不动摇”") == 1
    assert "城镇调查失业率\t5.5%以内" in lines or "城镇调查失业率 5.5%以内" in lines, lines
    assert "自定义XML里的段落。" in lines
    assert sum(line.count("被移走的句子") for line in lines) == 1
    assert "“十四五”规划（2021-2025年）" in lines
    assert "之后的正文。" in lines
    assert "我们坚持“两个毫不动摇”，推进“三大行动”。" in lines


def _pdf_of_lines(lines: list[tuple[float, float, str]]) -> bytes:
    """A one-page PDF of lines of text at 12 pt, each at (x, y) in points, set in the standard
    Chinese font STSong-Light with the UCS-2 CMap (no font embedded: the text layer is all a
    reader of the text needs)."""
    objects = [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
        b" /DescendantFonts [2 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>",
    ]
    stream = "\n".join(
        f"BT /F1 12 Tf {x} {y} Td <{text.encode('utf-16-be').hex()}> Tj ET" for x, y, text in lines
    ).encode()
    objects += [
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Page /Parent 5 0 R /MediaBox [0 0 595 842] /Resources << /Font"
        b" << /F1 1 0 R >> >> /Contents 3 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Catalog /Pages 5 0 R >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref
    )
    return out


def test_a_pdf_page_of_two_columns_is_read_column_by_column():
    # two columns side by side share their baselines: read line by line across the page, each
    # line of the first column was glued to the line of the second beside it (an audit's
    # two-column PDF gave 房地染防治攻坚战); the title set across both is read first
    first = ["一、过去一年工作回顾", "过去一年，全市经济运行稳中向好，", "地区生产总值增长百分之六，城镇新",
             "增就业十二万人，居民收入稳步增长。", "我们坚持稳中求进工作总基调，完整",
             "准确全面贯彻新发展理念，加快构建"]
    second = ["新发展格局，开放水平稳步提升。", "二、今年工作安排", "今年经济社会发展的主要预期目标是：",
              "地区生产总值增长百分之五左右，城", "镇调查失业率百分之五点五左右。我",
              "们要真抓实干，完成全年目标任务。"]
    lines = [(225.0, 800.0, "某市政府工作报告")]
    lines += [(60.0, 760.0 - 20 * i, text) for i, text in enumerate(first)]
    lines += [(310.0, 760.0 - 20 * i, text) for i, text in enumerate(second)]
    doc = load_bytes(_pdf_of_lines(lines), source="two.pdf")
    text = doc.text
    assert text.startswith("某市政府工作报告\n")
    for sentence in ("地区生产总值增长百分之六，城镇新增就业十二万人，居民收入稳步增长。",
                     "加快构建新发展格局，开放水平稳步提升。",
                     "地区生产总值增长百分之五左右，城镇调查失业率百分之五点五左右。"):
        assert sentence in text, text
    assert text.index("居民收入稳步增长") < text.index("今年经济社会发展")
    from policy_cli.core.targets import extract_targets

    assert ("国内生产总值增长", "5%左右") in {(t.canonical, t.value) for t in extract_targets(doc)}


def test_a_pdf_of_short_paragraphs_keeps_them_apart():
    # where most paragraphs are one line long, most lines start at the indent: the margin is the
    # leftmost place lines often start at, not the commonest (a paragraph that filled its one
    # line ran on into the next one: …重要进展。到二〇三五年…)
    rows = [
        (84, "到二〇二〇年，乡村振兴取得重要进展，制度框架基本形成。"),
        (84, "到二〇三五年，乡村振兴取得决定性进展，农业现代化实现。"),
        (84, "坚持农业农村优先发展，坚持农民主体地位，坚持乡村全面"),
        (60, "振兴，坚持城乡融合发展，坚持人与自然和谐共生。"),
        (84, "到二〇五〇年，乡村全面振兴，农业强农村美农民富实现。"),
        (84, "深化农村土地制度改革，完善承包地三权分置制度，保持土"),
        (60, "地承包关系稳定并长久不变。"),
        (84, "健全自治法治德治相结合的乡村治理体系，确保乡村社会安"),
        (60, "定有序。"),
    ]
    lines = [(float(x), 760.0 - 20 * i, text) for i, (x, text) in enumerate(rows)]
    text = load_bytes(_pdf_of_lines(lines), source="short.pdf").text
    assert text.splitlines() == [
        "到二〇二〇年，乡村振兴取得重要进展，制度框架基本形成。",
        "到二〇三五年，乡村振兴取得决定性进展，农业现代化实现。",
        "坚持农业农村优先发展，坚持农民主体地位，坚持乡村全面振兴，坚持城乡融合发展，坚持人与自然和谐共生。",
        "到二〇五〇年，乡村全面振兴，农业强农村美农民富实现。",
        "深化农村土地制度改革，完善承包地三权分置制度，保持土地承包关系稳定并长久不变。",
        "健全自治法治德治相结合的乡村治理体系，确保乡村社会安定有序。",
    ], text


def test_a_scan_with_page_numbers_only_is_said_to_be_a_scan():
    # a scanned report whose producer typed its page numbers: no text but them, the same advice
    # as a scan without any (it was "no text in the document")
    with pytest.raises(PolicyCliError, match="no text layer"):
        load_bytes(_pdf_of_lines([(290.0, 30.0, "- 1 -")]), source="scan.pdf")
