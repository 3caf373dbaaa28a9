"""Two reports of two places: their place names are no news between them.

A report speaks for a place: the place it names most (天津 in Tianjin's report, 中国 in a national
one). When two reports speak for different places, every district, river and port of one is
"new" against the other; a reader comparing them wants what differs in policy. Then a term only
one report says that is or holds a proper place name (the part-of-speech tagger's, not a common
word such as 城市), or a term holding either report's own place name, is left out of the term
lists.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from policy_cli.core.pipeline import Prepared
from policy_cli.core.segment import default_segmenter, default_tagger
from policy_cli.core.tokens import Tokens

PLACE_TAG = "ns"  # jieba's tag of a place name
OWN_PLACE_USES = 3  # the place a report speaks for is named at least this often


def is_place_name(word: str) -> bool:
    """Tell whether the tagger reads `word`, taken alone, as one place name."""
    tags = default_tagger().tag(word, False)
    return len(tags) == 1 and tags[0][1] == PLACE_TAG


COMMON_PLACE_WORD = 0.3  # background rarity below which a "place" word is common (城市, 城镇)


def _proper(word: str) -> bool:
    """Tell whether a word the tagger reads as a place is a proper name, not 城市 or 城镇."""
    from policy_cli.core.diff.standing import idf_rarity
    from policy_cli.core.keywords import load_idf

    return idf_rarity(word, load_idf()) >= COMMON_PLACE_WORD


def own_place(prepared: Prepared) -> str | None:
    """The place a report speaks for: the place name it says most (None when it names none
    `OWN_PLACE_USES` times)."""
    words = Counter(w for w in Tokens.of(prepared.tokens).texts if len(w) >= 2)
    # the place a report speaks for it names again and again: rarer words need no tagging
    places = [(n, w) for w, n in words.items() if n >= OWN_PLACE_USES and is_place_name(w)]
    if not places:
        return None
    return max(places, key=lambda nw: (nw[0], nw[1]))[1]


@dataclass(frozen=True)
class Places:
    """The places two reports speak for; `two` when they differ."""

    old: str | None
    new: str | None

    @property
    def two(self) -> bool:
        """Tell whether the reports speak for two different places."""
        return self.old is not None and self.new is not None and self.old != self.new

    def names_a_place(self, term: str, *, one_sided: bool) -> bool:
        """Tell whether `term` is a place name to leave out (always False for one place).

        Args:
            term: a term of either report.
            one_sided: only one report says it (a place name both say, such as 长江, may
                be news).
        """
        if not self.two:
            return False
        own = (self.old or "", self.new or "")
        if any(p and p in term for p in own):
            return True
        if not one_sided:
            return False
        # 张江高新区, 南港工业区: a place's own name opens or makes up the term
        words = default_segmenter().cut(term)
        return any(len(w) >= 2 and is_place_name(w) and _proper(w) for w in words)


def places_of(p_old: Prepared, p_new: Prepared) -> Places:
    """The places the two reports speak for."""
    return Places(own_place(p_old), own_place(p_new))
