"""Word lists the frames are read with: table labels, measures, casualties, events, capitals.

Lists rather than a model, so that a frame can be explained ("Shr" is earnings per share;
"Kyiv denied" is Ukraine denying). Keys are lower-case.
"""

from __future__ import annotations

from claims.text.normalize import word_set

TABLE_WORDS = word_set(
    "oper shr shrs avg net revs rev cts ct dlrs dlr mln bln pct qtr qtly div vs note"
    " nine mths mth yr stg inc corp co ltd plc prior shr's loss profit sales year"
)
"""Abbreviations and table words of wire copy ("Oper shr 25 cts vs 1.21 dlrs"): never a
subject, whatever extraction made of them."""

MEASURES: dict[str, str] = {
    "shr": "earnings per share",
    "shrs": "average shares",
    "avg shrs": "average shares",
    "average shares": "average shares",
    "per share": "earnings per share",
    "a share": "earnings per share",
    "eps": "earnings per share",
    "net": "net profit",
    "net income": "net profit",
    "net profit": "net profit",
    "net earnings": "net profit",
    "profit": "net profit",
    "profits": "net profit",
    "earnings": "net profit",
    "net loss": "net profit",
    "loss": "net profit",
    "revs": "revenue",
    "rev": "revenue",
    "revenue": "revenue",
    "revenues": "revenue",
    "sales": "revenue",
    "turnover": "revenue",
    "div": "dividend",
    "qtly div": "dividend",
    "dividend": "dividend",
    "assets": "assets",
    "deposits": "deposits",
    "loans": "loans",
}
"""Labels and head words of accounts, mapped to one name per measure."""

LOSS_WORDS = word_set("loss losses")
"""A loss is a negative profit ("Net loss 1.2 mln")."""

DEATH_WORDS = word_set(
    "killed killing kills kill dead died dies death deaths toll lives fatalities fatality"
)
INJURY_WORDS = word_set("injured injuring injures injure wounded wounding hurt injuries")
CASUALTY_NOUNS = word_set(
    "people person persons workers worker civilians civilian soldiers soldier troops men women"
    " children passengers residents employees staff crew members police officers officer"
    " fighters militants firefighters miners students"
)
"""Who is counted in a casualty figure ("two workers", "one person")."""

EVENT_NOUNS = word_set(
    "attack attacks strike strikes airstrike airstrikes raid raids blast blasts explosion"
    " explosions bombing bombings shelling fire fires crash collision earthquake assault"
    " drone"
)
"""Nouns of events whose casualties and damage reports are compared."""
EVENT_ROOTS = {
    "attacks": "attack",
    "attacked": "attack",
    "attacking": "attack",
    "strikes": "strike",
    "struck": "strike",
    "striking": "strike",
    "airstrike": "strike",
    "airstrikes": "strike",
    "raids": "raid",
    "raided": "raid",
    "blasts": "explosion",
    "blast": "explosion",
    "explosions": "explosion",
    "exploded": "explosion",
    "bombings": "bombing",
    "bombed": "bombing",
    "shelled": "shelling",
    "fires": "fire",
    "crashed": "crash",
    "drone": "attack",
}
"""Forms of one event, so "struck" and "the strike", "drone" and "attack" meet."""

DAMAGE_WORDS = word_set("damage damaged damaging destroyed destruction hit")
EVIDENCE_NOUNS = word_set(
    "images image photos photo pictures footage video videos data documents records evidence"
    " satellite imagery analysis"
)
EVIDENCE_VERBS = word_set("show showed shown shows reveal revealed reveals indicate indicated")
"""Evidence that shows a fact ("satellite images showed damage to the terminal"): the fact
shown is the proposition, not the images."""

LIGHT_VERBS = word_set(
    "carry carrying carried out conduct conducting conducted launch launching launched stage"
    " staging staged make making made any involvement responsibility role part behind being"
    " having been reports report claims claim allegations suggestion suggestions"
)
"""Words between a denial and what it denies ("denied carrying out the attack")."""

