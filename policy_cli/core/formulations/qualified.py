"""Stage `qualified`: a run of qualities listed with the thing its 的 names.

A parallel run closed by 的 and a short noun at the end of its clause may qualify that noun:
规范、透明、开放、有活力、有韧性|的资本市场, 简约适度、绿色低碳|的生活方式, 真实、立体、全面|的中国.
The qualities alone name nothing; with the noun they are the formulation a reader lists. The
noun is of nouns only, `motto_max_noun_trail` characters with 的 at most (`noun_named`), no
head of a principle or a form (…|的方针, …|的优良传统, …|的开放格局, …|的旗帜: the run is the
principle or the form, named bare by the stage `motto`), and no role the run plays in its
sentence (是数字化、网络化、智能化|的基础: `role_series_nouns`).

A run of the national lexicon is a motto of its own unless national text says it before 的 in
most of its uses (`national_qualifiers`, built by scripts/build_qualifiers.py): 两个市场、两种
资源|的能力 and 敢于斗争、善于斗争|的勇士 stay bare, 多主体供给、多渠道保障、租购并举|的住房制度
is named with its noun. The motto stage reads the same trail for the runs it finds by their
shape; this stage reads it for a run any other stage found, and adds its evidence
(`qualified/noun`) to that stage's.

A run is named with its noun only where the document says it so every time (the same 的 and
noun after each use): a run said bare too stays bare, counted wherever it is said. The
comparison of two reports (`diff`) and a trend over a corpus read a run named so as the bare run
(`bare_run`): one document names it with its noun, another before another noun or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from policy_cli.core.formulations.candidate import CERTAIN, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import words
from policy_cli.core.national import national_lexicon, national_qualifiers
from policy_cli.core.occurrences import find_all
from policy_cli.core.phrases import canonical
from policy_cli.core.segment import default_tagger

STAGE = "qualified"
# the evidence the stage adds to a run it names with its noun (after the finding stage's own)
EVIDENCE = f"{STAGE}/noun"


def qualify_candidates(
    text: str, candidates: Sequence[Candidate], options: FormulationOptions
) -> list[Candidate]:
    """List a run found bare with the noun its 的 qualifies at the end of its clause, where the
    document says the run so every time."""
    o = options
    if not o.motto_max_noun_trail:
        return list(candidates)
    w = words()
    texts = {c.text for c in candidates}
    trails = {
        c.text: trail for c in candidates
        if c.strength < CERTAIN and w.list_separator in c.text
        and text.startswith(c.text, c.offset)
        and (trail := clause_trail(text, c.offset + len(c.text))) is not None
    }
    if not trails:
        return list(candidates)  # (most documents: few runs, none before 的)
    said = find_all(text, list(trails))
    out = []
    for c in candidates:
        trail = trails.get(c.text)
        if (
            trail is not None
            and c.text + trail not in texts
            and all(clause_trail(text, at + len(c.text)) == trail for at in said.get(c.text, ()))
            and noun_named(trail, o)
            and qualifies(c.text)
        ):
            c = replace(c, text=c.text + trail, also=(*c.also, EVIDENCE))
        out.append(c)
    return out


def clause_trail(text: str, end: int) -> str | None:
    """The rest of the clause after a run that ends at `end`, where it opens with 的 (None
    otherwise, and where the text ends before a mark closes the clause). Read by
    scripts/build_qualifiers.py too, so that the table counts the uses the stage reads."""
    w = words()
    if not text.startswith(w.trail_possessive, end):
        return None
    stop = end + len(w.trail_possessive)
    while stop < len(text) and text[stop] not in w.clause_or_line_ends:
        stop += 1
    return text[end:stop] if stop < len(text) else None


def noun_named(trail: str, o: FormulationOptions) -> bool:
    """Tell whether the rest of a run's last clause is 的 and a noun phrase of nouns only, at
    most `motto_max_noun_trail` characters in all (…更加健全|的人民民主, …更加有效|的人才政策),
    no head of a principle or a form (…|的方针, …|的优良传统, …|的新格局: `principle_heads`,
    `form_heads`; the run is that principle or form, named bare) and no role alone (…|的基础,
    …|的关键: `role_series_nouns`, what the run is in its sentence): the thing the run qualifies,
    which it names. An adjective, a verb or a preposition in it makes it the sentence's own
    (…的良好局面, …的宣传推广, …的公民为目标)."""
    w = words()
    if not (len(trail) <= o.motto_max_noun_trail and trail.startswith(w.trail_possessive)):
        return False
    if names_a_kind(trail) or names_a_role(trail):
        return False
    tagged = default_tagger().tag(trail[len(w.trail_possessive) :], False)
    return bool(tagged) and all(tag in w.noun_tags for _, tag in tagged)


def names_a_kind(trail: str) -> bool:
    """Tell whether the rest of a run's clause ends with the head of a principle or a form
    (…的方针, …的优良传统, …的新格局, …的旗帜: `principle_heads`, `form_heads`): the run is that
    principle or form, a motto of its own, not a quality of a thing."""
    w = words()
    return trail.endswith(w.principle_heads) or trail.endswith(w.form_heads)


def names_a_role(trail: str) -> bool:
    """Tell whether the rest of a run's clause is 的 and a role alone (…智能化|的基础, …|的关键:
    `role_series_nouns`): what the run is in its sentence, no thing it names."""
    w = words()
    return trail.startswith(w.trail_possessive) and (
        trail[len(w.trail_possessive) :] in w.role_series_nouns
    )


def qualifies(run: str) -> bool:
    """Tell whether a run may be named with the noun it qualifies: one the national lexicon
    holds (its last part joined by 和 or 、) only where national text says it before 的 in
    most of its uses (a motto of its own otherwise: 两个市场、两种资源 is named bare)."""
    key = _lexicon_key(run)
    return key not in national_lexicon() or key in national_qualifiers()


def _lexicon_key(run: str) -> str:
    """The lexicon's form of a run: canonical, and its last part joined by a list's conjunction
    (不敢腐、不能腐和不想腐) joined by 、 as the lexicon holds it, where that is an entry."""
    key = canonical(run)
    w = words()
    last = key.rfind(w.list_separator)
    for conj in w.list_run_conjunctions:
        at = key.find(conj, last + 1)
        if at > last:
            joined = key[:at] + w.list_separator + key[at + len(conj) :]
            if joined in national_lexicon():
                return joined
    return key


def bare_run(text: str, evidence: Sequence[str]) -> str:
    """The run a formulation named with its noun by this stage is (its `evidence` holds
    `qualified/noun`): the text before its last 的 (the noun holds none); any other text as it
    is."""
    if EVIDENCE not in evidence:
        return text
    cut = text.rfind(words().trail_possessive)
    return text[:cut] if cut > 0 else text
