"""Source names folded for lookup: keys, transliteration, domains, scripts and look-alikes.

Three levels of sameness, strictest first: the stored alias key (`norm_key`: ASCII, lower
case, punctuation gone, so "U.S. State Department" = "US State Department" and "Рыбарь" =
"Rybar"); the core key (Arabic articles, "the", generic words such as "TV" or "news agency"
dropped and transliteration variants folded, so "Al-Iraqiya TV" = "Al Iraqiya" and
"Известия" = "Izvestia"); and token-by-token similarity for spelling variants, which
resolution only accepts when no distinguishing word differs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from claims.extract.attribution.names import common_noun, document_name
from claims.extract.entities import common_word
from claims.extract.gazetteer import aliases, demonyms
from claims.text.normalize import collapse_spaces, fold, norm_key, strip_format, word_set

HOMOGLYPH_KEY_PREFIX = "~"
"""Alias keys of look-alike names start with this, so they never equal a `norm_key`."""

GENERIC_WORDS = word_set(
    "tv television channel news newspaper agency daily weekly media network online website"
    " site web telegram service services inc ltd llc plc co corp corporation group official"
    " press radio broadcaster broadcasting magazine journal outlet portal"
)
"""Words that describe what a source is, not which one: "Shafaq" = "Shafaq News"."""

STOP_WORDS = word_set("the of for and a an in on at")
ARTICLES = word_set("al el ad as ash at az an ar")

DISTINGUISHING_WORDS = word_set(
    "north south east west northern southern eastern western central upper lower new old"
    " first second third greater little former ex deputy vice acting"
)
"""Words that name a different entity when they differ ("North Korea" vs "South Korea")."""

PRONOUNS = word_set(
    "he she it they we i you him her them this that these those there which who whom one"
    " someone somebody such its their his"
)

ANONYMOUS_NOUNS = word_set(
    "source sources official officials insider insiders analyst analysts expert experts"
    " observer observers diplomat diplomats interlocutor interlocutors witness witnesses"
    " resident residents people person reports report media commentators critics"
    " economists ministers lawmakers legislators traders investors politicians"
)
"""Nouns that, without a name, make a mention an anonymous source ("security sources")."""

_HOST_RE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")
_TRANSLIT_RULES = (
    ("x", "ks"),
    ("kh", "h"),
    ("ck", "k"),
    ("q", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("ou", "u"),
    ("y", "i"),
)
_TRAILING_J_RE = re.compile(r"(?<=[aeiou])j$")
_REPEAT_RE = re.compile(r"(.)\1+")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_QUOTES = "\"'“”‘’«»„‚`"


def alias_key(name: str) -> str:
    """The stored lookup key of a name (the same key the review actions use)."""
    return norm_key(name)


def homoglyph_key(name: str) -> str:
    """The stored key of a look-alike name: its exact folded letters, never a `norm_key`."""
    return HOMOGLYPH_KEY_PREFIX + fold(name)


def display_name(mention: str) -> str:
    """A mention tidied into a name: quotes, a leading "the" and a possessive removed.

    A final "'s" stays on a name that is not a place: `Moody's` and `Standard & Poor's` are
    the agencies' names, while `Russia's` is Russia.
    """
    text = collapse_spaces(strip_format(mention)).strip(_QUOTES + " ,;:.")
    if text.lower().startswith("the ") and len(text) > 4:
        text = text[4:]
    stripped = _POSSESSIVE_RE.sub("", text)
    if not stripped:
        return text
    last = stripped.split()[-1]
    if text[-1:] in "sS" and last[:1].isupper() and not is_place_name(stripped):
        return text
    return stripped


def is_place_name(name: str) -> bool:
    """Whether every word of the name is a place the gazetteer knows ("Rome", "South Korea")."""
    keys = norm_key(name).split()
    return bool(keys) and all(place_key(translit_token(key)) is not None for key in keys)


@lru_cache(maxsize=65536)
def translit_token(token: str) -> str:
    """One ASCII token with common transliteration differences folded ("izvestiya")."""
    for old, new in _TRANSLIT_RULES:
        token = token.replace(old, new)
    token = _TRAILING_J_RE.sub("i", token)
    return _REPEAT_RE.sub(r"\1", token)


@lru_cache(maxsize=65536)
def core_tokens(name: str) -> tuple[str, ...]:
    """The words that identify a source: no articles, stop words or generic words, folded."""
    words = [_split_article(word) for word in norm_key(name).split()]
    kept = [w for w in words if w and w not in STOP_WORDS and w not in GENERIC_WORDS]
    if not kept:
        kept = [w for w in words if w and w not in STOP_WORDS]
    return tuple(translit_token(word) for word in kept)


def _split_article(word: str) -> str:
    return "" if word in ARTICLES else word


def core_key(name: str) -> str:
    """`core_tokens` joined: "Al-Iraqiya TV" and "Al Iraqiya" give "irakiia"."""
    return " ".join(core_tokens(name))


def similar_tokens(a: str, b: str) -> bool:
    """Two core tokens that are one word spelled two ways ("mohammad", "mohammed")."""
    if a == b:
        return True
    if a.isdigit() or b.isdigit() or a[:1] != b[:1]:
        return False
    if place_key(a) is not None or place_key(b) is not None:
        return False
    return min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 80


@lru_cache(maxsize=1)
def _place_tokens() -> dict[str, str]:
    """Core token -> place key, for one-word places, countries and demonyms."""
    table: dict[str, str] = {}
    for key, (canonical, kind) in aliases().items():
        if kind == "place" and " " not in key:
            table[translit_token(key)] = canonical
    for demonym, country in demonyms().items():
        if " " not in demonym:
            table[translit_token(demonym)] = country
    return table


def place_key(token: str) -> str | None:
    """The place a core token names ("iraki" -> "iraq", "rusian" -> "russia"), if any."""
    return _place_tokens().get(token)


def country_key(country: str | None) -> str | None:
    """A country written any way ("United States", "U.S.", "Iraqi") as one gazetteer key."""
    if not country:
        return None
    key = norm_key(country)
    found = aliases().get(key)
    if found is not None and found[1] == "place":
        return found[0]
    return demonyms().get(key, key or None)


PLATFORM_HOSTS = word_set(
    "t.me telegram.me x.com twitter.com facebook.com youtube.com vk.com instagram.com"
    " tiktok.com medium.com substack.com ok.ru rutube.ru"
)
"""Hosts where the account, not the host, is the source ("t.me/rybar")."""


def known_country(text: str) -> str | None:
    """The gazetteer key of a place or demonym ("South Korean" -> "south korea"), else None."""
    key = norm_key(text)
    found = aliases().get(key)
    if found is not None and found[1] == "place":
        return found[0]
    return demonyms().get(key)


def domain_of(text: str) -> str | None:
    """The host of a URL or bare domain ("https://www.iz.ru/x" -> "iz.ru"; "t.me/rybar")."""
    candidate = text.strip().lower()
    if " " in candidate or "." not in candidate:
        return None
    if "://" not in candidate:
        candidate = "https://" + candidate
    try:
        parts = urlsplit(candidate)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return None
    if not _HOST_RE.match(host):
        return None
    segments = [part for part in parts.path.split("/") if part and part != "s"]
    account = segments[0].lstrip("@") if segments else ""
    if host in PLATFORM_HOSTS and account:
        return f"{host}/{account}"
    return host


def domain_suffixes(host: str) -> list[str]:
    """The host and its parent domains down to two labels ("en.iz.ru" -> en.iz.ru, iz.ru)."""
    if "/" in host:
        return [host]
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


def scripts_of(word: str) -> set[str]:
    """The scripts of the letters of a word (LATIN, CYRILLIC, GREEK, ARABIC, ...)."""
    found: set[str] = set()
    for char in word:
        if char.isalpha():
            name = unicodedata.name(char, "")
            found.add(name.split(" ", 1)[0] if name else "UNKNOWN")
    return found


def mixed_script_words(text: str) -> list[str]:
    """Words that mix Latin letters with Cyrillic or Greek ones: the mark of a look-alike."""
    suspicious = []
    for word in re.findall(r"\w+", strip_format(text)):
        scripts = scripts_of(word)
        if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
            suspicious.append(word)
    return suspicious


def visual_skeleton(text: str) -> str:
    """The text with every letter that looks like a Latin one replaced by it ("Рutin" -> "Putin").

    Uses the Unicode confusables table (TR39); unlike transliteration, Cyrillic "Р" becomes
    Latin "P" (its look), not "R" (its sound).
    """
    from confusable_homoglyphs import confusables

    found = confusables.is_confusable(text, greedy=True, preferred_aliases=["latin"]) or []
    replacements: dict[str, str] = {}
    for item in found:
        latin = [g["c"] for g in item["homoglyphs"] if len(g["c"]) == 1 and g["c"].isascii()]
        if latin:
            replacements[item["character"]] = latin[0]
    return "".join(replacements.get(char, char) for char in text)


_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_PARTICLE_NAME_RE = re.compile(r"^(?:al|el|ad|as|ash|at|az|an|ar|bin|ibn|abu|abd)-[^\W\d_]", re.I)
_DETERMINERS = word_set("the a an some several many two three few")


def words_of(mention: str) -> list[str]:
    """The words of a mention, in order (letters, with inner apostrophes and hyphens)."""
    return _WORD_RE.findall(strip_format(mention))


def is_unnamed(mention: str) -> bool:
    """True for mentions that name nobody: pronouns, "this declaration", "the expert".

    Such links need coreference, not a registry entry; resolution leaves them without a source
    rather than filling the registry with "He" and "This phrasing".
    """
    words = words_of(mention)
    if not words or _POSSESSIVE_RE.sub("", words[0]).lower() in PRONOUNS:
        return True  # "He", "He's"
    rest = words[1:] if words[0].lower() in _DETERMINERS else words
    if len(rest) == 1 and len(words) == 2 and rest[0].lower() in PERSON_TITLES:
        return True  # "the Bishop", "the Chancellor": a description, whose name is elsewhere
    return not any(is_capitalised(word) for word in rest)


PERSON_TITLES = word_set(
    "president chancellor premier bishop archbishop cardinal pope vicar judge justice"
    " coroner prosecutor minister secretary spokesman spokeswoman spokesperson ambassador"
    " governor mayor senator general colonel captain commander chairman chairwoman chief"
    " director professor prince princess king queen duke duchess speaker inspector"
    " detective superintendent constable sergeant manager coach"
)
"""A person's office: capitalised after "the" ("the Bishop said") it describes someone the
text names elsewhere, and is no name of its own."""


def is_capitalised(word: str) -> bool:
    """A word written as a name: "Rybar", also "al-Assam" and "bin-Salman"."""
    return word[:1].isupper() or bool(_PARTICLE_NAME_RE.match(word))


def is_anonymous(mention: str) -> bool:
    """True when the mention describes unnamed people ("official sources in Baghdad").

    Before the first anonymous noun only places and demonyms may be capitalised ("Iraqi
    officials"); after it anything may follow ("the interlocutors of Izvestia").
    """
    words = words_of(mention)
    keys = [norm_key(word) for word in words]
    head = next((i for i, key in enumerate(keys) if key in ANONYMOUS_NOUNS), None)
    if head is None or keys[-1] in _DATA_NOUNS:
        return False  # "official figures show": data, not an unnamed official
    if keys[0] == "the" and not keys[head].endswith("s"):
        return False  # "the expert": a person named earlier, not an anonymous one
    if head + 1 < len(words) and is_capitalised(words[head + 1]):
        return False  # "energy analyst Orin Middleton": the noun is the named person's title
    for word, key in zip(words[1:head], keys[1:head], strict=True):
        if is_capitalised(word) and place_key(translit_token(key)) is None:
            return False
    return True


_DATA_NOUNS = word_set(
    "figures data statistics numbers results estimates survey surveys poll polls study studies"
)
"""What a finding is read from, never a person, however official ("official figures")."""

MAX_NAME_WORDS = 8
"""Longer mentions are phrases ("the Commission for the offering of 75 mln dlrs of ...")."""
NAME_CONNECTORS = word_set(
    "of for the and de del della der den des du da di van von la le al el bin ibn ben abu y e"
    " on in at to und et"
)
"""Lower-case words a name may hold ("Institute for the Study of War", "Jan de Vries")."""
SURNAME_PARTICLES = word_set("de del della der den des du da di van von la le al el bin ibn ben")
"""Particles that open a surname written alone ("de Vries", "van der Berg")."""
_TIME_WORDS = word_set(
    "yesterday today tomorrow tonight ago earlier later late early last next morning"
    " afternoon evening overnight weekend"
)
_OPENERS = word_set(
    "on in at during after before since until when while if as but and or so then however"
    " meanwhile also still yet thus therefore moreover furthermore besides instead although"
    " though because whereas here now there this that these those it its such some many"
    " according meaning including both neither either"
)
"""Words that open a clause or an adverbial, never a name ("In addition", "Meanwhile")."""
_ORDINARY_WORDS = word_set(
    "note notes update updates correction clarification editor editors comment comments"
    " reporting additional related background summary conclusion introduction overview"
    " analysis opinion advertisement sponsored exclusive breaking live watch read listen"
    " see share photo video source sources image statement report reports figures data"
    " statistics numbers results"
)
"""Single capitalised words that label a passage, not a speaker ("Note", "Update")."""


_GENERIC_BODIES = word_set(
    "bank company court government market markets ministry parliament police prices radio"
    " shares television"
)
"""Words that a sentence's capital makes look like a name (`Court rejects`, `Oil fears`), beside
the trade and group nouns of `names.common_noun`: a generic speaker stays an unresolved link,
never a registry source."""


def _generic(word: str) -> bool:
    """A lone common noun or nationality (`Airlines`, `Court`, `Japanese`)."""
    return common_noun(word) or word in _GENERIC_BODIES or word in demonyms()


def name_problem(name: str) -> str | None:
    """Why a mention does not read as the name of a person or body, or None when it does.

    Resolution creates registry sources only for names; a phrase the attribution rules took
    for a speaker ("Late last", "Middle East remains a region") stays an unresolved link.
    """
    words = words_of(name)
    if not words:
        return None
    lowered = [word.lower() for word in words]
    if len(words) > MAX_NAME_WORDS:
        return f"{len(words)} words is a phrase"
    particle = lowered[0] in SURNAME_PARTICLES and len(words) > 1
    if _cased(words[0]) and not is_capitalised(words[0]) and not particle:
        return f"it starts with the lower-case word {words[0]!r}"
    if lowered[0] in _OPENERS:
        return f"it starts with {words[0]!r}, which opens a clause"
    if all(word in _TIME_WORDS for word in lowered):
        return "only time words"
    if len(words) == 1 and (
        lowered[0] in _ORDINARY_WORDS or lowered[0] in _DATA_NOUNS or common_word(words[0])
    ):
        return f"{words[0]!r} is an ordinary word"
    if len(words) == 1 and _HYPHENATED_ADJECTIVE_RE.match(words[0]):
        return f"{words[0]!r} is an adjective"
    if len(words) == 1 and _generic(lowered[0]):
        return f"{words[0]!r} is a common noun or a nationality, not a name"
    if document_name(words):
        return "it names a law or a document, which does not speak"
    if len(words) > 1 and lowered[-1] in NAME_CONNECTORS and not is_capitalised(words[-1]):
        return f"it ends with {words[-1]!r}, which joins it to more words"
    stray = next(
        (
            word
            for word in words[1:]
            if _cased(word) and not is_capitalised(word) and word.lower() not in NAME_CONNECTORS
        ),
        None,
    )
    if stray is not None:
        return f"the lower-case word {stray!r} makes it a phrase"
    inner = next(
        (
            word
            for word, before in zip(words[1:], words, strict=False)
            if word in _TITLE_CASE_WORDS and not _POSSESSIVE_RE.search(before)
        ),
        None,
    )  # "BBC World Service's The Ticket": a programme's name may open with "The"
    if inner is not None:
        return f"the capitalised {inner!r} inside makes it a title of a work"
    return None


_TITLE_CASE_WORDS = frozenset(
    ["To", "With", "From", "Into", "By", "Is", "Are", "Was", "Were", "A", "An", "The"]
)
"""Short words a name writes in lower case ("Bank of the West"); capitalised inside a name
they mark the title of a book, film or programme ("Walk With The Tide"), which does not
speak."""


_HYPHENATED_ADJECTIVE_RE = re.compile(r"^[A-Z][a-z]+-[a-z]+(?:-[a-z]+)*$")
"""One word, a capital, then a lower-case part after a hyphen ("Long-running", "London-
based"): an adjective, not a name ("Anglo-Dutch" and "Brabeck-Letmathe" keep capitals)."""


def _cased(word: str) -> bool:
    """Whether the word's script has letter case (Latin, Cyrillic, Greek; not Arabic)."""
    return word[:1].upper() != word[:1].lower()


def surname_tokens(tokens: tuple[str, ...]) -> bool:
    """Core tokens that can be a surname written alone: one word, or particles and a word."""
    if len(tokens) == 1:
        return len(tokens[0]) >= 4 and place_key(tokens[0]) is None
    *particles, last = tokens
    return all(p in SURNAME_PARTICLES for p in particles) and place_key(last) is None
