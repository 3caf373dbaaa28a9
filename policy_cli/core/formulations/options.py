"""The options of the formulation extractor: one frozen dataclass, every knob a named field.

Lengths are in characters. The defaults are the values the rules were written with; each field
says which stage reads it. Word lists and patterns are data (policy_cli/data/
formulation_rules.toml), not options.
"""

from __future__ import annotations

from dataclasses import field, fields
from functools import lru_cache
from operator import is_

from policy_cli.core.formulations.lexicon import Lexicon
from policy_cli.core.records import lean_frozen
from policy_cli.errors import UsageError


@lean_frozen
class FormulationOptions:
    """Options of `extract_formulations`: the stages switched off, thresholds and limits.

    `disabled_stages` names stages to switch off (see `STAGES`; merge and rank cannot be);
    `lexicon` is the user's own lexicon (`read_user_lexicon`), found by the `user` stage.
    Every other field is a non-negative whole number (or a tuple of them) named after what it
    bounds; see the comments in the class body.
    """

    disabled_stages: frozenset[str] = field(default_factory=frozenset)
    lexicon: Lexicon | None = None

    # --- shared: words and phrases
    # a word of at least this many characters (not a single character)
    min_word_len: int = 2
    # the verbs of command read in front of a clause have this many characters (坚持, 推进)
    lead_verb_len: int = 2
    # the lengths of the clause-opening words looked for inside a phrase
    clause_word_lens: tuple[int, ...] = (2, 3, 4)
    # a clause holds at least this many characters after its opening verb
    clause_after_lead_min: int = 3
    # a name walked back from its head is at most this long
    phrase_max_len: int = 16
    # stage localised: the name after a bracketed place ends with a head within this many
    # characters (中国（安徽）|自贸试验区, 中国建造（安徽）|互联网平台)
    localised_max_tail: int = 10
    # …and opens with this many characters before the bracket (中国, 西部; not 日|韩（青岛）…)
    localised_min_opening: int = 2
    # how much further back than the longest name to look for the clause's start
    phrase_lookback_extra: int = 6
    # a bare head up to this long takes the word right before it (整治提升 + 五年行动)
    bare_head_max: int = 4
    # to tell whether a word starts at a place, segment this far back and ahead of it
    word_lookback: int = 8
    word_lookahead: int = 4

    # --- stage quoted (and the shape of any quoted span)
    # the quoted stage reads spans up to this long between a pair of quote marks
    quoted_span_max: int = 40
    # a quoted span longer than this is a quotation
    quoted_max_len: int = 30
    # a quoted span needs this many Chinese characters (or a digit) to be a name
    quoted_min_han: int = 2
    # a couplet's two halves differ by at most this much and are at most this long; a quoted run
    # of short clauses that long at most is a motto up to this many clauses
    couplet_max_gap: int = 1
    couplet_max_half: int = 8
    quoted_motto_max_parts: int = 5
    # a short quoted name holding a count and a measure word (新三样) is at most this long
    short_numbered_max_len: int = 4
    # a quoted span this long is a slogan rather than a name
    quoted_slogan_min_len: int = 7
    # a span holding this many count words names a set (两新一重)
    set_min_count_words: int = 2
    # a span opening with a count word names a set when at most this long (六稳, 四好农村路)
    short_set_max_len: int = 5
    # a quoted verb or adverb at most this long may be in scare quotes (“撬动”效应)
    scare_quote_max_len: int = 2
    # an ordinary word in scare quotes (“列车”, “心病”, “刮目相看”) is this long
    ordinary_min_len: int = 2
    ordinary_max_len: int = 4

    # --- stage quoted: quoted parallel runs (rule chain, `quoted_runs`): quoted clauses passed
    # along as a chain (“由矿变土”、“由土变材”、“由材变用”: two links) are one motto when there
    # are at least this many of them; a pair of one link names two steps each by its own term
    # as often (“幼升小”和“小升初”, the one quoted chain of the 56 k items of national news)
    quoted_run_min_clauses: int = 3
    # ... and at most this many (a longer quoted run is a list, tried by stretches this long:
    # a run of n quotes costs n x this, not n^2)
    quoted_run_max_clauses: int = 8
    # ... each of a length between these (由矿变土: 4; a clause of two characters has no frame
    # around two varying places)
    quoted_run_clause_min: int = 3
    quoted_run_clause_max: int = 8

    # --- stage title: a document title between 《》 is at most this long
    title_max_len: int = 60
    # the subject a document's title names (关于构建|数据基础制度|…的意见): this long, head included
    title_subject_min: int = 4
    title_subject_max: int = 16
    # …and one holding a verb, where the text says it this often, the title included
    title_subject_said_min: int = 2

    # --- what a code or a numbered set refers to (quoted, code)
    # how far after a quoted code to look for the next quoted code
    next_code_window: int = 16
    # the phrase after a code: its length in Chinese characters
    following_min_len: int = 2
    following_max_len: int = 12
    # what a code refers to is a name of this length (or a bare programme head)
    refers_min_len: int = 3
    refers_max_len: int = 8
    # a set of the national lexicon refers to the phrase after it only where that phrase opens
    # with the word national text says after the set in this percentage of its uses or more
    # (“三个代表”|重要思想: 100 %; “一带一路”|建设: 19 %, so “一带一路”|地理标志品牌 names no referent;
    # data/national_referents.tsv); 0: every phrase after it, as for a document's own set
    national_referent_min_percent: int = 50

    # --- members of a numbered set (quoted, counted, compound)
    # a set has at least this many members
    set_min_members: int = 2
    # the lengths of the verb between a list and its quoted set (实现“两增一稳”)
    list_verb_lens: tuple[int, ...] = (2, 3)
    # a member listed before the set is at most this long; one listed after it, this long
    item_max_len_before: int = 30
    item_max_len_after: int = 20
    # how far after a set its members may be listed (，即…; （…）)
    members_window: int = 130
    # a member holds this many Chinese characters
    item_min_han: int = 2
    # the first member is cut to the length of the longest other one, and at least this long
    first_item_min_len: int = 4
    # …and where the clause's verbs open it, what follows them is the member when it is at most
    # this many percent as long as the longest other one (坚决守住|土地公有制性质不改变: 10 to 7;
    # not 探索|宅基地所有权、资格权、使用权, 6 to 3, whose 宅基地 qualifies them all)
    first_item_stretch_percent: int = 150

    # --- stage campaign
    # a campaign name has at least this many characters before 三年行动
    campaign_min_modifier: int = 2
    # programme: the body of a launched programme's name, before its head (产业兴村强县|行动)
    programme_min_body: int = 3
    place_min_body: int = 2  # 人民|城市建设
    programme_max_body: int = 16
    # a round magnitude and a measure word open a programme's name where at least this many
    # characters follow them before the head (千个|宜居宜业和美乡村建设|行动: what is counted is
    # the name's own), none of them generic (百项|重点民生实事工程 counts the programmes)
    programme_scaled_min_rest: int = 6
    # programme: an action or works launched or furthered may be named by a body this short, a
    # noun of its own (实施|强县|工程, 推进|民心|工程, 实施|节水|行动), where the body is no verb
    # (实施|培训|计划, 谋划|项目) and no kind (民生|工程: `generic_programme_bodies`)
    programme_short_body: int = 2
    # zone: a zone or place named whole at least this many times (虹桥国际开放枢纽)
    zone_min_said: int = 2
    # a list item this short before a zone's name shares its rest (磨憨、瑞丽、河口沿边产业园)
    zone_shared_item_max: int = 3
    # proper: the proper name and the words after it, before the head, are at most this long
    # (花湖国际自由贸易|航空港: 8)
    proper_max_body: int = 10
    # after a national or world qualifier, the name has a body of at least this many characters
    # (全国|一体化|算力网; 国家|实验室 and 国家重点|实验室 are kinds)
    proper_qualified_min_body: int = 2
    # a proper name has at least this many characters (在|京国家实验室: 京 is no name there)
    proper_min_name: int = 2
    # what follows the head this far (to the clause's edge) is read for works words
    # (…实验室|基地一期)
    proper_works_reach: int = 6
    # the list a forum stands in is read this far before and after it, to the clause's edge
    # (…世界经济论坛、东亚合作领导人系列会议)
    proper_list_reach: int = 40
    # the verb that founds or furthers an institution stands this far before it in its clause
    # (加快推进|合肥滨湖科学城; 推动|滨海新区和天津滨海—中关村科技园、宝坻京津中关村科技城: 27)
    proper_verb_lookback: int = 32
    # radius: what a circle reaches, between its time and 圈, is at most this long (社区生活)
    radius_max_reach: int = 8
    # the word at a place is read whole within this many characters of it (the segmenter's words
    # are shorter)
    word_reach: int = 8
    # how far back a quoted name before the campaign may open (“新农人”培育三年行动)
    quoted_name_lookback: int = 16
    # how far back the launching verb of a campaign title may stand
    campaign_lookback: int = 16
    # the 和-joined part of a campaign title is at most this long
    title_part_max: int = 12

    # --- stage counted (三重压力)
    # how far after the measure word the name may run
    counted_window: int = 12
    # the walk stops before the name passes this length
    counted_walk_max: int = 8
    # the name after the measure word is this long (三重压力: 2; 4大功能类供应链平台: 8, as long
    # as the walk goes)
    counted_noun_min: int = 2
    counted_noun_max: int = 8
    # a counted name that runs on from a set of the national lexicon is that set (中央|八项规定|
    # 堤坝, 三大攻坚战|力度): what follows is said of it (0: the walk's whole noun)
    counted_known_front: int = 1
    # after its listed members, a set's name takes a second word only after one this short
    listed_noun_short: int = 2
    # a name longer than this must end in a programme head (三大都市圈协同共进 is a clause)
    counted_headless_max: int = 5
    # --- rule measure: a count and the word after it that the document says together this
    # often or more name a set, whatever follows each time (六大系统|应用开发)
    counted_said_again: int = 2
    # the ground word (…基础) is cut off a name at least this long
    counted_ground_min: int = 4

    # --- stage compound (两新一重)
    # the whole set is at most this long
    compound_max_len: int = 8
    # rule count-run: the clauses of a run differ in length by this much at most, and each
    # holds this many characters besides its counts (一年、五年 and 十七、十八集 count quantities)
    count_run_spread: int = 1
    count_run_min_head: int = 2

    # --- stage ideal, rule strength: the field before 强省 is this long (文化|强省, 海洋经济|强省)
    strength_field_min: int = 2
    strength_field_max: int = 6

    # --- stage event, rule conference: what a central work conference is about is this long
    # (中央|经济|工作会议, 中央|人才|工作会议, 中央|第七次西藏|工作座谈会)
    conference_topic_max: int = 6
    # --- stage version (营商环境7.0版): the name before the version is this long
    version_name_min: int = 2
    version_name_max: int = 10

    # --- stage national: a name learnt from quotes this short is found only as whole words
    # (not 占中|部地区)
    national_short_max: int = 4
    # a motto written as one word (教育科技人才) that runs on into a name (…一体化发展) lists that
    # name when it adds at most this many characters, nothing when it adds more (…体制机制一体
    # 改革); 0: the motto is listed as it is
    national_run_on_max: int = 6
    # a motto found opening inside an entry said before it (全面|依法治国，建设社会主义法治国家)
    # lists that entry too where it ends with the motto's first part and opens at most this many
    # characters before the motto (0: off)
    national_opened_max: int = 6
    # an entry of the lexicon's `framing` source (everyday policy writing too, or a standing
    # system's plain name: 稳中向好, 社会主义市场经济体制) is listed where the document says it
    # this many times or more: the framing a reader lists (the convention's "said twice or more")
    national_framing_min_count: int = 2
    # a document dated before this year (the `document_era_rank`-th latest year national text
    # first says a formulation of the lexicon the document says: a report says none coined
    # after it) lists the everyday entries of its time, those national text said by then, as
    # framing entries (改革开放, 保障和改善民生 in a report of 2012 or 2016; 0 switches it off).
    # A report of 2018 or later says them in passing
    everyday_documents_before: int = 2017
    # …and a short text of the centre of any era (a communiqué, a conference's news) lists an
    # everyday entry it says this many times or more (0: off), one this long at least: it
    # frames itself with what it repeats (保障和改善民生, 平台经济, 反腐败斗争), while a shorter
    # everyday word is a word of the language there (新时代)
    everyday_central_min_count: int = 2
    everyday_central_min_len: int = 4
    # …and one it says once, this long at least (0: off): a name of five characters or more
    # (服务型政府, 国资国企改革, 保障性租赁住房) is a formulation a communiqué states once, where a
    # four-character one (改革开放, 依法行政) is a set word its prose says in passing; so is one
    # national text says on more days than this (中国特色社会主义, 1,981 news days: the next is
    # 保障和改善民生, 298), and one the next word goes on naming with (…|伟大事业)
    everyday_central_once_min_len: int = 5
    everyday_central_once_max_documents: int = 1000
    document_era_rank: int = 3
    # a document dated before framing_documents_before lists a framing entry national text
    # first said framing_era_years before the document's era or less where it says it once: a
    # formulation of its own time (家电下乡, 一揽子计划 in a report of 2011; 事中事后监管,
    # 棚户区改造, 医改 in one of 2014; 0: off). The same year as `everyday_documents_before`:
    # a report of 2018 or later says them in passing
    framing_documents_before: int = 2017
    framing_era_years: int = 10
    # …and said once is enough in a text of the centre this short (a communiqué, a conference's
    # news: it says each formulation once), one that says the words of a local scope
    # (`local_scope`: 全省, 市委) fewer than `local_scope_per_10k` times per 10,000 characters
    national_framing_short_max: int = 10_000
    local_scope_per_10k: int = 5
    # the fewest characters of a principle such a text says to adhere to (stage frame, rule
    # adhered: 坚持|节约优先), the steadfastness after it trimmed (…|不动摇)
    adhered_min_len: int = 3
    # how far back the place that names a kind of zone is read (苏南|国家自主创新示范区)
    zone_place_lookbehind: int = 8
    # --- stage known: an entry this short is found only as whole words (not 海|洋垃圾)
    known_short_max: int = 4
    # --- stage rank: a formulation this short is not counted where it is a piece of other
    # words (“强网” in 加强|网络, “五五” in 十五五)
    count_short_max: int = 5

    # --- stage motto
    # a motto has at least this many clauses, each at most this long
    motto_min_clauses: int = 2
    motto_max_clause: int = 6
    # clauses this short need at least this many of them (开门稳、开门好、开门红)
    short_clause_len: int = 2
    short_clause_min_count: int = 3
    # a pair that is the object of a verb of command has clauses of this length
    object_pair_len: int = 4
    # a series of couplets may follow a verb of command this long (坚持|稳中求进、以进促稳，…)
    couplet_lead_max: int = 4
    # …or a clause word and the people it asks of, this long at most (引导广大人才|…)
    couplet_asked_lead_max: int = 10
    # two clauses of the same characters in another order are this long at least
    # (人民领袖爱人民、人民领袖人民爱)
    chiasmus_min_len: int = 5
    # …and two clauses whose nouns of this many characters or more swap places (大城市带动大京郊、
    # 大京郊服务大城市)
    chiasmus_swap_min_noun: int = 2
    # a chiasmus (稳中求进、以进促稳) shares this many characters
    chiasmus_min_shared: int = 2
    # three or more clauses of one length between these, filling a clause or said this often
    triplet_min_clauses: int = 3
    triplet_min_len: int = 3
    triplet_max_len: int = 4
    triplet_min_count: int = 2
    # a possessive trail (…的基本方针) after the clauses is at most this long
    possessive_trail_max: int = 5
    # clauses sharing their last this many characters share a head word (a list)
    shared_head_len: int = 2
    # the fewest and most provinces a pairing joins by their abbreviations (闽宁; 呼包鄂乌: four)
    pairing_min: int = 2
    pairing_max: int = 4
    # the most countries besides China a bilateral name joins (中蒙俄经济走廊: two)
    bilateral_partners_max: int = 2
    # the longest modifier between the countries and what China builds with them (中马|钦州|产业园区)
    bilateral_modifier_max: int = 4
    # the shortest and longest clause before 一起抓 that a principle holds to be done together
    # (坚持|党政|一起抓, 坚持|物质文明和精神文明|一起抓), and the most such clauses joined by 、
    held_together_min: int = 2
    held_together_max: int = 10
    held_together_parts: int = 4
    # the theme a congress states for itself (rule theme), a sentence of theme_min_clauses
    # clauses or more (a business of one clause is an agenda: 研究部署下半年经济工作): clauses
    # of up to theme_short_max characters are said in runs of one length (继往开来，与时俱进), a
    # run listed whole; a longer clause is listed alone (加快推进社会主义现代化); theme_short_max
    # 0 switches the rule off
    theme_short_max: int = 6
    theme_min_clauses: int = 2
    # the longest modifier of a form of economy or a culture in a run of them (首发|经济, 海派|文化)
    kind_run_modifier_max: int = 2
    # in a short text of the centre, a run of this many clauses or more ending in one head is
    # a motto (功能监管、穿透式监管、持续监管; 0: off), each at most this long, the first and the
    # last as long as the others give or take the spread (rule head-run, `head_runs.py`)
    head_run_min_clauses: int = 3
    head_run_max_clause: int = 8
    head_run_spread: int = 1
    # clauses sharing their first this many characters rhyme (开门稳、开门好)
    shared_lead_len: int = 2
    # this many clauses or more opening alike are anaphora (激活主体、激活要素、激活市场)
    anaphora_min_clauses: int = 3
    # --- stage siblings: a list with this many names found names its other items (…论坛),
    # each this long
    siblings_min_found: int = 2
    sibling_min_len: int = 4
    sibling_max_len: int = 16
    # rule ideals: in this many ideals of one province or city or more, a noun stands for an
    # ideal (人文北京、科技北京、绿色北京)
    ideal_nouns_min_parts: int = 3
    # rule anchored: a run of clauses of one length, this long at least, sharing this many
    # opening characters, one of them a national formulation (一网通办、一网统管、一网慧治)
    anchored_clause_min: int = 3
    anchored_lead_min: int = 2
    # anaphora clauses may be this long, a lead that acts and what follows it at most
    # motto_max_clause (更加注重系统集成、更加注重突出重点、更加注重改革实效)
    anaphora_max_clause: int = 10
    # a motto has at most this many clauses (a longer run of 、 is a list)
    motto_max_clauses: int = 12
    # the clauses of a frame of means are at least this long (以学铸魂; 以上、以下 are words)
    frame_min_clause: int = 4
    # clauses opening with one verb may differ in length between these (投早、投小、投长期)
    one_lead_min_clause: int = 2
    one_lead_max_clause: int = 5
    # clauses this long sharing the place name the ways it is made strong (产业强省、企业兴省)
    strength_clause_len: int = 4
    # the rest of a motto's last clause kept with it, when it ends the clause (德治|相结合)
    motto_max_trail: int = 4
    # …and 的 with the noun phrase the run qualifies, of nouns only, up to this long all told
    # (更加广泛、更加充分、更加健全|的人民民主; at 6, …的方面下功夫 and …的特高压工程 came in,
    # in the national news)
    motto_max_noun_trail: int = 5
    # clauses with 之 after this many characters and one after it name what each is (建军|之|本、
    # 强军|之|魂)
    possessive_frame_at: int = 2
    # three clauses or more on one frame of parallel prose (series_frames: 以X为Y, 与X相Y, X更加
    # Y) are a motto (rule frame-series): at least this many, X this long, Y this long
    frame_series_min_clauses: int = 3
    frame_series_min_x: int = 2
    frame_series_max_x: int = 10
    frame_series_tail: int = 2
    # the clauses a verb of attaining sets as a standard (rule attained: 做到|无事不扰、有求必应)
    # are of like lengths: the longest at most this many times the shortest (法无授权不可为、法定
    # 职责必须为; not 鼓励类服务业用电、用水、用气、用热与工业基本同价, a subject and a list)
    attained_length_ratio: int = 2
    # words this long, each ending in a suffix of quality (quality_suffixes), three or more in a
    # row after a verb opening a clause, are a motto (市场化、法治化、国际化; rule
    # suffix-qualities); longer ones (工具属性, 社会信息化) are names or other shapes
    suffix_quality_len: int = 3
    # a predicate this long shared by clauses that differ in their first character only
    # (谋在实处、干在实处、成在实处)
    shared_predicate_min: int = 2
    # a shared modifier this long, with this much after it, makes a list (统一意志、统一行动)
    common_modifier_min: int = 2
    common_modifier_rest: int = 2
    # one-word clauses this long in parallel are idioms in parallel (尽力而为、量力而行)
    idiom_clause_min: int = 3
    # three clauses or more this long, of two halves, rhyme when their second halves are
    # different words sharing one character (科技创新、产业焕新、城市更新)
    rhyme_clause_len: int = 4
    # three clauses or more this long, each a verb of one character and its object of two,
    # with different verbs and no character shared at one place, are a motto when they are the
    # whole of their clause (，要破障碍、去烦苛、筑坦途，; 扭住重预防、强基础、严监管、提能力四个关键，)
    short_verb_object_len: int = 3
    # the clause's own verb before such clauses is at most this long (要|破障碍、去烦苛、筑坦途;
    # 紧紧扭住|重预防、…): after a longer opening they list someone's doings (周末他们喜欢|看电影、…)
    short_verb_object_lead_max: int = 4
    # three words or more this long, sharing no character at one place, one of them a quality
    # (quality_tags), are a motto when a verb of command opening their clause takes them to its
    # end: the qualities to reach (，确保人工智能发展|安全、可靠、可控。; ，坚持|自由、平等、公正、法治。)
    quality_len: int = 2
    # a pair of clauses this long sharing all but their last character is a motto when the shared
    # characters end in a verb of one character (保交|楼、保交|房) or the last ones are qualities
    # (开门|红、开门|旺; 融资|难、融资|贵): one act with two objects or two results
    one_act_pair_len: int = 3
    # what opens such a clause, the verb of command and its subject, is at most this long
    # (确保人工智能发展: 8); after a longer opening the words are a detail of the clause
    quality_lead_max: int = 8

    # --- stage head
    # a head's modifier is at least this long
    head_min_modifier: int = 2
    # a spirit's modifier that is one idiom of this length is a virtue (开拓进取|精神)
    virtue_idiom_len: int = 4
    # the noun phrase a head phrase's modifier is coordinated with by 和 is part of the name
    # when at least this long and as long as the words after 和 (科技创新和人才强市首位战略;
    # a word of two is as often a verb the tagger misreads: 弘扬和|培育民族精神)
    coordinate_min_len: int = 3
    # a quoted name at most this long right before a head phrase belongs to it (“三北”工程攻坚战)
    head_quoted_name_max: int = 8
    # two-character heads (and the common ones) need a modifier this long
    short_head_len: int = 2
    short_head_min_modifier: int = 3
    # strict heads (战略) need a modifier this long
    strict_head_min_modifier: int = 4
    # descriptive heads (格局, 理念) name only when the phrase is this short and said this often
    descriptive_head_max_len: int = 6
    descriptive_head_min_count: int = 2
    # rare heads (意识) need a modifier this long
    rare_head_min_modifier: int = 5
    # the frame 以X为中心的 opens at most this far before a phrase at most this long
    centred_lookback: int = 12
    centred_max_phrase: int = 6
    # a noun that a modifying head (战略) modifies is found in this many characters after it
    noun_window: int = 4
    # battles listed with a battle head are this long, and listed within this window after it
    battle_min_len: int = 2
    battle_max_len: int = 3
    battle_window: int = 24

    # --- stage frame
    # a clause and its negation share a frame this long and differ in length by at most this
    negated_frame_min: int = 3
    negated_length_gap: int = 2

    # --- stage anaphora: (number of words, characters a word) of words opening alike
    anaphora_shapes: tuple[tuple[int, int], ...] = ((2, 3), (3, 2))
    # shapes with more words than this must be the whole object of a verb of command
    anaphora_free_words: int = 2
    # three words that end alike written as one clause are a motto (积势蓄势谋势; 0: off)
    endings_alike: int = 1
    # …each of its words rarer than this in the language: ten times an IDF of the bundled table
    # (工作 2.4 and 合作 2.7 are everyday words; 救灾 5.6, 积势 10.6)
    endings_alike_min_idf_x10: int = 50

    # --- stage repeated
    # only a text this short is read (a long report repeats boilerplate)
    repeated_max_text: int = 6000
    # a phrase this long, said this often, is the text's slogan; at most this long
    repeated_min_len: int = 9
    repeated_min_count: int = 3
    repeated_max_len: int = 30
    # once cut to whole words it keeps at least this many characters
    repeated_min_trimmed: int = 8

    # --- stage coined: a document's own coined term, said as one unit several times
    # only a text this long is read (a news item repeats its subject, not a coinage)
    coined_min_text: int = 3000
    # said at least this many times (智能原生 five times in a 5,000-character opinion) ...
    coined_min_count: int = 4
    # ... and at least once every this many characters (a 5,000-character opinion: 4 times; a
    # 50,000-character report: 40 times)
    coined_chars_per_count: int = 1250
    # a compound of at most this many words (新一代|智能|终端: 3), of at least this many characters
    coined_max_words: int = 4
    coined_min_len: int = 4

    # --- stage position (positioning names: 打造|内陆地区改革开放高地)
    # a positioning name is at least this long (国家中心城市: 6, 开放桥头堡: 5; no 人才高地, or 创新
    # 高地 of 世界重要人才中心和|创新高地: a conjunct cut short)
    position_min_len: int = 5
    # the whole name is at most this long (国内国际双循环市场经营便利地: 14; 具有全国影响力的
    # 科技创新中心: 14)
    position_max_len: int = 16
    # names listed after one verb make one positioning (listed whole, as a motto) when there
    # are at least this many of one head character, their lengths within this spread
    # (全球高端人才重要集聚地、世界原始创新重要策源地、现代产业创新引领地、全国创新生态示范地: 4
    # names of 7 to 9 characters)
    position_set_min: int = 3
    # a name holding a description before 的 (具有全国影响力的|科技创新中心) is one only where the
    # document says what it describes (科技创新中心) at least this many times
    position_described_min_said: int = 2
    position_set_length_spread: int = 2

    # --- stages filter and rank
    # a formulation has at least this many characters (or is a number)
    min_len: int = 2
    # how many context sentences a formulation keeps
    max_contexts: int = 3
    # a context sentence longer than this (a table or a list written as one line, with no
    # sentence end) is cut to this many characters around the formulation, with … where cut:
    # whole, each find of such a text carried the whole text, and the output grew with its
    # square (the longest sentence of the test documents: 515; of the 56 k items of national
    # news: 1,978, and 4 longer than 1,000)
    context_max_len: int = 2000
    # --- stage fold: a find is named with an opener (党的, 高举: `named_openers`) where the text
    # says it so at least this percentage of the times it says the find (a report saying
    # 基本路线 four times, once as 党的基本路线: the Party's line, counted four times)
    opener_named_min_percent: int = 25
    # …and only an entry national text names so in this percentage of its uses at least
    # (data/national_openers.tsv: 党的基本路线 in 69 %, 党的|集中统一领导 7 %, 党的|初心使命 8 %)
    opener_national_min_percent: int = 20

    # --- central documents, opinions and plans (issue 12; stages motto and quoted)
    # a run of clauses of one length that a verb of forming opens and that qualifies, with 的,
    # a new form a field is to take (加快形成|人机协同、跨界融合、共创分享|的智能经济和智能社会
    # 新形态; 打造|精准识别需求、主动规划服务、全程智能办理|的政务服务新模式) is listed whole,
    # as a motto (rule new-form): at least this many clauses, each of this many characters
    new_form_min_clauses: int = 2
    new_form_clause_min: int = 2
    new_form_clause_max: int = 8
    # …and the run a principle's head follows with no 的 (按照|德才兼备、注重实绩、群众公认|原则)
    # has at least this many (知情、自愿|原则 is two conditions)
    new_form_direct_min_clauses: int = 3
    # the noun phrase after 的 is at most this long, its head word included (的|人工智能能力
    # 建设开放生态: 10)
    new_form_head_span_max: int = 12
    # a run of clauses joined by 、 that qualifies, with 的, the head of a principle (按照|精简、
    # 统一、效能|的原则…; …|冷静观察、沉着应对|的方针) is listed whole, whatever opens it and
    # follows (rule principle-named): each clause at most this long (0 switches the rule off),
    # the run read back at most this far from the 的
    principle_named_max_clause: int = 8
    principle_named_max_span: int = 60
    # …no clause more than this many times as long as another (将|偷税、逃避缴纳税款案件|的标准
    # is no run), and at most this many characters of words open the first clause before the run,
    # after a verb of holding or none (要坚持|, 和|; 坚持|以党的旗帜为旗帜、以党|的方向 is no run)
    principle_named_max_ratio: int = 3
    principle_named_max_lead: int = 4
    # …the head followed by no noun (…的精神|血脉 names none): the word after it is read in this
    # many characters
    principle_named_lookahead: int = 6

    # --- the headlines of a short central text's numbered points (issue 12; stage point): a
    # sentence that an ordinal and 是 open and that is a clause of this many characters (一是
    # 宏观政策要稳健有效。), where the text numbers this many points so (0: the stage is off)
    point_headline_min: int = 4
    point_headline_max: int = 20
    point_min_count: int = 3

    # --- mottos whose clauses a comma joins (issue 12; stage motto, core/formulations/
    # comma_runs.py)
    # a sentence that is nothing but this many clauses, of one length between these, not all
    # of them tasks, is a motto (rule couplet-sentence): 。安不忘危，兴不忘忧。 (2 of 4);
    # 。人民有信仰，国家有力量，民族有希望。 (3 of 5). Read when comma_couplet_sentences is 1
    # (the default since 2026-12-05; 0 leaves it off): on the development documents it adds 11
    # items, all right (两岸同根，骨肉相亲 a must of gwr-2018), on the held-out ones 2 right and
    # 1 wrong (shandong-2025's precision 0.926 -> 0.923). It was off while a rule was kept only
    # where the held-out precision did not fall; their precision is over its bar of 0.85 and
    # their recall under it, and the couplets are what a reader quotes (issue 12)
    comma_couplet_sentences: int = 1
    comma_couplet_min_clauses: int = 2
    comma_couplet_max_clauses: int = 4
    comma_couplet_min_len: int = 4
    comma_couplet_max_len: int = 7
    # clauses longer than this make a couplet sentence only when they share a frame as
    # framed-clauses reads it (。志不求易者成，事不避难者进。); a sentence of two longer clauses
    # without one is as often prose (。成绩殊为不易，值得倍加珍惜。) as a motto
    comma_couplet_free_max_len: int = 5
    # this many whole clauses or more in a row (at most framed_max_clauses), of one length between
    # these, sharing a frame character at one place with different words before and after it,
    # are a motto (rule framed-clauses): 思想要再解放，改革要再深化，开放要再扩大 (3 of 6; two
    # clauses in a frame are as often prose: 国家就有前途，民族就有希望)
    framed_min_clauses: int = 3
    framed_max_clauses: int = 6
    framed_min_len: int = 5
    framed_max_len: int = 9
    # this many whole clauses or more in a row (at most even_run_max_clauses), each of
    # even_run_len characters, are a motto with no frame (rule even-run): 解放思想，改革开放，
    # 凝聚力量，攻坚克难 (a congress's theme); 吃苦在前，享受在后，克己奉公，多作贡献. A report's
    # prose rarely keeps one rhythm for four bare clauses (its lists join them with 、); three
    # are as often a list. 0 switches the rule off
    even_run_len: int = 4
    even_run_min_clauses: int = 4
    even_run_max_clauses: int = 8
    # …and three of them are one where all open with the same even_run_lead_len characters, a
    # lead the motto repeats (稳中有为，稳中提质，稳中有进; 以学益智，以学修身，以学增才), in a
    # sentence or ending one (0: off)
    even_run_lead_len: int = 2
    even_run_lead_min_clauses: int = 3
    # two whole clauses of one length between these, joined by ，, that say two words in one
    # order and then in the other around a frame they share are a motto (rule crossed-clauses):
    # 在发展中促转变，在转变中谋发展; 以需求牵引供给，以供给创造需求 (0 switches it off)
    crossed_min_len: int = 5
    crossed_max_len: int = 10
    # this many whole clauses or more in a row (a frame said more than uneven_frame_max_clauses
    # times is none), of any lengths between these, that share a frame of two parts or more,
    # uneven_frame_min_shared characters in all, aligned from the clauses' starts or their ends,
    # opening or closing them, with a grammatical character in it, are a motto (rule
    # uneven-frame): 一切…都要坚决冲破，一切…都要坚决改变，一切…都要坚决革除; 凡是对…有利的事情
    # (three times). 0 switches it off
    uneven_frame_min_clauses: int = 3
    uneven_frame_max_clauses: int = 6
    # this many whole clauses or more in a row, each of up to degree_run_max_len characters,
    # that all open with one adverb of degree or constancy (degree_openers) and then say
    # different things, are a motto (rule degree-run): 倍加顾全大局，倍加珍视团结，倍加维护稳定
    # (0 switches it off); a run whose first clauses are longer states tasks at length (更加突出
    # 整治群众身边腐败和作风问题)
    degree_run_min_clauses: int = 3
    degree_run_max_len: int = 12
    # …and a clause after such a run that opens with the adverb too is the run's up to this
    # many characters (a run cut short names nothing: none is listed where one longer still
    # goes on)
    degree_run_longer_max: int = 18
    uneven_frame_min_len: int = 4
    uneven_frame_max_len: int = 18
    uneven_frame_min_shared: int = 3
    # ... and the frame is this share of each clause or more (percent): 凡是对|台湾同胞|有利的事情
    # (8 of 12); 从|群众最期盼的领域|改起 (3 of 11) says where to begin, in prose
    uneven_frame_min_percent: int = 40
    uneven_frame_min_parts: int = 2
    # this many whole clauses or more in a row, each saying what a different part of a doctrine
    # is (a noun of role_series_nouns after a modifier of up to role_series_modifier_max
    # characters, then 是 or 在 and up to role_series_predicate_max characters), are one motto
    # (rule role-series): 第一要义是发展，核心是以人为本，基本要求是全面协调可持续，根本方法是统筹
    # 兼顾 (0 switches it off)
    role_series_min_clauses: int = 3
    role_series_modifier_max: int = 2
    role_series_predicate_max: int = 14
    # the frame character is in a word this short, no noun (思想|要|再|解放, 环境|就是|民生; not
    # 推进|不动产|登记, where 不 is inside a longer word)
    framed_word_max: int = 2
    # the clause after a framed run may close it with a subject this many characters longer
    # (…，开放要有新局面，各项工作要有新举措)
    framed_last_longer_max: int = 3
    # a numbered heading made only of a quoted name and a short noun phrase, （一）“人工智能+”
    # 科学技术, names an item of the document's own programme (rule quoted/heading) where at
    # least this many numbered headings open with the same quoted name (the programme's fields)
    programme_heading_min: int = 2
    # the noun phrase after the quoted name has this many characters (科学技术, 全球合作: 4)
    programme_heading_field_min: int = 2
    programme_heading_field_max: int = 6

    def __post_init__(self) -> None:
        object.__setattr__(self, "disabled_stages", frozenset(self.disabled_stages))
        # options with the values of options already found valid are valid: checking ~200
        # fields on every call cost a tenth of the extractor's time on a short news item
        values = tuple(self.__dict__.values())
        if _VALID and _same_values(values, _VALID[0]):
            return
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "disabled_stages":
                if not all(isinstance(s, str) for s in value):
                    raise UsageError("disabled_stages: stage names expected")
                continue
            if f.name == "lexicon":
                if value is not None and not isinstance(value, Lexicon):
                    raise UsageError("lexicon: a Lexicon expected (see read_user_lexicon)")
                continue
            if not _whole_numbers(value):
                raise UsageError(f"formulation option {f.name} must be a whole number >= 0")
        for low, high in _RANGES:
            if getattr(self, low) > getattr(self, high):
                raise UsageError(f"formulation option {low} must not exceed {high}")
        _VALID[:] = [values]


