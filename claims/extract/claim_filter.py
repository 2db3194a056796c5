"""Which sentence units are claims: assertions, not titles, headings, questions or page talk.

Each rule looks at the form of the unit, never at particular articles: too few words, a label
ending in ":", mostly digits and symbols, interface and credit lines, bylines, unpunctuated
name lines, questions, headings without a verb (`Baghdad's cooperation with Moscow`),
sentences without a verb (team lists, `A monitor, keyboard or mouse.`, `What a dreadful
result.`), headings that are indirect questions (`What will lead to the withdrawal`), imperative
promotions (`Subscribe to our newsletter`, `Click the link below`) and first-person-plural
talk about the text itself (`In this article, we will explore ...`). `rejection` names the
first rule that drops a unit, so a measurement can say what each rule costs.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from claims.extract.sentences import Sentence
from claims.text.normalize import fold, word_set

_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CLOSING = "\"'”’»›)]"
_OPENING = "\"'“‘«‹([„"

_INTERFACE_PREFIX_RE = re.compile(
    r"(?i)^(?:(?:photo|фото|image|picture|video|source|credit|caption|illustration|graphic"
    r"|related|tags?|share|copyright)(?=\s*(?:[:|/©]|by\b|$))"
    r"|share (?:this|on|via|with)\b|related (?:articles|stories|topics|news|posts|content)\b"
    r"|copyright(?=\s*[©\d])|read more|read also|see also|subscribe|advertisement|©"
    r"|all rights reserved|follow us|sign up|click here|written by|continue reading"
    r"|read the rest|listen to|watch:|back to top(?![\w-]))\b"
)
"""Credits, labels and interface words: "Photo: ...", "Source: ...", "Share this", "Read more".
A label noun needs its label form ("Share prices fell" and "Video games sold" are claims)."""
_INTERFACE_PHRASES = (
    "your email address will not be published",
    "required fields are marked",
    "skip to main content",
    "leave a reply",
    "no responses yet",
    "all rights reserved",
    "cookie policy",
    "cookie settings",
    "use of cookies",
    "uses cookies",
    "accept cookies",
    "accept all cookies",
    "sign in to",
    "log in to",
    "share this article",
    "rate this article",
)
_BYLINE_RE = re.compile(r"^(?:By|From|Author:?)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")

_PROMOTION_RE = re.compile(
    r"(?i)^(?:subscribe|unsubscribe|click|tap|sign up|log in|sign in|register (?:now|here|today"
    r"|for)|download (?:the|our|it|now|free|your)|join (?:us|our|the conversation|now|today)"
    r"|follow (?:us|our|me)|donate|support (?:us|our)|buy (?:now|tickets|your|our)"
    r"|order (?:now|your|today|online)|learn more|find out more|discover more|check out"
    r"|don['’]t miss|never miss|get (?:the latest|our|your|unlimited|access|breaking|free|it now)"
    r"|stay (?:informed|tuned|up to date|updated|connected|in the loop)|like us on|contact us"
    r"|email us|write to us|visit (?:our|us)|try (?:it|now|for free)|listen (?:now|live)"
    r"|watch (?:now|live|the (?:video|full)|our))\b"
)
"""An imperative addressed to the reader at the start of the unit: a call to act, no claim."""
_TAGLINE_RE = re.compile(
    r"(?i)^(?:the|your)\s+(?:ultimate|best|leading|number one|no\.?\s?1|#1|go-to|premier"
    r"|trusted|one-stop|essential)\s+(?:[\w-]+\s+){0,2}?(?:destination|source|place|home"
    r"|guide|site|hub|resource|platform|newsletter|podcast)\s+(?:for|of)\b"
)
"""A promotional tagline: "The ultimate destination for ...", "Your trusted source of ..."."""
_TEXT_NOUNS = (
    r"(?:article|post|blog(?: post)?|piece|guide|essay|video|section|chapter|report|analysis"
    r"|series|episode|newsletter|thread|tutorial|review)"
)
_DISCOURSE_VERBS = (
    r"(?:explore|examine|look at|take a (?:closer |quick |deeper |brief )?look at|discuss"
    r"|delve into|dive into|dig into|cover|outline|break down|unpack|walk (?:you )?through"
    r"|go over|consider|review|answer|describe|highlight|summari[sz]e|share)"
)
_META_RE = re.compile(
    rf"(?i)\b(?:in|throughout|with|by the end of) (?:this|today['’]s|the following) {_TEXT_NOUNS}"
    rf"\s*,?\s+(?:we|i|you|let['’]s)\b"
    rf"|\b(?:this|the following|today['’]s) {_TEXT_NOUNS}\s+(?:will\s+|aims to\s+|is going to\s+)?"
    rf"(?:explores?|examines?|looks? at|discuss(?:es)?|delves? into|covers?|outlines?"
    rf"|takes? a (?:closer )?look at|walks? (?:you )?through|breaks? down|unpacks?)\b"
    rf"|^(?:now,?\s+|so,?\s+|first,?\s+|next,?\s+|below,?\s+|here,?\s+)?(?:let['’]s|let us)"
    rf"\s+(?:now\s+)?{_DISCOURSE_VERBS}\b"
    rf"|^(?:now,?\s+|below,?\s+|here,?\s+|next,?\s+)?we(?:['’]ll| will| shall| are going to)?"
    rf"\s+(?:now\s+)?(?:explore|delve into|dive into|take a (?:closer |quick |deeper |brief )?"
    rf"look at|walk you through|unpack|break down)\b"
)
"""The text talking about itself in the first person plural (or to the reader)."""

_QUESTION_WORDS: Final = word_set("what why how who whom whose where when which whether")
_AUXILIARIES: Final = word_set(
    "is are was were am be been being has have had do does did will would shall should can"
    " could may might must cannot won't can't isn't aren't wasn't weren't hasn't haven't"
    " hadn't don't doesn't didn't wouldn't shouldn't couldn't mustn't ain't"
)
_CONTRACTED: Final = ("'re", "'ve", "'d", "'ll", "'m")
_IS_CONTRACTED: Final = word_set("it's he's she's that's there's here's what's who's where's let's")
_IRREGULAR_PAST: Final = word_set(
    "ate awoke became began bent bet bit bled blew broke brought built burnt burst bought"
    " caught chose clung came cost crept cut dealt dug dove drew dreamt drank drove fell fed"
    " felt fought found fled flew forbade forgot forgave froze got gave went ground grew hung"
    " heard hid hit held hurt kept knelt knew laid led leapt learnt left lent let lay lit lost"
    " made meant met paid put quit read rode rang rose ran said saw sought sold sent set shook"
    " shone shot showed shrank shut sang sank sat slept slid slung spoke sped spent spun spat"
    " split spread sprang stood stole stuck stung stank struck strove swore swept swam swung"
    " took taught tore told thought threw thrust understood woke wore wove wept won wound"
    " wrote withdrew overtook undertook upheld"
    " arisen awoken beaten become begun bitten blown broken chosen done drawn drunk driven"
    " eaten fallen flown forgotten forgiven frozen given gone grown hidden known ridden risen"
    " seen shaken shown shrunk spoken stolen sworn taken thrown torn woken worn woven written"
    " withdrawn overthrown outspent"
)
_NOT_VERBS_IN_S: Final = word_set(
    "this thus its his hers ours yours theirs as us yes news series species always perhaps"
    " towards afterwards besides unless less whereas across various famous previous"
    " numerous serious obvious analysis basis crisis thesis status bus plus chaos gas"
    " olympics economics politics physics athletics mathematics means headquarters"
)
_PLURAL_WITHOUT_S: Final = word_set(
    "people police men women children staff fans crew cattle folk youth public media"
)
"""Plural subjects whose present-tense verb has no -s: "Police arrest", "People flee"."""
_HEADLINE_VERBS: Final = word_set(
    "accept agree aim announce appeal arrest attack axe back ban beat boost buy call charge"
    " claim clash clinch close cut defend deny drop earn ease edge end face fail fall fear"
    " fight file find fire gain get give go grab halt head help hire hold hope join keep"
    " kill launch lead leave lift line lose make meet miss move name need offer open order"
    " outline pass pay plan play pledge plot press probe push quit raise rally reach recruit"
    " reject renew return reunite revamp reveal revel rise rule sack sail say score seal"
    " secure see seek sell shed sign slam slash slip snub soar spark stay storm strike suffer"
    " sue support take target tell test threaten top urge vote vow want warn watch win look"
    " surge finish turn bid eye host unveil mark step run come"
)
"""Base forms a headline uses as its verb after a name ("Slovakia seal Hopman Cup success")."""
_PREDICATES: Final = word_set(
    "not in at on over under behind up down out back off into through near ahead ready fit keen"
    " happy unhappy sorry confident optimistic upbeat defiant uncertain doubtful hopeful wary"
    " cautious firm calm angry furious delighted eager determined due likely unlikely unable"
    " safe sure"
)
"""Words that make a verbless headline assert ("US consumer confidence up", "X ready for Y")."""
_FUNCTION_WORDS: Final = word_set(
    "the a an of for in on at to with by from about and or but your my our their its his her"
    " this that these those no new"
)
"""Words after which a headline's next word is part of a noun phrase, not its predicate."""
_HEADLINE_QUOTE_RE = re.compile(r"(?:^|\s)['‘\"“]\S.*?['’\"”](?=\s|$|[,.:;!?])")
"""A quotation in a headline: someone's claim reported without its verb (X 'illegal')."""


