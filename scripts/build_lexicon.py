"""Rebuild the policy lexicon and the stop words from real text.

    python scripts/build_lexicon.py CORPUS            # writes policy_cli/data/lexicon.txt + stopwords.txt
    python scripts/build_lexicon.py CORPUS --report   # also prints why each learnt term was kept
    make data CORPUS=DIR

CORPUS is the directory holding `national-news-2012-2022.jsonl.xz` (see scripts/sources.py and the
README, section Data: the team's shared corpus, or rebuilt from github.com/china-data/xwlb).

Sources (scripts/sources.py; no gold annotation, no annotated document and no held-out
document is ever read):
- the national news 2012-2022 (56,063 of its 56,068 items, 27 M characters);
- the background corpus `corpus/background.jsonl.xz` (57 of its 62 national work reports
  1954-2022 and Party congress reports; the early ones in traditional characters converted with
  OpenCC's t2s table first: `pip install -e '.[build]'`);
- the unannotated documents of `tests/data/docs/` (seven 2025 provincial work reports and the
  2018 national work report), for words newer than the news.

How the lexicon is made (every entry is a word that plain jieba splits; each line of lexicon.txt
says which rule admitted it and what the corpus shows: counts, first date, PMI, cohesion,
branching entropy; see scripts/learn_terms.py):
1. Terms learnt from the whole corpus (`learn_terms.accept`): runs of 2-4 jieba tokens that are
   frequent, spread over news items or reports, free on both sides (branching entropy) and
   either bound (a side hardly occurs without the other: 大湾区, 新质生产力) or an established
   compound of names (京津冀协同发展); clauses (召开会议) never.
2. Quoted terms: strings in “…” of 2-8 characters (Han, digits, +) quoted in at least two
   reports or MIN_QUOTED_ITEMS news items ("十五五", "两重", "放管服", "高效办成一件事"...).
3. Cohesive n-grams of the reports: runs of 2-3 jieba tokens (3-7 characters, no stop word
   inside) in at least 4 reports and 10 times, that make up most of the occurrences of their
   rarest part (>= 0.6) and are free in context (at least 5 different neighbours on each side).
4. Five-year-plan names 十X五 seen in at least two reports.
5. SEED: a short hand list of established national policy terms (general knowledge, not taken
   from any annotation), kept only where the news or the background reports use it (its line
   says how often and since when); a seed word no national text uses is left out and printed.
Each word's frequency is jieba's `suggest_freq` for it (the lowest frequency that keeps it whole
when it stands alone; often 1, since jieba multiplies the pieces' probabilities) raised to at
least MIN_FREQ (2000: far above a typical word of jieba's dictionary, whose median two-character
word has frequency 8, below the commonest words such as 经济 at 48718),
so that it also stays whole beside its neighbours in running text. jieba and rjieba share the
dictionary and the route algorithm, so the same frequencies give both backends the same tokens;
tests/core/test_segment.py checks that every lexicon word stays whole in the real documents.
The part of speech (third column) is "nz" for a name, else the tag of its last word (走深走实: v);
scripts/build_idf.py stores it with the IDF so that the ranking weighs acting words down.

How the stop words are made:
- FUNCTION_WORDS: Chinese function words (pronouns, particles, conjunctions, prepositions...),
  time words of news (上午, 月底) and self-references (我省, 本市).
- Boilerplate: words jieba tags as verbs/adverbs/etc. that occur in at least 80% of the modern
  (1978+) background documents, minus TOPICAL (hand-curated verbs that do name a topic: 改革,
  就业, 消费, 创新...), plus BOILERPLATE_EXTRA (hand-curated: frequent policy verbs and nouns that
  say nothing about a document's topic, e.g. 推进, 建设, 发展, 工作, 各位代表) and
  MODERN_BOILERPLATE (hand-curated from the words `--modern` lists: today's boilerplate verbs
  that recur in the 2025 provincial reports but are rare in the 1954-2022 background: 落地,
  赋能, 提质, 入选...).
"""