CAPITALS: dict[str, str] = {
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "moscow": "russia",
    "kremlin": "russia",
    "washington": "us",
    "white house": "us",
    "baghdad": "iraq",
    "tehran": "iran",
    "damascus": "syria",
    "beijing": "china",
    "london": "uk",
    "paris": "france",
    "berlin": "germany",
    "ankara": "turkey",
    "riyadh": "saudi arabia",
    "cairo": "egypt",
    "doha": "qatar",
    "minsk": "belarus",
    "tokyo": "japan",
    "seoul": "south korea",
    "pyongyang": "north korea",
    "kabul": "afghanistan",
    "islamabad": "pakistan",
    "new delhi": "india",
    "ottawa": "canada",
    "canberra": "australia",
    "rome": "italy",
    "madrid": "spain",
    "warsaw": "poland",
    "beirut": "lebanon",
    "amman": "jordan",
    "tripoli": "libya",
    "caracas": "venezuela",
    "havana": "cuba",
}
"""A capital (or seat) that acts ("Kyiv denied ...") speaks for its country."""

GOVERNMENT_WORDS = word_set("government authorities leadership side administration regime")
"""Heads with which a name means the state itself ("the Iraqi government", "the Kyiv
authorities")."""

DESCRIPTION_KINDS: dict[str, tuple[str, ...]] = {
    "company": ("corp", "inc", "co", "ltd", "plc", "group", "industries", "company"),
    "firm": ("corp", "inc", "co", "ltd", "plc", "group", "industries", "company"),
    "group": ("group", "corp", "inc", "plc"),
    "bank": ("bank", "bancorp", "banking"),
    "ministry": ("ministry",),
    "department": ("department",),
    "government": ("government",),
    "agency": ("agency",),
    "army": ("army", "forces"),
    "party": ("party",),
    "union": ("union",),
    "council": ("council",),
    "court": ("court",),
    "club": ("club", "fc", "united", "city", "rovers"),
}
"""Definite descriptions and the name endings of what they refer to ("the company" ->
"Example Corp", "the ministry" -> "Russian Defence Ministry")."""

FACILITY_NOUNS = word_set(
    "terminal plant base port airport airfield refinery facility building bridge station"
    " factory mine site depot hospital school prison embassy dam reactor pipeline tanker ship"
    " vessel field oilfield warehouse market village town city camp headquarters office"
)
"""Places an attack or an accident is reported at: "the terminal" resolves to the document's
"Sheskharis oil terminal"."""

COMPANY_SUFFIXES = word_set(
    "corp corporation inc incorporated co ltd plc ag sa nv group industries holdings bancorp"
    " bank company"
)
"""Name endings of companies, by which a headline names the company of a table."""

PRONOUNS = word_set("it he she they its his her their")
ORDINARY_OPENERS = word_set(
    """key major good bad big top high low average once many most several other further total
    overall annual early late recent current former senior junior chief main leading strong
    weak poor rich small large young old local national global private public official net
    gross fresh full higher lower latest last first second third final initial rising falling
    record fewer more less better worse best worst greater general special total extra new
    long short free hard soft heavy light real true false clear rapid slow quick modest
    sharp steady strong solid healthy huge tiny massive"""
)
"""Ordinary words that often open a news sentence capitalised ("Key figures ...", "Major
banks ...", "Good weather ..."): a modifier of the noun after it, not a name."""