def rejection(sentence: Sentence) -> str | None:
    """The name of the first rule that says `sentence` is not a claim, or None for a claim."""
    text = sentence.text
    words = _WORD_RE.findall(text)
    if len(words) < 3:
        return "fragment"
    stripped = text.rstrip().rstrip(_CLOSING)
    if stripped.endswith(":"):
        return "label"
    letters = sum(len(word) for word in words)
    if letters * 2 < len(text.replace(" ", "")):
        return "symbols"
    if _INTERFACE_PREFIX_RE.match(text) or any(p in fold(text) for p in _INTERFACE_PHRASES):
        return "interface"
    if _BYLINE_RE.match(text):
        return "byline"
    if stripped.endswith(("?", "\uff1f")):
        return "question"
    return _form_rejection(sentence, words)


def is_claim(sentence: Sentence) -> bool:
    """True for assertions; False for labels, bylines, debris, questions, headings, promotions."""
    return rejection(sentence) is None


def _form_rejection(sentence: Sentence, words: list[str]) -> str | None:
    text = sentence.text.lstrip(_OPENING + " ")
    if _PROMOTION_RE.match(text) or _TAGLINE_RE.match(text):
        return "promotion"
    if _META_RE.search(text):
        return "meta"
    if sentence.terminated:
        return None if asserts(text) or _HIDDEN_VERB_RE.search(text) else "no verb"
    if not _reads_as_headline(words):
        return "name line"
    clause = _after_label(sentence.text)
    tokens = _TOKEN_RE.findall(clause)
    if tokens and tokens[0].lower() in _QUESTION_WORDS:
        return "heading"
    if not asserts(clause):
        return "heading"
    return None