from __future__ import annotations

import argparse
import re
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from learn_terms import MAX_STRADDLE, accept, candidate_evidence, straddle_shares, term_tag  # noqa: E402
from sources import (  # noqa: E402
    NEWS_FILE,
    Source,
    background_sources,
    news_path,
    news_sources,
    report_sources,
    unannotated_paths,
)

from policy_cli.core.chars import HAN, PLAN_PERIOD  # noqa: E402
from policy_cli.core.loaders import load_document  # noqa: E402
from policy_cli.core.people import rules as people_rules  # noqa: E402
from policy_cli.core.segment import Segmenter  # noqa: E402

LEXICON = ROOT / "policy_cli" / "data" / "lexicon.txt"
STOPWORDS = ROOT / "policy_cli" / "data" / "stopwords.txt"
MIN_FREQ = 2000
MIN_QUOTED_ITEMS = 5  # news items that quote a string as a name
_POST = people_rules().title_end  # 院士, 书记, 部长...: the posts core.people reads

# Established national policy vocabulary (general knowledge of the field, hand-written).
SEED = """
高质量发展 新质生产力 专精特新 碳达峰 碳中和 双碳 两个大局 十四五 十五五 人工智能+ 互联网+ 放管服
一带一路 新发展理念 新发展格局 中国式现代化 共同富裕 乡村振兴 乡村全面振兴 供给侧结构性改革
全过程人民民主 总体国家安全观 两个确立 两个维护 四个意识 四个自信 五位一体 四个全面
一国两制 粤港澳大湾区 长三角一体化 京津冀协同发展 长江经济带 黄河流域 减税降费 留抵退税
六稳 六保 两新 两重 以旧换新 低空经济 未来产业 新型城镇化 新型工业化 数字经济 实体经济
现代化产业体系 营商环境 专项债券 超长期特别国债 稳中求进 统筹发展和安全 高水平对外开放
全国统一大市场 一老一小 高效办成一件事 揭榜挂帅 卡脖子 三农 小巨人 枫桥经验 千万工程
新时代 脱贫攻坚 精准扶贫 可再生能源 小康社会 全面从严治党 八项规定 国家战略科技力量 关键核心技术 新基建
""".split()

FUNCTION_WORDS = """
的 地 得 了 着 过 是 在 和 与 及 以及 或 或者 并 并且 而 而且 但 但是 也 又 都 就 才 还 把 被 对 对于
于 从 向 为 为了 以 由 由于 因 因为 所以 因此 如果 虽然 同时 通过 按照 根据 关于 随着 围绕 等 等等
之 其 其中 这 那 这些 那些 这个 那个 这样 那样 这种 这里 我 我们 你 你们 他 他们 她 它 它们 自己
大家 各 各个 每 每个 某 有 没有 无 不 没 要 会 能 能够 可 可以 应 应当 应该 必须 需要 将 将要 已 已经
曾 正在 一 一个 一些 一切 所有 任何 多 少 很 更 最 比较 非常 十分 较 越 上 下 中 内 外 前 后
里 间 时 时候 之间 以上 以下 以来 以后 之后 之前 左右 方面 问题 情况 一是 二是 三是 四是 五是
什么 怎么 如何 为什么 哪 哪些 谁 啊 吧 呢 吗 呀 嘛 即 即使 只 只有 只要 就是 还是 还有 不是 不仅
而是 同 到 比 为主 我省 我市 我区 我县 本省 本市 各州 各市 各县 各区 月底 月初 年底 年初 上半年 下半年 上午 下午 晚上 中午 凌晨 近日 日前 昨天 今天 明天 一方面 另一方面 此外 总之 然而 可是 尽管 不但 既 既要 又要 又是 所 者 来 去 给 让 使 使得
当前 目前 今年 去年 明年 今后 当年 全年 这次 此次 本次 一年 一批 各类 各种 各级 各地 各方 各项
有关 相关 一定 一起 一样 一直 一道 不断 进而 从而 以便 据此 就此 所在 之一 此 该 其他 其它 另外
""".split()