FORECAST_RE = (
    r"\b(?:will|shall|would|expects?|expected|forecasts?|forecast|projected|projects?"
    r"|predicts?|predicted|estimates?|estimated|is\s+likely|are\s+likely|outlook|could\s+reach"
    r"|next\s+(?:year|quarter|month))\b"
)
PLAN_RE = (
    r"\b(?:plans?\s+to|planned|planning|intends?\s+to|aims?\s+to|scheduled|is\s+to|are\s+to"
    r"|to\s+be\s+held|proposed|proposes?|seeks?\s+to|wants?\s+to|agreed\s+to|will\s+(?:issue"
    r"|build|open|close|launch|sell|buy|acquire|hold|withdraw))\b"
)
RUMOUR_RE = (
    r"\b(?:reportedly|rumou?rs?|rumou?red|speculation|speculated|allegedly|unconfirmed"
    r"|unverified|purportedly|supposedly|there\s+(?:have|has)\s+been\s+reports?"
    r"|reports?\s+(?:that|say|said|suggest)|sources\s+said|according\s+to\s+sources)\b"
)
OPINION_RE = (
    r"(?:\b(?:i|we)\s+(?:think|believe|feel|doubt|hope)\b|\bin\s+(?:my|our)\s+(?:view|opinion)"
    r"|\b(?:should|ought\s+to|must)\b|\b(?:best|worst|greatest)\b)"
)
JUDGEMENT_RE = (
    r"\b(?:is|are|was|were|be|been|being|it's|that's|he's|she's|they're)\s+"
    r"(?:not\s+|no\s+way\s+|never\s+|hardly\s+|simply\s+|just\s+)?(?:(?:a|an|the)\s+)?"
    r"(?:very\s+|really\s+|truly\s+|so\s+|too\s+|quite\s+|rather\s+)?"
    r"(?:great|best|worst|greatest|brilliant|terrible|awful|excellent|overrated|underrated"
    r"|fantastic|wonderful|amazing|superb|dreadful|rubbish|pathetic|boring|stupid|ridiculous)"
    r"(?![-\w])"
)
"""A judgement put as a statement ("Angels is a great song", "it is no way the best song of
the past 25 years", "the film is truly awful"): an opinion in anyone's words. A report of a
judgement ("was named the best song", "voted best film") is a fact about that judgement, and
so is a measure ("sales were weak", "the best-selling album")."""

_VERBS = (
    "accept add agree aim allow announce appear approve argue arrest ask attack back ban beat"
    " become begin believe block blame boost build buy call cancel carry cause change charge"
    " claim climb close come complete confirm consider continue control cost count cover create"
    " cut damage decide decline defeat deliver deny describe destroy die drop earn ease end"
    " enter estimate expand expect face fail fall fear file fill find finish fire force form"
    " gain get give go grow happen help hire hit hold hope include increase intend introduce"
    " invest issue join keep kill launch lead leave lift lose make mark meet miss move name"
    " need offer open oppose order own pay plan play post predict prepare press promise propose"
    " protest prove provide publish pull push put raise reach receive record reduce refuse"
    " reject release remain remove replace report require rise rule run save say see seek"
    " seize sell send serve set settle show shut sign slip slow slump sound spend stand start"
    " stay step stop strike struggle suffer suggest supply support suspend take talk target"
    " tell tend threaten top total trade try turn urge use vote want warn win withdraw work"
    " worsen"
)
_IRREGULAR = (
    "began begun beaten became bought brought built came caught chose cost cut dealt did done"
    " drew driven drove ate fell felt fought found flew forgot froze gave given got gone grew"
    " grown had heard held hit hurt kept knew known laid led left lent let lost made meant met"
    " paid put quit ran rang rose risen said sat saw seen sent set shed shot showed shown shut"
    " slid sold spent split spoke spread stood stole struck swept swore swung taken took taught"
    " thought threw told understood upheld went withdrew withdrawn won wore wound wrote written"
    " is are was were has have had will would shall should can could may might must does do did"
    " shrank shrunk sank sunk fled broke broken chosen hid sought sprang stuck"
    " bled bent dug slept sped stolen woke"
)


def _inflect(base: str) -> set[str]:
    forms = {base}
    forms.add(base + "es" if base.endswith(("s", "sh", "ch", "x", "o")) else base + "s")
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    elif base.endswith("e"):
        forms.add(base + "d")
    else:
        forms.add(base + "ed")
    forms.add((base[:-1] if base.endswith("e") and base != "be" else base) + "ing")
    return forms


VERB_FORMS: frozenset[str] = frozenset(
    {form for base in _VERBS.split() for form in _inflect(base)} | set(_IRREGULAR.split())
)
"""Forms of common news verbs: where a clause's subject ends."""
