"""Cue lexicon for attribution: reporting verbs and phrases with the stance each one signals.

The stance is the reporter's: "noted"/"confirmed" present the claim as fact (endorsing),
"said"/"according to" report it (neutral), "claimed"/"alleged" keep a distance.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from claims.extract.attribution.tokens import words
from claims.extract.models import Stance


class CueKind(StrEnum):
    """How a cue connects source and content."""

    SAY = "say"
    """A verb whose complement is the content ("said that", "X said.")."""
    TELL = "tell"
    """A verb with an addressee before the content ("told Izvestia that")."""
    STRICT = "strict"
    """An ambiguous verb that counts only before "that", a colon or a quotation ("found that")."""
    ACCORDING = "according"
    """"according to X" and its kin: the source follows the cue."""
    OBJECT = "object"
    """A verb whose object is the content ("criticized the plan", "called for talks")."""
    PASSIVE = "passive"
    """An agentless cue ("it is emphasized that"): the speaker comes from the passage."""
    BY = "by"
    """A passive with its agent: `the plan was criticized by X` (X the source)."""
    SEEM = "seem"
    """"X seems to Y", "X appeared unperturbed": the whole clause is the content, no source."""


class CueEntry(BaseModel):
    """What a cue form means."""

    model_config = ConfigDict(frozen=True)

    lemma: str
    kind: CueKind
    stance: Stance


PASSAGE_LABELS = words(
    "update updated watch note photo photos video related read breaking exclusive opinion "
    "analysis correction clarification latest editor editor's editor’s listen see warning q a "
    "transcript source sources credit caption claim rating verdict conclusion summary context "
    "background fact facts ruling subs substitutes scorers scorer referee attendance venue "
    "kick-off squad"
)
"""Words before a colon that label a passage (`Note:`, a fact-check's `Claim:` and `Rating:`)
rather than name a speaker."""

_SAY_NEUTRAL = words(
    "say add state report write tweet post stress emphasize emphasise underline underscore "
    "clarify explain comment announce declare warn believe think argue suggest predict "
    "respond reply continue recall deny assert affirm reiterate estimate complain caution "
    "remark joke quip boast brag conclude indicate tell maintain testify mention hint "
    "signal counter retort wonder speculate surmise specify elaborate highlight assure "
    "inform agree dispute doubt fear worry ask concur opine repeat remind answer shout chant "
    "yell recount bemoan"
)

AMBIGUOUS_LEMMAS = words("add show maintain")
"""Verbs of saying with a frequent sense that is no speech ("added 146,000 jobs", "showed
growth", "maintained its lead"): cues only when they take a report (see `report_object`)."""

FIGURE_LEMMAS = words(
    "report post recall reveal disclose declare note concede conclude repeat answer observe "
    "counter indicate"
)
"""Verbs of saying whose noun object is speech ("reported Gore's decision", "posted a
comment", "recalled the attacks") but whose figure or measure is not ("reported a profit",
"posted a 20% rise", "recalled 200,000 vans", "revealing debts of 14bn euros")."""

_SAY_ENDORSING = words(
    "concede note confirm acknowledge admit reveal observe recognize recognise disclose"
)

_SAY_DISTANCING = words("insist claim allege purport contend charge")

_TELL_VERBS = words("ask assure inform remind tell urge warn")

_OBJECT_NEUTRAL = words(
    "criticize criticise describe endorse support praise defend reject attack oppose blast "
    "dismiss denounce blame mock echo discuss slam challenge condemn cite express voice "
    "decry applaud welcome hail lambaste ridicule dub label accuse thank recommend favor "
    "favour prefer seek request rule threaten back question tout pitch promote push lament "
    "deplore vow promise propose urge demand call want hope plan assail downplay offer"
)

_OBJECT_ENDORSING = words("show")

_STRICT_NEUTRAL = words(
    "learn know feel expect see conclude understand hear read imply mean want plan decide imagine "
    "view"
)

_STRICT_ENDORSING = words("find demonstrate prove establish determine")

_STRICT_DISTANCING = words("insinuate pretend")

_IRREGULAR: dict[str, tuple[str, ...]] = {
    lemma: tuple(forms.split())
    for lemma, forms in {
        "say": "say says said saying",
        "tell": "tell tells told telling",
        "write": "write writes wrote written writing",
        "think": "think thinks thought thinking",
        "find": "find finds found finding",
        "know": "know knows knew known knowing",
        "feel": "feel feels felt feeling",
        "see": "see sees saw seen seeing",
        "hear": "hear hears heard hearing",
        "read": "read reads reading",
        "mean": "mean means meant meaning",
        "learn": "learn learns learned learnt learning",
        "show": "show shows showed shown showing",
        "understand": "understand understands understood understanding",
        "seek": "seek seeks sought seeking",
        "dub": "dub dubs dubbed dubbing",
        "slam": "slam slams slammed slamming",
        "label": "label labels labeled labelled labeling labelling",
        "favor": "favor favors favored favoring",
        "prefer": "prefer prefers preferred preferring",
        "admit": "admit admits admitted admitting",
        "quip": "quip quips quipped quipping",
        "brag": "brag brags bragged bragging",
        "plan": "plan plans planned planning",
        "concur": "concur concurs concurred concurring",
        "testify": "testify testifies testified testifying",
    }.items()
}

_NOT_CUES = words(
    "accuse answer answers ask asking asks boast boasts call calls charge charges claim comment "
    "comments continue continued continues continuing counter demand demands dispute doubt doubts "
    "estimate estimates fear fears hope hopes joke jokes mention note pledge pledges post "
    "posting posts promise promises question questions reading remark remarks replies reply "
    "report reports respond saying signal signals state states vow vows warning worry "
    "writing"
)
"""Forms of speech verbs that are often nouns: cues only before "that", a colon or a quote."""

_NOT_OBJECT_FORMS = words(
    "backed backing favored challenging attacks back backs challenges demands dubs "
    "echo echoes favors label labels pitch pitches plans pledges promises push pushes "
    "question questions requests rule ruled rules ruling thanks threatens voice voices "
    "welcome welcomes"
)
"""Forms of object verbs that are more often nouns or other words in news text."""

_NEVER_CUES = words("note post posts state states tweet tweets")
"""Forms that are nouns in news text nearly every time ("a tweet", "United States")."""

ACCORDING_CUES: tuple[tuple[str, ...], ...] = (
    ("according", "to"),
    ("as", "reported", "by"),
    ("as", "quoted", "by"),
    ("in", "the", "words", "of"),
    ("quoting",),
    ("citing",),
)
"""Cues after which the source follows: "according to X", "citing X"."""

_PASSIVE_VERBS = words(
    "emphasized emphasised stressed noted reported said claimed alleged believed stated "
    "clarified explained announced expected understood confirmed revealed argued"
)

PASSIVE_CUES: tuple[tuple[str, ...], ...] = (
    tuple(("it", be, verb) for be in ("is", "was") for verb in sorted(_PASSIVE_VERBS))
    + tuple(("it", "has", "been", verb) for verb in ("reported", "announced", "revealed"))
    + (("it", "is", "known"), ("it", "was", "learned"))
    + tuple(
        (be, verb, "to")
        for be in ("is", "are", "was", "were")
        for verb in ("reported", "said", "alleged", "believed", "expected", "thought")
    )
    + (("reportedly",), ("allegedly",), ("purportedly",))
)
"""Agentless cues: the speaker comes from the passage or stays unknown."""

MULTIWORD_SAY: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): lemma
    for phrase, lemma in {
        "pointed out": "point out",
        "points out": "point out",
        "point out": "point out",
        "pointing out": "point out",
        "drew attention to": "draw attention to",
        "draws attention to": "draw attention to",
        "made clear": "make clear",
        "makes clear": "make clear",
        "made it clear": "make clear",
        "makes it clear": "make clear",
        "went on to say": "say",
        "went on": "say",
        "called for": "call for",
        "calls for": "call for",
        "calling for": "call for",
        "called on": "call on",
        "calls on": "call on",
        "called it": "call",
        "put it": "put it",
        "puts it": "put it",
        "spoke of": "speak of",
        "spoke about": "speak about",
        "talked about": "talk about",
        "referred to": "refer to",
        "referring to": "refer to",
        "refers to": "refer to",
        "pointed to": "point to",
        "pointing to": "point to",
        "points to": "point to",
        "calling on": "call on",
        "weighed in": "weigh in",
        "talking about": "talk about",
        "talks about": "talk about",
        "speaking about": "speak about",
        "speaking of": "speak of",
        "voted for": "vote for",
        "voted against": "vote against",
        "votes for": "vote for",
        "votes against": "vote against",
        "pledged to": "pledge",
        "pledges to": "pledge",
        "declined to": "decline",
        "declines to": "decline",
        "refused to": "refuse",
        "refuses to": "refuse",
        "vowed to": "vow",
        "railed against": "rail against",
        "rails against": "rail against",
        "railing against": "rail against",
        "lashed out at": "lash out at",
        "lashes out at": "lash out at",
        "lashing out at": "lash out at",
        "took issue with": "take issue with",
        "takes issue with": "take issue with",
        "went after": "go after",
        "goes after": "go after",
        "took aim at": "take aim at",
        "takes aim at": "take aim at",
        "made no secret of": "make no secret of",
        "makes no secret of": "make no secret of",
        "apologized for": "apologize for",
        "apologizes for": "apologize for",
        "would like": "would like",
        "would vote for": "vote for",
        "will vote for": "vote for",
        "is concerned about": "be concerned about",
        "are concerned about": "be concerned about",
        "was concerned about": "be concerned about",
        "were concerned about": "be concerned about",
        "is worried about": "be worried about",
        "are worried about": "be worried about",
        "was worried about": "be worried about",
        "were worried about": "be worried about",
        "hit back": "hit back",
        "hits back": "hit back",
        "hitting back": "hit back",
        "fired back": "fire back",
        "fires back": "fire back",
        "shot back": "shoot back",
        "shoots back": "shoot back",
    }.items()
}
"""Phrasal cues whose first word alone is not a cue."""