BOILERPLATE_EXTRA = """
推进 推动 加快 坚持 加强 持续 全面 深入 进一步 工作 建设 发展 支持 实施 促进 完善 加大 强化 提升
提高 继续 做好 落实 保持 增强 开展 优化 力度 积极 坚决 着力 深化 打造 培育 更好 切实 确保 不断
扎实 大力 努力 稳步 有序 有效 有力 重要 重大 主要 基本 健全 巩固 拓展 拓宽 扩大 聚焦 突出 注重
统筹 用好 抓好 办好 抓住 抓紧 发挥 增加 实现 取得 形成 构建 建立 健全 提供 保障 加以 予以 作出
各位代表 同志 同志们 我们 我国 国家 今年 去年 全省 全市 全区 全县 全国 全党 全军 全体 全社会
一年来 过去 五年
强调 指出 表示 要求 认为 提出 会上 会议 参加 出席 主持 作了 讲话 部署 动员 负责人 相关负责人
来源 记者 通讯员 编辑 责任编辑 日电 报道 获悉 体系 机制 水平 能力 作用 领域 目标 任务 措施
政策措施 工作机制 重点 关键 核心 基础 质量 效益 成效 成果 进展 步伐 方式 格局 局面 态势 趋势
意见 办法 规定 方案 计划 行动 工程 示范 一流 能级 图景 融合 协同 获批 兑现 更加 更大 更高 更强 更多 更优 全力 全方位 高水平
新一轮 新局面 新篇章 新成效 新突破 新进展 新台阶 新优势 新活力
""".split()

# Today's boilerplate verbs, which the 1954-2022 background barely knows: curated from the
# candidates `--modern` prints (words in at least 7 of the 10 provincial reports of 2025, rarer in
# the background), keeping those that say how things are done, not what is done.
MODERN_BOILERPLATE = """
落地 联动 入选 提质 创建 集聚 融入 盘活 推出 做强 做优 扩容 谋划 提速 对接 加力 牵引 筑牢 发力
奋力 谱写 调度 收官 对标 用力 融通 建好 扩面 扩围 前行 凝心 干事 见效 守住 释放 纵深 首批 首个
首发 新高 整改 排查 反馈 办理 评估 动态 系列 实效 质效 赋能 力争 启动 争创 投用 聚力 下功夫
求实效 抢抓 放大 争做 省级 国家级 年度
""".split()

# Verbs/adverbs frequent in the background that still name what a document is about.
TOPICAL = """
改革 开放 创新 就业 消费 投资 监管 治理 扶贫 减税 教育 医疗 养老 生产 贸易
合作 保护 防控 防治 救灾 脱贫 节能 减排 稳定 安全 民主 法治 竞争 融资 研发 开发 出口 进口
健康 收入 立法 自治 振兴 团结 繁荣 平等
""".split()

# General nouns: words that name a kind or an aspect of things (service, system, management,
# society, region, means, stage, result...) rather than a field of policy, an actor or a place,
# and so say little about what a document is about on their own (公共服务, 社会保障 do).
# Hand-picked, by that criterion alone, from the nouns most modern background reports use
# (`--generic` lists them: at least GENERIC_MIN_SHARE of the 1978+ reports); a word the reports
# do not mostly use is left out, so the list stays general. 中国 and 世界 frame every national
# text. The ranking weighs them down (keywords.KeywordOptions.generic_factor), it does not drop
# them.
GENERIC_NOUNS = """
服务 制度 社会 管理 领导 指导 综合 中心 部门 机构 人员 地区 行业 部分 范围 规模 结构 体制
活动 关系 影响 条件 因素 形势 变化 方向 地位 性质 经验 事业 力量 资源 标准 文件 研究 生产
生活 实际 困难 矛盾 历史 思想 原则 道路 方针 统一 利用 调整 运用 保护 中国 世界
手段 形式 程度 阶段 过程 现象 结果 状况 比例 高度 渠道 主体 联系 意义 规范 职能 素质 方法
前提 内容 特点 标志 目的 障碍 布局 效率 成本 压力 总量 设施 设备 单位 机关 责任 优势 动力
试点 信息 区域 时期 时代 全局 大局 活力 差距 实力 秩序 成就 成绩 突破 进程 个人 人们 物质
集体 项目
""".split()
GENERIC_MIN_SHARE = 0.6
GENERIC = ROOT / "policy_cli" / "data" / "generic_nouns.txt"