@lru_cache(maxsize=1)
def default_options() -> FormulationOptions:
    """The default options, made once: made on every call, options of ~100 fields (~25 us) took
    6 % of the extractor's time on a news item; of 217 fields they take ~50 us."""
    return FormulationOptions()


_VALID: list[tuple[object, ...]] = []  # the field values of the options last found valid


def _same_values(values: tuple[object, ...], valid: tuple[object, ...]) -> bool:
    """The same objects, field for field (True is not 1); the stage names (the first field)
    an equal set of strings (each options' empty set is a new one)."""
    return (
        len(values) == len(valid)
        and values[0] == valid[0]
        and all(map(is_, values[1:], valid[1:]))
    )


def _whole_numbers(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value >= 0
    if isinstance(value, tuple) and value:
        return all(_whole_numbers(v) for v in value)
    return False


_RANGES: tuple[tuple[str, str], ...] = (
    ("following_min_len", "following_max_len"),
    ("refers_min_len", "refers_max_len"),
    ("counted_noun_min", "counted_noun_max"),
    ("triplet_min_len", "triplet_max_len"),
    ("battle_min_len", "battle_max_len"),
    ("repeated_min_len", "repeated_max_len"),
    ("quoted_run_clause_min", "quoted_run_clause_max"),
    ("quoted_run_min_clauses", "quoted_run_max_clauses"),
    ("new_form_clause_min", "new_form_clause_max"),
    ("comma_couplet_min_clauses", "comma_couplet_max_clauses"),
    ("comma_couplet_min_len", "comma_couplet_max_len"),
    ("framed_min_clauses", "framed_max_clauses"),
    ("framed_min_len", "framed_max_len"),
    ("even_run_min_clauses", "even_run_max_clauses"),
    ("point_headline_min", "point_headline_max"),
    ("crossed_min_len", "crossed_max_len"),
    ("uneven_frame_min_clauses", "uneven_frame_max_clauses"),
    ("uneven_frame_min_len", "uneven_frame_max_len"),
    ("programme_heading_field_min", "programme_heading_field_max"),
)

