"""Words that signal conflict or distance: denials, refutations, hedges and opposite verbs.

Word lists, not a model, so every conflict can be explained: "opposite verbs: withdraw vs
remain" names the two words that were found. Verbs are listed with their inflections; a
claim "has" a verb when any form of it is among its words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.match.normalize.words import content_words, tokens
from claims.text.normalize import word_set

DENIAL_WORDS = word_set(
    "deny denies denied denying denial refute refutes refuted refuting rebut rebutted dismiss"
    " dismissed dismisses debunk debunked debunks disputed disputes dispute contradicted"
)
"""Verbs that reject an assertion ("has denied that possibility")."""

REFUTING_WORDS = word_set(
    "hoax hoaxes fake fakes faked false falsely untrue bogus fabricated fabrication debunk"
    " debunked debunks deny denies denied denial refute refuted refutes baseless myth"
    " misleading prank pranks satire satirical retract retracted retraction nonsense"
    " doctored photoshopped doubt doubts doubted doubtful dubious exaggerated contradict"
    " contradicts contradicted contradicting unraveled unravelled discredited erroneous"
    " incorrect inaccurate wrong spoof parody scam fraud fraudulent debunking misinformation"
    " disinformation legend legends myths hype misreported falsehood lies lie"
)
"""Words with which a text says that a claim is wrong (a superset of DENIAL_WORDS)."""

HEDGING_WORDS = word_set(
    "reportedly allegedly alleged alleges claims claimed claiming purportedly supposedly"
    " apparently unconfirmed unverified rumoured rumored speculation speculated speculate"
    " possibly potentially may might could suggests suggested believed appears appeared seems"
    " seemingly unclear uncertain reports reported according sources"
)
"""Words with which a text reports a claim without vouching for it."""

_OPPOSITES: tuple[tuple[str, str, str, str], ...] = (
    (
        "withdraw",
        "withdraw withdraws withdrew withdrawn withdrawing withdrawal pull pulled pulls pullout",
        "remain",
        "remain remains remained remaining stay stays stayed staying",
    ),
    (
        "confirm",
        "confirm confirms confirmed confirming confirmation",
        "deny",
        "deny denies denied denying denial",
    ),
    (
        "buy",
        "buy buys bought buying purchase purchases purchased purchasing acquire acquired",
        "refuse",
        "refuse refuses refused refusing refusal decline declines declined declining",
    ),
    (
        "increase",
        "increase increases increased increasing rise rises rose risen rising grow grows grew"
        " grown growing surge surged surges",
        "decrease",
        "decrease decreases decreased decreasing fall falls fell fallen falling drop drops"
        " dropped dropping decline declined declines shrink shrank shrinks plunge plunged",
    ),
    ("win", "win wins won winning", "lose", "lose loses lost losing"),
    (
        "accept",
        "accept accepts accepted accepting approve approves approved approving",
        "reject",
        "reject rejects rejected rejecting veto vetoed vetoes",
    ),
    ("open", "open opens opened opening reopen reopened", "close", "close closes closed closing"),
    ("agree", "agree agrees agreed agreeing", "disagree", "disagree disagrees disagreed"),
    ("arrest", "arrest arrests arrested arresting detained", "release", "release released freed"),
    ("support", "support supports supported supporting", "oppose", "oppose opposes opposed"),
    (
        "start",
        "start starts started starting begin begins began begun beginning launch launched",
        "stop",
        "stop stops stopped stopping halt halted halts suspend suspended",
    ),
    ("allow", "allow allows allowed permit permits permitted", "ban", "ban bans banned banning"),
    ("alive", "alive survived survives survive", "dead", "dead died dies killed"),
    ("join", "join joins joined joining", "leave", "leave leaves left leaving quit quits"),
    ("raise", "raise raises raised raising", "cut", "cut cuts cutting lowered"),
    ("convict", "convicted guilty", "acquit", "acquitted innocent cleared"),
    ("succeed", "succeed succeeds succeeded success successful", "fail", "fail fails failed"),
)
"""Verb groups with their opposite: (name, forms, opposite name, opposite forms)."""

CONFIRMING_WORDS = word_set(
    "confirmed confirms confirm confirming announced announces officially statement verified"
    " revealed reveals proved proven evidence footage photos video documents records"
)
"""Words with which a text vouches for a claim ("confirmed in a statement")."""

_DENIAL_VERBS = DENIAL_WORDS - {"denial", "dispute", "disputes"}
"""Denial words used as verbs: "denial of service" and "a pay dispute" reject nothing."""
_DENIAL_RE = re.compile(r"(?i)\b(?:" + "|".join(sorted(_DENIAL_VERBS)) + r")\b")
_DEPRIVED_RE = re.compile(
    r"(?i)\b(?:be|been|being|is|are|was|were)\s+(?:(?:\w+ly|also|even|again|then|twice)\s+)?$"
)
"""A passive denial not followed by "by" or "that" deprives ("were denied two tries")."""
_DEPRIVED_AFTER_RE = re.compile(r"(?i)^\s+(?!by\b|that\b)[a-z]")

ACCUSATION_WORDS = word_set(
    "charge charges charged accused accusation accusations allegation allegations alleged"
    " allegedly trial indicted indictment suspected suspect suspects prosecuted prosecution"
    " critics"
)
"""Words with which a claim reports an accusation: denying the accusation agrees that it was
made ("denies fraud" and "is on trial for fraud" can both be true)."""
_CLAIMS_NOUN_RE = re.compile(
    r"(?i)\b(?:amid|to|over|about|of|the|these|those|such|fresh|new)\s+claims?\b"
)
"""Claims as a noun ("amid claims they were ...", "respond to claims that ..."): a report that
someone claims something, as opposed to the verb with which a claim asserts it."""


def reports_accusation(text: str) -> bool:
    """The claim reports an accusation or a claim rather than asserting it."""
    return count_words(text, ACCUSATION_WORDS) > 0 or bool(_CLAIMS_NOUN_RE.search(text))


_NEGATION_RE = re.compile(
    r"(?i)\b(?:not|never|no longer|nobody|no[ -]one|nothing|none|neither|nor|cannot|no(?=\s+[a-z])"
    r"|" + "|".join(sorted(_DENIAL_VERBS)) + r")\b|n['\u2019]t\b"
)
"""Words that negate or deny what their clause says (as the extraction's `negated` flag)."""
_NOT_NEGATION_RE = re.compile(
    r"(?i)\b(?:not only|not just|not merely|not least|no later than|no earlier than"
    r"|no more than|no fewer than|no less than|no doubt|nothing but|whether or not"
    r"|not to mention|not later than|not earlier than|no stranger|second to none"
    r"|not\s+(?:[a-z]+\s+){0,5}?until)\b"
)
"""Not negations: "no later than", "not only" ..., and "not ... until", which dates an event
("will not open until 2026") rather than denying it."""
NOT_NEGATION_RE = _NOT_NEGATION_RE
_CONCEDED_RE = re.compile(
    r"(?i)(?:\b(?:not|never)|n['\u2019]t)\s+(?:\w+\s+)?(?:"
    + "|".join(sorted(_DENIAL_VERBS))
    + r")\b"
)
"""A denial that is itself negated concedes ("I would not deny people the increase")."""
_OPINION_BEFORE_RE = re.compile(r"(?i)\b(?:I|we)(?:\s+\w+)?\s*$")
_OPINION_AFTER_RE = re.compile(
    r"(?i)^\s*(?:\w+\s+)?(?:think|thought|believe|believed|recall|remember|know|knew|agree"
    r"|agreed|like|liked|mind|expect|expected|understand|care|see|feel|felt|doubt|suppose)\b"
)
"""A negation of the writer's own view ("I don't think", "I never thought"): an opinion
about the assertion, not the assertion denied."""
_CLAUSE_RE = re.compile(
    r"[,;:()\"\u201c\u201d\u2013\u2014]|\s-\s|\b(?:but|while|whereas|although|though|because"
    r"|after|before|since|who|which|when)\b",
    re.IGNORECASE,
)
"""Where a clause ends: punctuation, dashes and the conjunctions that start another one."""
_BACK_REFERENCE = word_set(
    "it this that these those them possibility report reports claim claims suggestion"
    " suggestions rumour rumours rumor rumors allegation allegations story idea so"
)
"""Objects with which a denial points back at what the sentence said before it ("has denied
that possibility")."""


@lru_cache(maxsize=1)
def _verb_forms() -> dict[str, tuple[str, str]]:
    """Each verb form -> (its group name, the opposite group name)."""
    forms: dict[str, tuple[str, str]] = {}
    for name, words, opposite, opposite_words in _OPPOSITES:
        for form in words.split():
            forms.setdefault(form, (name, opposite))
        for form in opposite_words.split():
            forms.setdefault(form, (opposite, name))
    return forms


def verb_group(word: str) -> str | None:
    """The opposable verb group a word form belongs to ("bought" -> buy), if any."""
    found = _verb_forms().get(word)
    return found[0] if found else None


def verb_groups(text: str) -> dict[str, str]:
    """The opposable verb groups used in `text`: group name -> the form found."""
    forms = _verb_forms()
    found: dict[str, str] = {}
    for word in tokens(text):
        group = forms.get(word)
        if group is not None:
            found.setdefault(group[0], word)
    return found


def opposite_verbs(a: dict[str, str], b: dict[str, str]) -> tuple[str, str] | None:
    """A verb group of `a` whose opposite is in `b` (and not itself in `b`): (form a, form b)."""
    forms = _verb_forms()
    for group, form in a.items():
        opposite = forms[form][1]
        if opposite in b and group not in b and opposite not in a:
            return form, b[opposite]
    return None


def count_words(text: str, words: frozenset[str]) -> int:
    """How many words of `text` are in `words`."""
    return sum(1 for word in tokens(text) if word in words)


def negated_scopes(text: str) -> list[str]:
    """The parts of `text` a negation or denial applies to: the clauses that hold one.

    A denial whose clause names nothing of its own ("... but the minister denied it") points
    back at the sentence before it, so its scope is the whole text up to the denial.
    """
    excluded = [match.span() for match in _NOT_NEGATION_RE.finditer(text)]
    excluded += [match.span() for match in _CONCEDED_RE.finditer(text)]
    bounds = [0, *(m.start() for m in _CLAUSE_RE.finditer(text)), len(text)]
    scopes: list[str] = []
    for match in _NEGATION_RE.finditer(text):
        if any(start <= match.start() < end for start, end in excluded):
            continue
        if _DENIAL_RE.fullmatch(match[0]) and _deprives(text, match.start(), match.end()):
            continue
        start = max(bound for bound in bounds if bound <= match.start())
        end = min(bound for bound in bounds if bound >= match.end())
        after = text[match.end() : end]
        denial = bool(_DENIAL_RE.fullmatch(match[0]))
        if denial and _AGENT_RE.match(after):
            after = ""
        rest = [word for word in tokens(after) if word not in _BACK_REFERENCE]
        if denial and not rest:
            start = 0
        scopes.append(text[start : match.end()] + " " + _words_after(after))
    return scopes


_AGENT_RE = re.compile(r"(?i)^\s+(?:\w+ly\s+)?by\b")
"""A passive denial's agent ("were denied by Jack Straw") is who denies, not what is denied."""

_BACK_REFERENCE_STEMS = frozenset(content_words(" ".join(sorted(_BACK_REFERENCE))))
BACK_REFERENCE_STEMS = _BACK_REFERENCE_STEMS
REPORTING_STEMS = frozenset(
    content_words(
        "claim claims claimed say says said saying told tell tells added adds according report"
        " reports reported statement suggestion suggestions allegation allegations accusations"
        " leader spokesman spokeswoman spokesperson official officials minister secretary"
    )
)
"""Words (as content-word stems) of who says what, not of what is said: a denial and another
claim that share only these and names share no assertion."""

SCOPE_WORDS = 8
"""Content words after a negation that it governs: "not" negates what follows it closely."""


def _words_after(text: str) -> str:
    return " ".join(content_words(text)[:SCOPE_WORDS])


DENIED_HEAD = 3
"""Content words right after a denial verb that say what is denied ("denied his shadow
cabinet was split": shadow, cabinet, split)."""


def denied_heads(text: str) -> list[frozenset[str]] | None:
    """For each denial in `text`, the first content words of what it denies; None when a
    denial points back at the sentence ("denied that possibility") or there is none."""
    conceded = [match.span() for match in _CONCEDED_RE.finditer(text)]
    heads: list[frozenset[str]] = []
    for match in _DENIAL_RE.finditer(text):
        if any(start <= match.start() < end for start, end in conceded):
            continue
        if _deprives(text, match.start(), match.end()):
            continue
        after = text[match.end() :]
        ends_clause = _AGENT_RE.match(after) or not content_words(_clause_after(after))
        words = [word for word in content_words(after) if word not in _BACK_REFERENCE_STEMS]
        head = _denied_before(text[: match.start()]) if ends_clause else None
        if head is not None:
            heads.append(head)
            continue
        if ends_clause or not words:
            return None
        heads.append(frozenset(words[:DENIED_HEAD]))
    return heads or None


def _clause_after(text: str) -> str:
    found = _CLAUSE_RE.search(text)
    return text[: found.start()] if found else text


def _denied_before(before: str) -> frozenset[str] | None:
    """What a denial at the end of its clause denies: the noun right before it ("campaign move
    denied" denies a move), unless that noun points back at the sentence ("a claim denied by
    the chancellor") or says who spoke."""
    words = content_words(before[max((m.end() for m in _CLAUSE_RE.finditer(before)), default=0) :])
    if not words or words[-1] in _BACK_REFERENCE_STEMS or words[-1] in REPORTING_STEMS:
        return None
    return frozenset(words[-1:])


def opinion_negations(text: str) -> bool:
    """Every negation in `text` negates the writer's own view ("I don't think", "we never
    expected"): a reader's opinion, not a denial of the fact it is about."""
    found = False
    for match in _NEGATION_RE.finditer(text):
        if _DENIAL_RE.fullmatch(match[0]):
            return False
        before, after = text[: match.start()], text[match.end() :]
        if not (_OPINION_BEFORE_RE.search(before) and _OPINION_AFTER_RE.match(after)):
            return False
        found = True
    return found


def polarity_label(text: str, negated: bool) -> str:
    """How a claim states its assertion: "denied", "negated" or "reported"."""
    if not negated:
        return "reported"
    conceded = [match.span() for match in _CONCEDED_RE.finditer(text)]
    for match in _DENIAL_RE.finditer(text):
        if any(start <= match.start() < end for start, end in conceded):
            continue
        if not _deprives(text, match.start(), match.end()):
            return "denied"
    return "negated"


def _deprives(text: str, start: int, end: int) -> bool:
    """ "Children were being denied sporting opportunities": denied as in deprived of."""
    return bool(_DEPRIVED_RE.search(text[:start]) and _DEPRIVED_AFTER_RE.match(text[end:]))


LIGHT_WORDS = frozenset(
    content_words("going able likely longer enough expected planning set due yet ever")
)
"""Words right after a negation that carry none of what is negated ("not going to start",
"no longer able to"): the negated word comes after them."""


def negated_heads(text: str, skipped: frozenset[str]) -> list[str]:
    """For each negation or denial in `text` with an object of its own, the first content word
    it governs that is not in `skipped` (names the claims share), nor a word of reporting or a
    light word: "denies split over ID cards" denies a split, "did nothing to fix" a fix.

    Denials that point back at the sentence ("denied that possibility", "denied by X") and
    negations with nothing after them in their clause give no word.
    """
    excluded = [match.span() for match in _NOT_NEGATION_RE.finditer(text)]
    excluded += [match.span() for match in _CONCEDED_RE.finditer(text)]
    ends = [m.start() for m in _CLAUSE_RE.finditer(text)] + [len(text)]
    heads: list[str] = []
    for match in _NEGATION_RE.finditer(text):
        if any(start <= match.start() < end for start, end in excluded):
            continue
        denial = bool(_DENIAL_RE.fullmatch(match[0]))
        if denial and _deprives(text, match.start(), match.end()):
            continue
        after = text[match.end() : min(end for end in ends if end >= match.end())]
        if denial and _AGENT_RE.match(after):
            continue
        head = _first_governed(after, skipped)
        if head is not None:
            heads.append(head)
    return heads


def governed_object(text: str, head: str) -> str | None:
    """The content word right after the first use of `head` (a content word) in its clause:
    what the negated verb acts on ("denied he was increasing taxes" -> tax)."""
    words = content_words(_clause_of(text, head))
    if head not in words:
        return None
    after = [word for word in words[words.index(head) + 1 :] if word not in LIGHT_WORDS]
    return after[0] if after else None


def objects_after(text: str, head: str) -> frozenset[str]:
    """The content words right after each use of a word with `head`'s root in `text`, in its
    clause: what the verb acts on there ("increasing spending" -> spending)."""
    root = word_root(head)
    found: set[str] = set()
    for clause in _CLAUSE_RE.split(text):
        words = content_words(clause)
        for index, word in enumerate(words):
            if word_root(word) == root:
                found.update(words[index + 1 : index + 1 + NEIGHBOURS])
    return frozenset(found)


def _clause_of(text: str, head: str) -> str:
    for clause in _CLAUSE_RE.split(text):
        if clause and head in content_words(clause):
            return clause
    return text


_COPULA_RE = re.compile(r"(?i)^\W*(?:[\w'\u2019-]+\W+){0,5}?(?:is|was|are|were|be|been)\b")
"""A denied clause with a copula ("denied his shadow cabinet was split") denies what follows
it, not its subject."""


def _first_governed(after: str, skipped: frozenset[str]) -> str | None:
    ignored = skipped | REPORTING_STEMS | _BACK_REFERENCE_STEMS | LIGHT_WORDS
    copula = _COPULA_RE.match(after)
    found = _first_word(after[copula.end() :], ignored) if copula else None
    return found or _first_word(after, ignored)


def _first_word(after: str, ignored: frozenset[str]) -> str | None:
    for word in content_words(after):
        if word not in ignored and not any(ch.isdigit() for ch in word):
            return word
    return None


_SUFFIX_RE = re.compile(r"(?:ing|ed|es|e|s)$")


def word_root(word: str) -> str:
    """A word without its inflection, to compare "increasing" with "increase" and "threatened"
    with "threaten" (content words keep most inflections)."""
    root = _SUFFIX_RE.sub("", word)
    return root if len(root) >= 3 else word


NEIGHBOURS = 3
"""Content words on each side of a verb that say what it acts on ("troops will withdraw from
the base")."""


def neighbours(text: str, form: str) -> tuple[frozenset[str], frozenset[str]]:
    """The content words before and after the first use of the word `form` in `text`, in its
    clause."""
    found = re.search(rf"(?i)\b{re.escape(form)}\b", text)
    if found is None:
        return frozenset(), frozenset()
    head, tail = text[: found.start()], text[found.end() :]
    head = head[max((m.end() for m in _CLAUSE_RE.finditer(head)), default=0) :]
    tail = tail[: next((m.start() for m in _CLAUSE_RE.finditer(tail)), len(tail))]
    own = set(content_words(form))
    before = frozenset(content_words(head)[-NEIGHBOURS:]) - own
    return before, frozenset(content_words(tail)[:NEIGHBOURS]) - own


NEGATIVE_VERBS = word_set(
    "fail fails failed failing failure refuse refuses refused refusing unable unaware reject"
    " rejects rejected rejecting lack lacks lacked lacking"
)
"""Words with which a claim says something did not happen without "not": "failed to recover"
says what "has not recovered" says, so a plain negation never conflicts with it."""

_NOT_DONE_RE = re.compile(
    r"(?i)\b(?:fail|fails|failed|failing|refuse|refuses|refused|refusing|decline|declines"
    r"|declined|declining|unable)\s+to\b"
)
"""A negative verb with an infinitive ("failed to win", "declined to comment", "refused to
publish"): the claim says an act was not done."""


def says_not_done(text: str) -> bool:
    """The claim says, without "not", that something did not happen: a plain negation or a
    denial of that act agrees with it ("would not comment" / "declined to comment")."""
    return count_words(text, NEGATIVE_VERBS) > 0 or refuses_act(text)


def refuses_act(text: str) -> bool:
    """A negative verb governs an act ("failed to win", "refused to publish")."""
    return bool(_NOT_DONE_RE.search(text))


_HYPOTHETICAL_RE = re.compile(r"(?i)\b(?:if|unless|whether)\b")


def hypothetical_negations(text: str) -> bool:
    """Every negation in `text` lies in a condition ("If Jens is not our first choice, ..."):
    a supposition, not a denial."""
    bounds = [0, *(m.end() for m in _CLAUSE_RE.finditer(text))]
    found = False
    for match in _NEGATION_RE.finditer(text):
        start = max(bound for bound in bounds if bound <= match.start())
        if not _HYPOTHETICAL_RE.search(text[start : match.start()]):
            return False
        found = True
    return found


_ACCUSED_RE = re.compile(
    r"(?i)\b(?:accusations?|allegations?|claims?|charges?|suggestions?)\s+(?:of|that)\s+"
    r"([^,;:.()\"\u201c\u201d]+)"
)


def accused_content(text: str) -> frozenset[str] | None:
    """What a denial that points back at an accusation denies: "prompted accusations of
    anti-Semitism, claims denied by Labour" denies anti-Semitism, not the rest of the
    sentence. None when the sentence names no accusation or the denial has its own object."""
    if not _DENIAL_RE.search(text) or denied_heads(text) is not None:
        return None
    found = _ACCUSED_RE.search(text)
    if found is None:
        return None
    words = [word for word in content_words(found[1]) if word not in PREFIXES]
    return frozenset(words[:DENIED_HEAD]) or None


PREFIXES = frozenset({"anti", "pro", "non", "ex", "pre", "post", "co", "self", "counter"})
"""Parts of hyphenated words that say nothing alone: "anti-Semitism" and "anti-Islamic" do
not share what they are about."""