_HAN_RUN = re.compile(rf"^[{HAN}]+$")
_QUOTED = re.compile(rf"“([{HAN}0-9A-Za-z+＋]{{2,8}})”")
_PLAN = re.compile(rf"{PLAN_PERIOD}")
_BAD_TAIL = set("的了是和与在等中")
_MEASURE = set("个年月日次项位名家种条批届倍元")


def background_texts() -> list[tuple[str, str, bool]]:
    """Return (title, simplified text, is modern) of every background document."""
    return [(s.name, s.text, modern) for s, modern in background_sources()]


def learn_quoted(texts: list[tuple[str, str]], base: Segmenter) -> dict[str, str]:
    """Quoted terms found quoted in at least two documents (not led or ended by a function word)."""
    docs: defaultdict[str, set[str]] = defaultdict(set)
    for name, text in texts:
        for m in _QUOTED.finditer(text):
            term = m.group(1).replace("＋", "+")
            if term[-1] not in _BAD_TAIL and not term.isdigit() and not term.isascii():
                docs[term].add(name)
    out = {}
    for term, d in docs.items():
        parts = base.cut(term)
        if len(d) >= 2 and parts[0] not in FUNCTION_WORDS and parts[-1] not in FUNCTION_WORDS:
            out[term] = f"quoted in {len(d)} documents"
    return out


def learn_ngrams(texts: list[tuple[str, str]], base: Segmenter, stop: set[str]) -> dict[str, str]:
    """Cohesive runs of 2-3 jieba tokens that behave like one word."""
    piece_count: Counter[str] = Counter()
    gram_count: Counter[tuple[str, ...]] = Counter()
    gram_docs: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
    left: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
    right: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
    for name, text in texts:
        for line in text.splitlines():
            toks = base.cut(line)
            piece_count.update(toks)
            for n in (2, 3):
                for i in range(len(toks) - n + 1):
                    gram = tuple(toks[i : i + n])
                    word = "".join(gram)
                    if not 3 <= len(word) <= 7 or not _HAN_RUN.match(word):
                        continue
                    # boilerplate inside makes a phrase, not a term; a measure word a fragment
                    if any(p in stop for p in gram) or gram[0] in _MEASURE:
                        continue
                    gram_count[gram] += 1
                    gram_docs[gram].add(name)
                    left[gram].add(toks[i - 1] if i else "^")
                    right[gram].add(toks[i + n] if i + n < len(toks) else "$")
    out: dict[str, str] = {}
    for gram, c in gram_count.items():
        if c < 10 or len(gram_docs[gram]) < 4:
            continue
        cohesion = c / min(piece_count[p] for p in gram)
        if cohesion < 0.6 or len(left[gram]) < 5 or len(right[gram]) < 5:
            continue
        word = "".join(gram)
        prev = out.get(word)
        if prev is None:
            out[word] = f"n-gram x{c} in {len(gram_docs[gram])} docs, cohesion {cohesion:.2f}"
    return out


