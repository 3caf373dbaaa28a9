"""Loading real documents in every encoding, and refusing bad input with InputError."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_cli.core.loaders import decode_bytes, load_bytes, load_document, load_text, sniff_format
from policy_cli.errors import EncodingError, FormatError, InputError, PolicyCliError

from ..conftest import DOCS, EXAMPLES, FOUNDING

SHAOXING = DOCS / "local-shaoxing-conference-2023.txt"


def test_founding_example_loads_with_offsets():
    doc = load_document(FOUNDING)
    assert doc.encoding == "utf-8"
    assert len(doc.paragraphs) == 7
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    # half-width commas of the source are widened so sentences read as Chinese
    assert "2日上午，“忠诚担当谱新篇 实干争先开新局”" in doc.text
    assert "未来城市客厅（一馆四中心）" in doc.text


def test_closing_quote_stays_with_its_sentence():
    doc = load_bytes("他说：“要干。”然后走了。".encode(), source="x.txt")
    assert [s.text for s in doc.sentences] == ["他说：“要干。”", "然后走了。"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "gb18030", "gbk", "gb2312"])
def test_encodings_are_detected(encoding):
    text = SHAOXING.read_text(encoding="utf-8")
    data = text.encode(encoding)
    doc = load_bytes(data, source="shaoxing.txt")
    assert "奋战一季度、夺取开门红" in doc.text
    assert load_document(SHAOXING).text == doc.text


def test_short_gbk_text_is_detected():
    data = "坚持稳中求进工作总基调，推动高质量发展。".encode("gbk")
    text, used = decode_bytes(data)
    assert text.startswith("坚持稳中求进") and used == "gb18030"


def test_forced_encoding_and_unknown_encoding():
    data = "高质量发展".encode("gb18030")
    assert load_bytes(data, encoding="gb18030").text == "高质量发展"
    with pytest.raises(EncodingError, match="--encoding"):
        load_bytes(data, encoding="no-such-codec")
    with pytest.raises(EncodingError, match="--encoding"):
        load_bytes("高质量发展".encode("gb18030"), encoding="utf-8")


def test_crlf_fullwidth_spaces_zero_width_and_controls_are_normalised():
    raw = "\u3000\u3000第一段\u200b内容。\r\n\r\n第二段\x07，(括号)内容;结束\r\n"
    doc = load_bytes(raw.encode(), source="x.txt")
    assert doc.text == "第一段内容。\n第二段，（括号）内容；结束"
    assert len(doc.paragraphs) == 2


def test_numbers_and_urls_keep_their_ascii_punctuation():
    doc = load_bytes("增长1,200万人，见http://example.org(说明)。".encode())
    assert "1,200万人" in doc.text and "http://example.org" in doc.text


@pytest.mark.parametrize(
    ("data", "suffix", "message"),
    [
        (b"", ".txt", "empty"),
        (b"   \n\t\n", ".txt", "empty"),
        (b"abc\x00\x01\x02def\x00", ".txt", "binary"),
        (bytes(range(256)) * 8, ".bin", "binary"),
        (b"this is not a pdf", ".pdf", "not a PDF"),
        (b"this is not a docx", ".docx", "not a .docx"),
    ],
)
def test_bad_bytes_raise_input_error(data, suffix, message):
    with pytest.raises(InputError, match=message):
        load_bytes(data, source=f"bad{suffix}")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(codec):
    # a Windows export without its BOM: the NUL bytes of its ASCII say which half is high
    text = FOUNDING.read_text(encoding="utf-8")
    assert decode_bytes(text.encode(codec)) == (text, codec)
    # random bytes with NULs read as UTF-16 hold characters no Chinese text has: still binary
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary"):
        decode_bytes("policy 2025".encode(codec))  # no Chinese: no document of ours
    # a Chinese text of few ASCII characters: its NULs are the low halves of 一 (U+4E00) and
    # 最 (U+6700), on the other parity than ASCII's
    short = "奋战一季度，夺取开门红。一是抓项目，最要紧的是落实。\n"
    assert decode_bytes(short.encode(codec)) == (short, codec)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        load_document(tmp_path)


def test_undecodable_bytes_name_the_encoding_option():
    data = bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 50 + b"\xff" * 40
    with pytest.raises(PolicyCliError):
        load_bytes(data, source="x.txt")


def test_sniff_format_by_content():
    assert sniff_format(b"%PDF-1.4 ...", suffix=".txt") == "pdf"
    assert sniff_format(b"<!DOCTYPE html><html>", suffix="") == "html"
    assert sniff_format(codecs.BOM_UTF8 + b"\n <html><body>", suffix=".txt") == "html"
    assert sniff_format("各位代表".encode(), suffix="") == "text"
    with pytest.raises(FormatError):
        sniff_format(b"\xd0\xcf\x11\xe0 old word", suffix=".doc")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_policy_errors(data):
    try:
        doc = load_bytes(data, source="fuzz")
    except PolicyCliError:
        return
    assert doc.text.strip()
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_raises_only_policy_errors(text):
    try:
        doc = load_bytes(text.encode("utf-8"), source="fuzz.txt")
    except PolicyCliError:
        return
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text


def test_a_line_without_sentence_ends_is_cut_into_sentences_of_bounded_length():
    from policy_cli.core.loaders import load_text
    from policy_cli.core.normalize import MAX_SENTENCE_CHARS

    clause = "实施“蓝天”工程推动高质量发展投资增长10%"
    text = "，".join([clause] * 4000) + "。最后一句。"
    doc = load_text(text, source="t")
    assert max(len(s.text) for s in doc.sentences) <= MAX_SENTENCE_CHARS
    assert "".join(s.text for s in doc.sentences) == text  # cut at clause marks, nothing lost
    assert all(s.text.endswith(("，", "。")) for s in doc.sentences)
    assert doc.sentences[-1].text == "最后一句。"
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)
    # no clause mark at all: cut at the limit
    doc = load_text("字" * (MAX_SENTENCE_CHARS * 2 + 5), source="t")
    assert [len(s.text) for s in doc.sentences] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]


def test_a_long_sentence_keeps_its_own_end_marks():
    from policy_cli.core.loaders import load_text
    from policy_cli.core.normalize import MAX_SENTENCE_CHARS

    doc = load_text("发" * MAX_SENTENCE_CHARS + "。”下一句。", source="t")
    assert [s.text for s in doc.sentences] == ["发" * MAX_SENTENCE_CHARS + "。”", "下一句。"]


def test_binary_means_control_characters_other_than_whitespace_and_replacement_marks():
    """A text is binary past max(8, 1/50 of it) control characters that are no whitespace
    (\\t \\n \\v \\f \\r are whitespace) or U+FFFD: eight of them pass, nine do not."""
    text = "国务院关于实施“人工智能+”行动的意见。"
    spaced = (text + "\t\v\f\r\n") * 20
    assert load_bytes(spaced.encode(), source="ok.txt").text
    for bad in ("\x01", "\x08", "\x0e", "\x1b", "\x1f", "\ufffd"):  # (NUL: a binary file)
        assert load_bytes((text + bad * 8).encode(), source="ok.txt").text
        with pytest.raises(InputError, match="binary"):
            load_bytes((text + bad * 9).encode(), source="bad.txt")


def test_formulations_are_listed_as_the_document_prints_them():
    # the Guangxi report of 2025 prints half-width brackets: analysed widened, listed as printed,
    # in the formulation, its context and the table's snippet
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.serialize import formulation_section, formulation_to_dict

    doc = load_document(DOCS / "provinces-2025" / "guangxi.txt")
    assert len(doc.printed) == len(doc.text) and "中柬（北海）产业园" in doc.text
    found = {f.text: f for f in extract_formulations(doc)}
    # analysed, counted and compared as analysed; shown as printed
    park = found["中柬（北海）产业园"]
    assert park.shown == park.printed == "中柬(北海)产业园" and park.count == 2
    assert all("中柬(北海)产业园" in c for c in park.contexts)
    assert doc.text.startswith(park.text, park.first_offset)
    assert formulation_to_dict(park)["text"] == "中柬(北海)产业园"
    row = formulation_section(doc, [park], title="t").rows[0]
    # (the snippet says it as ～, the words around it as printed)
    assert "～" in row["context"]
    said = row["context"].strip("…").replace("～", "中柬(北海)产业园")
    assert row["text"] == "中柬(北海)产业园" and said in doc.shown_text
    # (a file gets the whole sentence, as printed)
    whole = formulation_section(doc, [park], title="t", marked=False).rows[0]["context"]
    assert "中柬(北海)产业园" in whole and whole in doc.shown_text
    # a formulation printed as analysed shows its text
    plain = found["新质生产力"]
    assert plain.printed == "" and plain.shown == "新质生产力"


def test_printed_text_follows_the_noise_cut_and_is_empty_where_nothing_differs(tmp_path):
    # a source line cut as furniture before a line with half-width marks: the printed text is cut
    # the same way; a document printed as analysed stores no second text
    path = tmp_path / "a.txt"
    path.write_text("来源：新华社\n推进中柬(北海)产业园建设,扩大开放.\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.text == "推进中柬（北海）产业园建设，扩大开放."
    assert doc.printed == "推进中柬(北海)产业园建设,扩大开放."
    path.write_text("推进中柬（北海）产业园建设。\n", encoding="utf-8")
    assert load_document(path).printed == ""


def test_utf8_with_a_stray_or_cut_byte_is_read_and_said_so():
    # one stray byte, or a download cut inside the last character: the other 17,000 characters
    # are a report; the bad bytes are replaced and the document says so
    data = (EXAMPLES / "gwr-2022.txt").read_bytes()
    for damaged in (data[:5000] + b"\x80" + data[5000:], data[:-1]):
        doc = load_bytes(damaged, source="gwr.txt")
        assert doc.encoding == "utf-8"  # a codec's name; the notes say what was replaced
        assert any("1 byte not UTF-8" in n for n in doc.notes)
        assert "国内生产总值增长5.5%左右" in doc.text
    # a short text cut inside its last character too
    short = data.decode("utf-8")[:300].encode("utf-8")[:-1]
    assert any("1 byte not UTF-8" in n for n in load_bytes(short, source="gwr.txt").notes)
    # GB18030 is no damaged UTF-8: it is detected as itself
    gb = load_bytes(data.decode("utf-8").encode("gb18030"), source="gwr.txt")
    assert gb.encoding == "gb18030" and not gb.notes
    # naming UTF-8 asks for it strictly
    with pytest.raises(PolicyCliError, match="not valid utf-8"):
        load_bytes(data[:-1], source="gwr.txt", encoding="utf-8")


def test_gbk_with_a_stray_or_cut_byte_is_read_and_said_so():
    # a GBK report cut inside its last character or with one stray byte: read as GB18030 (its
    # superset), the bad bytes replaced and said so, as for UTF-8 (it was "cannot tell")
    data = (EXAMPLES / "gwr-2022.txt").read_text(encoding="utf-8").encode("gbk")
    for damaged in (data[:5000] + b"\xff" + data[5000:], data[:-1]):
        doc = load_bytes(damaged, source="gwr.txt")
        assert doc.encoding == "gb18030"
        assert any("1 byte not GB18030" in n for n in doc.notes), doc.notes
        assert "国内生产总值增长5.5%左右" in doc.text
    # bytes that are no text in any encoding are still refused
    with pytest.raises(PolicyCliError):
        load_bytes(bytes(range(128, 256)) * 40, source="x.txt")


def test_hard_wrapped_text_is_read_as_paragraphs():
    # pdftotext's output or a text copied from a PDF viewer: every line cut at one width,
    # whatever the sentence (here gwr-2022 at 33 characters a line)
    from policy_cli.core.loaders import load_text
    from policy_cli.core.targets import extract_targets

    text = (EXAMPLES / "gwr-2022.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    wrapped = "\n".join("\n".join(p[i : i + 33] for i in range(0, len(p), 33)) for p in paragraphs)
    original, doc = load_text(text, source="o.txt"), load_text(wrapped, source="w.txt")
    assert {s.text for s in doc.sentences} == {s.text for s in original.sentences}
    crlf = load_text(wrapped.replace("\n", "\r\n"), source="w.txt")  # as Windows tools write it
    assert {s.text for s in crlf.sentences} == {s.text for s in original.sentences}
    assert len(doc.paragraphs) < 1.2 * len(original.paragraphs)
    assert [t.value for t in extract_targets(doc)] == [t.value for t in extract_targets(original)]
    # a list of short lines of much the same length is no wrapped text
    names = "他们是：\n" + "\n".join(f"某国总统 某某{k}" for k in range(20))
    assert load_text(names, source="n.txt").text.count("\n") == 20


def test_hard_wrapped_text_in_a_web_page_is_read_as_paragraphs():
    # a text file pasted into a page's <pre>: its lines are joined into the paragraphs they cut,
    # as in a hard-wrapped text file (the <pre> was one line with a space wherever a line
    # ended); the rows of a table of one width stay rows (only a <pre> is unwrapped)
    text = (EXAMPLES / "gwr-2022.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()][:30]
    lines = [p[i : i + 33] for p in paragraphs for i in range(0, len(p), 33)]
    original = {s.text for s in load_text("\n".join(paragraphs), source="o.txt").sentences}
    page = f"<html><head><meta charset='utf-8'></head><body><pre>{chr(10).join(lines)}</pre></body></html>"
    doc = load_bytes(page.encode("utf-8"), source="w.html")
    assert {s.text for s in doc.sentences} == original
    assert len(doc.paragraphs) < 1.2 * len(paragraphs)
    rows = "".join(
        f"<tr><td>{k:02d}</td><td>2025年重点项目第{k:02d}号建设工程</td><td>{k}.5亿元</td></tr>"
        for k in range(1, 25)
    )
    table = f"<html><head><meta charset='utf-8'></head><body><table>{rows}</table></body></html>"
    assert len(load_bytes(table.encode("utf-8"), source="t.html").paragraphs) == 24


def test_a_line_of_zero_width_characters_inside_a_sentence_is_no_break():
    # a web page's empty element holding a zero-width space, every so many characters wherever
    # the sentence is (the background corpus's work reports of 2017 and 2021: 上海合|作组织峰会,
    # 达到74.4|万亿元): the two lines are one sentence, as the page shows them
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.loaders import load_text
    from policy_cli.core.targets import extract_targets

    text = (EXAMPLES / "gwr-2022.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    broken = "\n".join(
        "\n\u200b\n".join(p[i : i + 97] for i in range(0, len(p), 97)) for p in paragraphs
    )
    original, doc = load_text(text, source="o.txt"), load_text(broken, source="b.txt")
    assert broken.count("\u200b") > 100
    assert {s.text for s in doc.sentences} == {s.text for s in original.sentences}
    assert [t.value for t in extract_targets(doc)] == [t.value for t in extract_targets(original)]
    assert [f.text for f in extract_formulations(doc)] == [
        f.text for f in extract_formulations(original)
    ]
    # where the line before ends a sentence or is a heading, or the line after opens indented,
    # it is a break between paragraphs, as a blank line is
    kept = load_text(
        "一、政府工作回顾\n\u200b\n过去一年，经济平稳运行。\n\u200b\n今年要稳中求进，\n"
        "\u200b\n\u3000\u3000扎实推进各项工作。",
        source="k.txt",
    )
    assert [p.text for p in kept.paragraphs] == [
        "一、政府工作回顾", "过去一年，经济平稳运行。", "今年要稳中求进，", "扎实推进各项工作。"
    ]
    # nor is a title joined to what follows it, nor a line to a heading after it; two lines of
    # zero-width characters in a row split a sentence as one does
    kept = load_text(
        "2017年政府工作报告\n\u200b\n各位代表：\n今年主要预期目标的安排，考虑了如下\n\u200b\n"
        "二、2017年重点工作任务\n出席亚太经合组织领导人非正式会议、上海合\n\u200b\n\u200b\n作组织峰会。",
        source="k.txt",
    )
    assert [p.text for p in kept.paragraphs] == [
        "2017年政府工作报告", "各位代表：", "今年主要预期目标的安排，考虑了如下",
        "二、2017年重点工作任务", "出席亚太经合组织领导人非正式会议、上海合作组织峰会。",
    ]


def test_the_line_breaks_a_copied_pages_markup_leaves_are_no_breaks():
    # a web page whose titles are links keeps each on a line of its own (the work report of
    # 2011 as copied: 我们编制了《|国民经济和社会发展第十二个五年规划纲要（草案）|》，提交…)
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.loaders import load_document, load_text

    doc = load_document(DOCS / "gwr-2011.txt")
    assert "编制了《国民经济和社会发展第十二个五年规划纲要（草案）》，提交大会审议" in doc.text
    found = {f.text: f.kind for f in extract_formulations(doc)}
    assert found.get("国民经济和社会发展第十二个五年规划纲要") == "document"
    # a formula's index alone on a line (广义货币M|2|预期增长13%左右, the work report of 2014):
    # M2 is the indicator its target names
    from policy_cli.core.targets import extract_targets

    report = load_document(DOCS / "gwr-2014.txt")
    assert "以细颗粒物（PM2.5）和可吸入颗粒物（PM10）治理为突破口" in report.text
    m2 = [t for t in extract_targets(report) if "M2" in t.indicator]
    assert [t.value for t in m2] == ["13%左右"], m2
    # a break after 《, “, （ or before 》, ”, ）, ， joins; one after a sentence end stays
    kept = load_text("制定了《\n信访条例\n》，畅通了信访渠道。\n他说：“\n好\n”。\n下一段", source="m.txt")
    assert [p.text for p in kept.paragraphs] == [
        "制定了《信访条例》，畅通了信访渠道。", "他说：“好”。", "下一段",
    ]
    # a quote mark typed the wrong way round at a line's end or start joins nothing; a table's
    # cells, a step's number, a page number or a year after Latin words stay lines of their own
    for text in (
        "一、坚持“两个毫不动摇“\n各地区要落实。", "完成目标任务。\n”十四五”时期要推进。",
        "指标\n目标值\nGDP\n6.5\n居民消费价格涨幅\n3", "第一步：登录APP\n2\n填写信息",
        "推进AI\n12\n赋能实体经济", "Report on the Work of the Government\n2024\n各位代表：",
    ):
        lines = [line for line in text.split("\n") if line]
        assert [p.text for p in load_text(text, source="m.txt").paragraphs] == lines, text


def test_a_text_saved_under_a_pages_name_is_read_as_text():
    # a plain text named .html holds no markup: its lines are its paragraphs (parsed as a page,
    # its 96 paragraphs were one, and the summary made up a title)
    text = (EXAMPLES / "gwr-2022.txt").read_text(encoding="utf-8")
    doc = load_bytes(text.encode("utf-8"), source="report.html")
    assert len(doc.paragraphs) == len(load_text(text, source="report.txt").paragraphs) > 50
    assert sniff_format(b"<p>" + text.encode("utf-8"), suffix=".html") == "html"
    # a comparison in a text is no markup (PM2.5平均浓度<35)
    assert sniff_format("PM2.5平均浓度<35微克。\n".encode(), suffix=".html") == "text"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_page_in_utf16_without_a_byte_order_mark(codec):
    # a page saved by a Windows tool in UTF-16 with no mark: read in the order in which it opens
    # with markup (it was refused as a binary file, NUL bytes)
    page = ("<html><head><meta charset='utf-16'><title>通知</title></head><body>"
            "<p>今年发展主要预期目标是：国内生产总值增长5%左右。</p></body></html>")
    doc = load_bytes(page.encode(codec), source="page.html")
    assert "国内生产总值增长5%左右" in doc.text


def test_what_a_file_is_goes_before_what_its_name_says(tmp_path):
    # a Word 97 file renamed .docx, an RTF file, a web page saved as .pdf
    with pytest.raises(FormatError, match="legacy .doc"):
        load_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, source="old.docx")
    # a .docx saved with a password to open it is an OLE file holding the encrypted package
    # (its streams EncryptionInfo and EncryptedPackage, named in UTF-16): said as such
    encrypted = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100
                 + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(FormatError, match="encrypted"):
        load_bytes(encrypted, source="report.docx")
    with pytest.raises(FormatError, match="RTF files are not supported"):
        load_bytes(b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl} \\'b9\\'fa}", source="notice.rtf")
    page = "<html><head><title>关于推进改革的通知</title></head><body><p>推进改革，促进发展。</p>"
    page += "<p>坚持稳中求进工作总基调，推动高质量发展。</p>" * 20 + "</body></html>"
    assert load_bytes(page.encode(), source="saved.pdf").format == "html"