MULTIWORD_OBJECT = words(
    "talk_about speak_about speak_of vote_for vote_against pledge decline refuse vow call_for "
    "call_on refer_to point_to draw_attention_to rail_against lash_out_at take_issue_with "
    "go_after take_aim_at make_no_secret_of apologize_for be_concerned_about be_worried_about "
    "would_like"
)
"""Phrasal cues whose object is the content (lemmas with `_` for spaces)."""

MULTIWORD_STANCE: dict[str, Stance] = {
    "point out": Stance.ENDORSING,
    "make clear": Stance.ENDORSING,
}

SEEM_FORMS: dict[str, str] = {
    form: lemma
    for lemma, forms in (("seem", "seem seems seemed"), ("appear", "appear appears appeared"))
    for form in forms.split()
}
"""Verbs of seeming: the writer's (or someone's) impression, with no source of its own."""

ATTITUDE_LEMMAS = words(
    "citing_reason seem appear "
    "want hope plan seek prefer favor favour support oppose back expect feel see know "
    "understand learn decide imagine mean vote_for vote_against pledge decline refuse vow "
    "be_concerned_about be_worried_about make_no_secret_of would_like offer"
)
"""Cues of intent or attitude ("wants", "seeks"): attributions for PolNeAR, but what the
text asserts about the subject rather than words the subject said, so never a chain's
speaker (lemmas with `_` for spaces)."""