def learn_plans(texts: list[tuple[str, str]]) -> dict[str, str]:
    """Five-year-plan names (十三五, 十四五, 十五五...) seen in the sources."""
    docs: defaultdict[str, set[str]] = defaultdict(set)
    for name, text in texts:
        for m in _PLAN.finditer(text):
            docs[m.group()].add(name)
    return {t: f"plan name in {len(d)} documents" for t, d in docs.items() if len(d) >= 2}


def word_freq(base: Segmenter, word: str) -> int:
    """The frequency that keeps `word` whole in both backends."""
    return max(int(base._tok.suggest_freq(word, False)), MIN_FREQ)


def modern_candidates() -> list[str]:
    """Words in at least 70 % of the unannotated provincial reports of 2025 that the background
    finds rare (the annotated and held-out ones are not read).

    Printed for curation (MODERN_BOILERPLATE); most frequent first.
    """
    from policy_cli.core.keywords import document_terms, load_idf
    from policy_cli.core.pipeline import prepare

    idf = load_idf()
    df: Counter[str] = Counter()
    tf: Counter[str] = Counter()
    paths = [p for p in unannotated_paths() if p.parent.name == "provinces-2025"]
    for path in paths:
        doc = prepare(load_document(path), formulations=False)
        terms = [t for t, _ in document_terms(doc.tokens)]
        tf.update(terms)
        df.update(set(terms))
    found = [w for w in df if df[w] >= 0.7 * len(paths) and idf(w) >= 2.5]
    return sorted(found, key=lambda w: (-tf[w], w))


def build_stopwords(base: Segmenter) -> list[str]:
    """Function words plus boilerplate learnt from the modern background documents."""
    import jieba.posseg

    pos = jieba.posseg.POSTokenizer(base._tok)
    modern = [text for _, text, is_modern in background_texts() if is_modern]
    df: Counter[str] = Counter()
    tags: dict[str, str] = {}
    for text in modern:
        seen = set()
        for pair in pos.cut(text):
            seen.add(pair.word)
            tags.setdefault(pair.word, pair.flag)
        df.update(seen)
    learnt = {
        w
        for w, c in df.items()
        if c >= 0.8 * len(modern)
        and _HAN_RUN.match(w)
        and len(w) >= 2
        # verbal nouns (vn: 改革, 就业...) and nouns name topics; verbs, adverbs... do not
        and tags.get(w, "") in {"v", "d", "a", "ad", "c", "p", "r", "m", "q", "u", "f", "t", "vd"}
        and w not in TOPICAL
    }
    words = set(FUNCTION_WORDS) | set(BOILERPLATE_EXTRA) | set(MODERN_BOILERPLATE) | learnt
    return sorted(words - set(TOPICAL))


def learning_sources(corpus: Path) -> list[Source]:
    """The national news, the background reports and the unannotated reports, oldest first."""
    sources = [s for s, _ in background_sources()] + report_sources()
    sources += list(news_sources(corpus))
    return sorted(sources, key=lambda s: s.date)


class Occurrences:
    """Find a literal string in every source: how often, in how many texts, since when."""

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources
        self.text = "\x00".join(s.text for s in sources)  # oldest first
        self.starts = list(accumulate((len(s.text) + 1 for s in sources), initial=0))

    def describe(self, word: str) -> str | None:
        """A line of evidence for `word`, or None when no national text uses it."""
        hits = [bisect_right(self.starts, m.start()) - 1
                for m in re.finditer(re.escape(word), self.text)]
        if not hits:
            return None
        news = {i for i in hits if self.sources[i].origin == "news"}
        reports = {i for i in hits if self.sources[i].origin != "news"}
        national = [i for i in hits if self.sources[i].origin != "report"]
        if not national:
            return None
        return (f"{len(hits)}x in {len(news)} news items + {len(reports)} reports, "
                f"first {self.sources[min(hits)].date}")