_HIDDEN_VERB_RE = re.compile(
    r"\b(?:I|[Ww]e|[Yy]ou|[Tt]hey|[Hh]e|[Ss]he|[Ii]t)\b(?!['’])"
    r"|\b(?:always|never|often|usually|still|also|now|rarely|seldom)\s+[a-z]+"
    r"|\b[a-z]+\s+(?:him|her|them|us|me|myself|himself|herself|themselves)\b"
)
"""Where a verb hides from the word test (a present tense without -s): a personal pronoun
("We fully respect his decision", "I enjoy the atmosphere"), a frequency adverb before a word
("always work best") or a word before an object pronoun ("Real Madrid view him as ...")."""


def _reads_as_headline(words: list[str]) -> bool:
    """An unpunctuated line that is more than a name or a label: four words and a lower-case
    one, or six words or more."""
    if len(words) < 4:
        return False
    return any(word[0].islower() for word in words) or len(words) >= 6


def _after_label(text: str) -> str:
    """The part of a headline after a short label ("Special care: what ..." -> "what ...")."""
    head, colon, rest = text.partition(":")
    if colon and rest.strip() and len(_WORD_RE.findall(head)) <= 4 and not has_verb(head):
        return rest.strip()
    return text


def asserts(headline: str) -> bool:
    """Whether a headline asserts something: a verb, a figure, a quotation, or the dropped
    copula of headline style (a name, then a predicate: "Smith ready for final")."""
    if any(char.isdigit() for char in headline) or _HEADLINE_QUOTE_RE.search(headline):
        return True
    if has_verb(headline):
        return True
    tokens = _TOKEN_RE.findall(headline)
    for before, word in itertools.pairwise(tokens):
        if before.lower() in _FUNCTION_WORDS:
            continue
        lowered = word.lower()
        if lowered in _PREDICATES or (lowered in _HEADLINE_VERBS and _is_name_or_noun(before)):
            return True
        if lowered.endswith("ing") and len(lowered) > 5 and word[:1].islower():
            return True
    return False


def _is_name_or_noun(word: str) -> bool:
    """A word a headline verb may follow: a name, or a lower-case word that is no adverb."""
    return word[:1].isupper() or not word.lower().endswith("ly")


def has_verb(text: str) -> bool:
    """Whether `text` has a word that can be a finite verb (or a headline's "to" + verb).

    Generous on purpose: plural nouns in -s count, so only lines with no verb at all
    (`Baghdad's cooperation with Moscow`, `Olympic bronze medallist`) are headings.
    """
    tokens = [token.replace("’", "'") for token in _TOKEN_RE.findall(text)]
    lowered = [token.lower() for token in tokens]
    for position, word in enumerate(lowered):
        if word in _AUXILIARIES or word in _IRREGULAR_PAST or word.endswith(_CONTRACTED):
            return True
        if word in _IS_CONTRACTED or word.endswith("n't"):
            return True
        if _looks_past(word) or _looks_present(word):
            return True
        following = lowered[position + 1] if position + 1 < len(lowered) else ""
        if word == "to" and following.isalpha() and tokens[position + 1][:1].islower():
            return True
        if word in _PLURAL_WITHOUT_S and following and tokens[position + 1][:1].islower():
            return True
    return False


def _looks_past(word: str) -> bool:
    return len(word) >= 4 and word.endswith("ed")


def _looks_present(word: str) -> bool:
    if len(word) < 3 or not word.endswith("s") or word in _NOT_VERBS_IN_S:
        return False
    return not word.endswith(("ss", "us", "is", "'s"))