DISTANCING_MARKERS = words("so-called purportedly allegedly supposedly")
"""Words in a claim that show the reporter keeping a distance whatever the cue."""


def _regular_forms(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


def _forms(lemma: str) -> tuple[str, ...]:
    return _IRREGULAR.get(lemma) or _regular_forms(lemma)


def _by_stance(
    neutral: frozenset[str], endorsing: frozenset[str], distancing: frozenset[str] = frozenset()
) -> list[tuple[str, Stance]]:
    pairs = [(lemma, Stance.NEUTRAL) for lemma in neutral]
    pairs += [(lemma, Stance.ENDORSING) for lemma in endorsing]
    pairs += [(lemma, Stance.DISTANCING) for lemma in distancing]
    return sorted(pairs)


def _build_verbs() -> dict[str, CueEntry]:
    """Strict verbs first, then object verbs, then speech verbs (later kinds win)."""
    table: dict[str, CueEntry] = {}
    strict = _by_stance(_STRICT_NEUTRAL, _STRICT_ENDORSING, _STRICT_DISTANCING)
    for lemma, stance in strict:
        for form in _forms(lemma):
            table[form] = CueEntry(lemma=lemma, kind=CueKind.STRICT, stance=stance)
    for lemma, stance in _by_stance(_OBJECT_NEUTRAL, _OBJECT_ENDORSING):
        for form in set(_forms(lemma)) - _NOT_OBJECT_FORMS:
            table[form] = CueEntry(lemma=lemma, kind=CueKind.OBJECT, stance=stance)
    for lemma, stance in _by_stance(_SAY_NEUTRAL, _SAY_ENDORSING, _SAY_DISTANCING):
        kind = CueKind.TELL if lemma in _TELL_VERBS else CueKind.SAY
        for form in _forms(lemma):
            if form in _NOT_CUES:
                table.setdefault(form, CueEntry(lemma=lemma, kind=CueKind.STRICT, stance=stance))
            else:
                table[form] = CueEntry(lemma=lemma, kind=kind, stance=stance)
    for form in _NEVER_CUES:
        table.pop(form, None)
    return table


SPEECH_LEMMAS = _SAY_NEUTRAL | _SAY_ENDORSING | _SAY_DISTANCING
"""Lemmas of verbs of saying (their `-ing` form after a comma is a participle cue)."""

VERB_CUES: dict[str, CueEntry] = _build_verbs()
"""Lower-cased verb form -> its cue entry."""

SPEECH_FORMS = frozenset(form for lemma in sorted(SPEECH_LEMMAS) for form in _forms(lemma))
"""Every form of a verb of saying (`saying`, `told`)."""