def learn_quoted_news(sources: list[Source], base: Segmenter) -> dict[str, str]:
    """Terms the news quotes as names: in \u201c\u2026\u201d in at least MIN_QUOTED_ITEMS items."""
    items: Counter[str] = Counter()
    for src in sources:
        if src.origin == "news":
            items.update({m.group(1).replace("\uff0b", "+") for m in _QUOTED.finditer(src.text)})
    out = {}
    for term, n in items.items():
        if n < MIN_QUOTED_ITEMS or term.isascii() or term[-1] in _BAD_TAIL or term.isdigit():
            continue
        parts = base.cut(term)
        if parts[0] not in FUNCTION_WORDS and parts[-1] not in FUNCTION_WORDS:
            out[term] = f"quoted in {n} news items"
    return out


def generic_nouns(base: Segmenter, stops: list[str]) -> tuple[list[str], list[str]]:
    """The general nouns of GENERIC_NOUNS that most modern reports use, and those left out."""
    modern = [text for _, text, is_modern in background_texts() if is_modern]
    df: Counter[str] = Counter()
    for text in modern:
        df.update(set(base.cut(text)))
    stop = set(stops)
    kept = [w for w in GENERIC_NOUNS if df[w] >= GENERIC_MIN_SHARE * len(modern) and w not in stop]
    return sorted(kept), sorted(set(GENERIC_NOUNS) - set(kept))


def generic_candidates(base: Segmenter, stops: list[str]) -> list[str]:
    """Nouns at least GENERIC_MIN_SHARE of the modern reports use: the pool GENERIC_NOUNS is
    picked from (printed by --generic)."""
    import jieba.posseg

    tags = jieba.posseg.POSTokenizer().word_tag_tab
    modern = [text for _, text, is_modern in background_texts() if is_modern]
    df: Counter[str] = Counter()
    for text in modern:
        df.update(set(base.cut(text)))
    stop = set(stops)
    return sorted(w for w, c in df.items() if c >= GENERIC_MIN_SHARE * len(modern)
                  and len(w) >= 2 and w not in stop and tags.get(w) in {"n", "vn", "an", "ng"})


def main(argv: list[str] | None = None) -> None:
    """Learn the lexicon and stop words and write them under policy_cli/data/."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path,
                    help=f"the directory holding {NEWS_FILE} (see the README, section Data)")
    ap.add_argument("--report", action="store_true", help="print why each learnt term was kept")
    ap.add_argument(
        "--modern", action="store_true", help="print the candidates for MODERN_BOILERPLATE"
    )
    ap.add_argument("--generic", action="store_true", help="print the pool of GENERIC_NOUNS")
    args = ap.parse_args(argv)
    if args.modern:
        print(" ".join(modern_candidates()))
        return
    if args.generic:
        jb = Segmenter(backend="jieba", lexicon=False)
        print(" ".join(generic_candidates(jb, build_stopwords(jb))))
        return
    if args.corpus is None:
        ap.error(f"give the directory holding {NEWS_FILE} (make data CORPUS=DIR)")
    news_path(args.corpus)  # fail early with the message that says where to get it
    import jieba.posseg

    tags = dict(jieba.posseg.POSTokenizer().word_tag_tab)
    jb = Segmenter(backend="jieba", lexicon=False)  # suggest_freq is jieba's
    base = Segmenter(lexicon=False)  # rjieba when installed: the same tokens, 15x faster
    sources = learning_sources(args.corpus)
    print(f"{len(sources)} texts, {sum(len(s.text) for s in sources):,} characters")
    stops = build_stopwords(jb)
    functions = frozenset(FUNCTION_WORDS)
    reports = [(s.name, s.text) for s in sources if s.origin != "news"]
    why: dict[str, str] = {}
    parts: dict[str, tuple[str, ...]] = {}
    stats = {ev.word: ev for ev in candidate_evidence(sources, base.cut, min_count=5)}
    for ev in stats.values():
        kind = accept(ev, tags, functions)
        if kind:
            why[ev.word] = f"{kind} term"
            parts[ev.word] = ev.parts
    for rule in (learn_ngrams(reports, jb, set(stops)), learn_plans(reports),
                 learn_quoted(reports, jb), learn_quoted_news(sources, jb)):
        for word, reason in rule.items():
            why.setdefault(word, reason)
    occurrences = Occurrences(sources)
    dropped = []
    for word in SEED:
        if word in why:
            continue
        found = occurrences.describe(word)
        if found is None:
            dropped.append(word)  # the seed stays only where the national corpus says it
        else:
            why[word] = "seed"
    # a word learnt from the news that ends in a post (中国工程院院士, 国务院副总理) names an
    # office, not a term: people and organisations are found by their titles, which must stand
    # apart (the reports' own quoted names such as 三个代表 stay)
    offices = sorted(w for w in why if (w in parts or "news items" in why[w]) and _POST.search(w))
    for word in offices:
        del why[word]
    # only words plain jieba splits need an entry; a learnt word that often breaks the words
    # around it (straddle_shares) is left out: the seed and plan names are established
    candidates = {w: word_freq(jb, w) for w in why if len(jb.cut(w)) > 1}
    shares = straddle_shares((s.text for s in sources), base, candidates)
    breaking = sorted(w for w, share in shares.items() if share > MAX_STRADDLE
                      and why[w] != "seed" and not why[w].startswith("plan name"))
    lexicon: dict[str, tuple[str, str]] = {}
    for word, reason in why.items():
        cut = jb.cut(word)
        if word not in candidates or word in breaking:
            continue
        ev = stats.get(word)
        evidence = ev.describe() if ev is not None else occurrences.describe(word)
        if evidence is None:
            evidence = "/".join(cut) + ": in the 2025 provincial reports only"
        else:
            evidence = evidence if ev is not None else "/".join(cut) + ": " + evidence
        share = shares.get(word, 0.0)
        # a learnt term whose last word acts takes its tag; seeds, quoted names... are names
        tag = term_tag(parts[word], tags) if word in parts else "nz"
        lexicon[word] = (tag, f"{reason}; {evidence}; breaks {share:.0%} of its neighbours")
    lines = [
        "# policy lexicon (built by scripts/build_lexicon.py from the national news 2012-2022,\n"
        "# the background reports and the unannotated reports; do not edit by hand):\n"
        "# word<TAB>jieba frequency<TAB>part of speech<TAB>why it is a term; its evidence\n"
    ]
    lines += [f"{w}\t{word_freq(jb, w)}\t{tag}\t{ev}\n"
              for w, (tag, ev) in sorted(lexicon.items())]
    LEXICON.write_text("".join(lines), encoding="utf-8")
    if args.report:
        for w in sorted(lexicon, key=lambda w: (lexicon[w][1], w)):
            print(f"{w}\t{lexicon[w][1]}")
    if dropped:
        print(f"seed words no national text uses (left out): {' '.join(dropped)}")
    print(f"learnt words that break the words around them (left out): {' '.join(breaking)}")
    print(f"learnt words that end in a post (left out): {' '.join(offices)}")
    STOPWORDS.write_text(
        "# stop words: function words + policy boilerplate (built by scripts/build_lexicon.py)\n"
        + "".join(f"{w}\n" for w in stops),
        encoding="utf-8",
    )
    generic, left_out = generic_nouns(jb, stops)
    GENERIC.write_text(
        "# general nouns: a kind or an aspect of things, not a field, an actor or a place; most\n"
        "# modern background reports use them (built by scripts/build_lexicon.py)\n"
        + "".join(f"{w}\n" for w in generic),
        encoding="utf-8",
    )
    if left_out:
        print(f"general nouns most modern reports do not use (left out): {' '.join(left_out)}")
    print(f"wrote {LEXICON} ({len(lexicon)} words), {STOPWORDS} ({len(stops)} words)")


if __name__ == "__main__":
    main()
