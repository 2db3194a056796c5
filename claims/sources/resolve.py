"""Resolving a mention ("According to Rybar", "the Russian ambassador") to a registry source.

Strictest evidence first: the exact name or alias, then the stored key (case, punctuation,
script: "Рыбарь" = "Rybar"), then the core key (articles, generic words, transliteration:
"Al-Iraqiya TV" = "Al Iraqiya"), then a country prefix the source's own country explains
("State Department" = "US State Department"), then a body's acronym or its name run together
("OECD", "TimeWarner"), then rapidfuzz — accepted only when every
word pairs with a word spelled alike, so "Interfax-Ukraine" is not "Interfax" and "South
Korea" is not "North Korea" however high the score. Names mixing Latin with Cyrillic or Greek
letters ("Rеuters") are never linked to the source they imitate. A role ("the Russian
ambassador") links to the office the person speaks for. Anything else becomes a new source
of kind unknown, grade F, queued for review.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from claims.extract.entities import find_entities
from claims.extract.gazetteer import aliases
from claims.sources.acronyms import ShortForms, acronym_keys, as_acronym, defined_acronym
from claims.sources.country_prefix import without_country
from claims.sources.fuzzy_choices import FuzzyChoices
from claims.sources.models import FlagEntry, KnownSource, SourceKind
from claims.sources.name_match import SURNAME_ONLY, compatible, is_person_like
from claims.sources.normalize import (
    GENERIC_WORDS,
    HOMOGLYPH_KEY_PREFIX,
    alias_key,
    core_tokens,
    country_key,
    display_name,
    domain_of,
    domain_suffixes,
    homoglyph_key,
    is_anonymous,
    is_unnamed,
    known_country,
    mixed_script_words,
    name_problem,
    place_key,
    surname_tokens,
    visual_skeleton,
)
from claims.sources.own_name import own_name
from claims.sources.resolution import Lookup, Match, Method, NewSource, Resolution
from claims.sources.roles import OFFICE_WORDS, RoleInfo, is_role_mention, parse_role
from claims.text.normalize import fold, norm_key, word_set

FUZZY_CANDIDATE_CUTOFF = 80.0
"""token_set_ratio a registry name needs to be considered at all."""
FUZZY_ACCEPT = 85.0
"""token_sort_ratio a spelling variant needs (on top of every word pairing up)."""
AMBIGUITY_MARGIN = 5.0
"""Two candidates closer than this are ambiguous: neither is chosen."""
COLLECTIVE_NOUNS = word_set("side authorities government leadership administration cabinet")
"""After a country word these name the country's government ("the Iraqi side")."""

ANONYMOUS_NAME = "Anonymous source"
ANONYMOUS_ALIAS = "anonymous sources"


class RegistryIndex:
    """The registry in memory, indexed for every lookup stage; `add` keeps it current."""

    def __init__(self, sources: Iterable[KnownSource] = ()) -> None:
        self.sources: dict[int, KnownSource] = {}
        self._by_fold: dict[str, set[int]] = defaultdict(set)
        self._by_key: dict[str, set[int]] = defaultdict(set)
        self._by_core: dict[str, set[int]] = defaultdict(set)
        self._by_unqualified: dict[str, set[int]] = defaultdict(set)
        self._by_country_dropped: dict[str, set[tuple[int, str]]] = defaultdict(set)
        self._short_forms = ShortForms()
        self._choices = FuzzyChoices()
        self._choice_owner: list[int] = []
        for source in sources:
            self.add(source)

    def add(self, source: KnownSource) -> None:
        """Index a source (again, after it changed: old entries for it stay harmless)."""
        self.sources[source.id] = source
        keys = list(source.alias_keys) or [alias_key(a) for a in source.aliases]
        self._index_name(source, source.name, alias_key(source.name))
        for name, key in zip(source.aliases, keys, strict=True):
            self._index_name(source, name, key)

    def _index_name(self, source: KnownSource, name: str, key: str) -> None:
        self._by_fold[fold(name)].add(source.id)
        if key.startswith(HOMOGLYPH_KEY_PREFIX) or mixed_script_words(name):
            return
        if key:
            self._by_key[key].add(source.id)
        if domain_of(name) is not None:
            return
        self._short_forms.add(source.id, name, person=is_person_like(source))
        tokens = core_tokens(name)
        if not tokens or all(place_key(token) for token in tokens):
            return
        core = " ".join(tokens)
        self._by_core[core].add(source.id)
        own_country = country_key(source.country)
        if len(tokens) > 1 and own_country and place_key(tokens[0]) == own_country:
            self._by_unqualified[" ".join(tokens[1:])].add(source.id)
        prefixed = without_country(name) if own_country is None else None
        if prefixed is not None:
            self._by_country_dropped[prefixed[1]].add((source.id, prefixed[0]))
        self._choices.add(core)
        self._choice_owner.append(source.id)

    def get(self, source_id: int | None) -> KnownSource | None:
        return None if source_id is None else self.sources.get(source_id)

    # --- resolving ----------------------------------------------------------------------

    def resolve(
        self,
        mention: str,
        *,
        speaker_role: str | None = None,
        affiliation: str | None = None,
        ordinary_word: bool = False,
    ) -> Resolution:
        """Resolve one chain-link mention; `speaker_role`/`affiliation` come from the text,
        `ordinary_word` says that the document writes the mention in lower case (no new
        source is made of it)."""
        name = display_name(mention)
        defined = defined_acronym(name)
        if defined is not None:
            name = defined[0]  # "Office for National Statistics (ONS)": the full name
        raw = mention.strip()
        if not name:
            return Resolution(method=Method.UNNAMED, reasons=("the mention names nobody",))
        if mixed_script_words(name):
            return self._homoglyph(name)
        found = self.lookup(name)
        if found.match is not None:
            return _resolved(found.match, self._fuller_name(name, found.match.source_id))
        if domain_of(name) is not None:
            return self._unknown(name, RoleInfo(), None, "no registry source has this domain")
        if is_anonymous(raw):
            return self._anonymous(name)
        if is_unnamed(raw):
            return Resolution(
                method=Method.UNNAMED,
                reasons=(f"{raw!r} names nobody (a pronoun or a description): no source",),
            )
        government = self._collective(name)
        if government is not None:
            return government
        inner = self._inner_names(name)
        if inner.match is not None:
            return _resolved(inner.match)
        if is_role_mention(name):
            linked = self._role_mention(name)
            if linked is not None:
                return linked
        ambiguous = found.ambiguous or inner.ambiguous
        if ambiguous and surname_tokens(core_tokens(name)):
            return _unresolved(_ambiguity_reason(self, ambiguous))  # a surname shared by several
        problem = name_problem(name)
        if problem is None and ordinary_word:
            problem = "the document writes it in lower case: an ordinary word"
        if problem is not None:
            reason = f"{name!r} does not read as a name ({problem}): no source"
            return Resolution(method=Method.UNNAMED, reasons=(reason,))
        own = own_name(name)
        return self._unknown(
            _without_generic_words(own.name),
            parse_role(speaker_role),
            affiliation or own.affiliation,
            _ambiguity_reason(self, ambiguous),
        )

    def _fuller_name(self, name: str, source_id: int) -> str | None:
        """`name` when it spells out the acronym a source of unknown kind is named by."""
        source = self.sources[source_id]
        if source.kind != SourceKind.UNKNOWN or as_acronym(name) is not None:
            return None
        acronym = as_acronym(source.name)
        return name if acronym is not None and acronym in acronym_keys(name) else None

    def lookup(self, name: str) -> Lookup:
        """Find a registry source for a name, from the strictest stage to fuzzy matching."""
        host = domain_of(name)
        if host is not None:
            return self._domain(host)
        stages = (
            self._exact,
            self._key,
            self._core,
            self._qualified,
            self._short_form,
            self._fuzzy,
        )
        for stage in stages:
            found = stage(name)
            if found.match is not None or found.ambiguous:
                return found
        return Lookup()

    def lookup_strict(self, name: str, *, core: bool = True) -> int | None:
        """A source by name, alias or domain without fuzzy matching (for commands and
        imports, where a near miss must not pick a source). Without `core`, generic words
        count ("Bayon TV" is not "Bayon Radio"), as when importing outside lists."""
        host = domain_of(name)
        if host is not None:
            found = self._domain(host)
            return found.match.source_id if found.match else None
        stages = (self._exact, self._key, self._core) if core else (self._exact, self._key)
        for stage in stages:
            match = stage(name).match
            if match is not None:
                return match.source_id
        return None

    def near(self, name: str, *, exclude: int | None = None, limit: int = 3) -> list[str]:
        """Registry names close to this one, with what tells them apart (for reviewers)."""
        tokens = core_tokens(name)
        if not tokens or not self._choices:
            return []
        found = self._close_choices(" ".join(tokens), limit * 4)
        notes: dict[int, str] = {}
        for choice, score, position in found:
            source = self.sources[self._choice_owner[position]]
            if source.id == exclude or source.id in notes:
                continue
            differs = sorted(set(tokens) ^ set(choice.split()))
            why = f"differs in {', '.join(differs)}" if differs else "same words"
            notes[source.id] = f"{source.name} (#{source.id}, {score:.0f}: {why})"
        return list(notes.values())[:limit]

    def _domain(self, host: str) -> Lookup:
        for suffix in domain_suffixes(host):
            ids = self._by_key.get(alias_key(suffix), set())
            if len(ids) == 1:
                return Lookup(Match(next(iter(ids)), Method.EXACT, 1.0, f"domain {suffix}"))
        return Lookup()

    def _exact(self, name: str) -> Lookup:
        return _single(self._by_fold.get(fold(name), set()), Method.EXACT, 1.0, "exact name")

    def _key(self, name: str) -> Lookup:
        reason = "same name ignoring case, punctuation and script"
        return _single(self._by_key.get(norm_key(name), set()), Method.KEY, 0.97, reason)

    def _core(self, name: str) -> Lookup:
        tokens = core_tokens(name)
        if not tokens or all(place_key(token) for token in tokens):
            return Lookup()
        ids = self._by_core.get(" ".join(tokens), set())
        reason = "same name once articles, generic words and transliteration are folded"
        return _single(ids, Method.KEY, 0.93, reason)

    def _qualified(self, name: str) -> Lookup:
        """A country word the source's own country explains: "US State Department" ~
        "State Department", "Iraqi Shafaq" ~ "Shafaq News"; or, before a specific body name
        of a source without a country, any country word (`without_country`)."""
        tokens = core_tokens(name)
        if not tokens:
            return Lookup()
        ids = set(self._by_unqualified.get(" ".join(tokens), set()))
        place = place_key(tokens[0]) if len(tokens) > 1 else None
        if place is not None:
            rest = " ".join(tokens[1:])
            for source_id in self._by_core.get(rest, set()) | self._by_unqualified.get(rest, set()):
                if country_key(self.sources[source_id].country) == place:
                    ids.add(source_id)
        if ids:
            reason = "same name; the country word matches the source's own country"
            return _single(ids, Method.KEY, 0.9, reason)
        ids = {source_id for source_id, _ in self._by_country_dropped.get(" ".join(tokens), ())}
        prefixed = without_country(name)
        if prefixed is not None:  # "US Securities and Exchange Commission": no country known
            place, rest = prefixed
            for source_id in self._by_core.get(rest, set()):
                if not self.sources[source_id].country:
                    ids.add(source_id)
            dropped = self._by_country_dropped.get(rest, ())
            ids.update(source_id for source_id, other in dropped if other == place)
        reason = "same name but for a country word before a body's specific name"
        return _single(ids, Method.KEY, 0.9, reason)

    def _short_form(self, name: str) -> Lookup:
        """A body's acronym, its full name, or its name run together (`ShortForms`)."""
        found = self._short_forms.find(name)
        if found is None:
            return Lookup()
        return Lookup(Match(found[0], Method.KEY, 0.85, found[1]))

    def _fuzzy(self, name: str) -> Lookup:
        tokens = core_tokens(name)
        if not tokens or not self._choices or all(place_key(token) for token in tokens):
            return Lookup()
        query = " ".join(tokens)
        found = self._close_choices(query, 20)
        best: dict[int, tuple[float, str]] = {}
        for choice, _, position in found:
            source = self.sources[self._choice_owner[position]]
            verdict = compatible(tokens, tuple(choice.split()), source)
            if verdict is None or (verdict[1] == SURNAME_ONLY and not _capitalised_last(name)):
                continue  # "the report" is no surname of "World Business Report"
            score = max(fuzz.token_sort_ratio(query, choice), verdict[0] * 100) / 100
            if score >= best.get(source.id, (0.0, ""))[0]:
                best[source.id] = (score, verdict[1])
        return _best_fuzzy(best)

    def _close_choices(self, query: str, limit: int) -> list[tuple[str, float, int]]:
        """The `limit` best registry names at or above the fuzzy cutoff, with positions.

        What `process.extract` finds over every name, scoring only those that can reach
        the cutoff (`FuzzyChoices.candidates`), in registry order so that ties rank alike.
        """
        positions = self._choices.candidates(query, FUZZY_CANDIDATE_CUTOFF)
        choices = self._choices.choices
        found = process.extract(
            query,
            [choices[position] for position in positions],
            scorer=fuzz.token_set_ratio,
            score_cutoff=FUZZY_CANDIDATE_CUTOFF,
            limit=limit,
        )
        return [(choice, score, positions[at]) for choice, score, at in found]

    def _inner_names(self, name: str) -> Lookup:
        """Names inside a longer mention, titles stripped ("Deputy Foreign Minister Sergey
        Vershinin" -> "Sergey Vershinin"; "ABN Amro's Eddie Wong" -> "Eddie Wong")."""
        own = own_name(name).name
        if own != name:
            found = self.lookup(own)
            if found.match is not None:
                match = found.match
                reason = f"{match.reason} (the name {own!r} inside the mention)"
                return Lookup(Match(match.source_id, match.method, match.score, reason))
        for entity in find_entities(name):
            after = name[entity.span.end : entity.span.end + 2]
            if after in ("'s", "’s"):
                continue  # "X's adviser": X is whom the speaker works for, not the speaker
            if entity.kind in ("person", "organization") and entity.text != name:
                found = self.lookup(entity.text)
                if found.match is not None:
                    match = found.match
                    reason = f"{match.reason} (the name {entity.text!r} inside the mention)"
                    return Lookup(Match(match.source_id, match.method, match.score, reason))
                if found.ambiguous:
                    return found
        return Lookup()

    # --- outcomes other than a direct match ---------------------------------------------

    def _homoglyph(self, name: str) -> Resolution:
        words = ", ".join(mixed_script_words(name))
        seen = self._by_fold.get(fold(name), set())
        if len(seen) == 1:
            reason = f"the name mixes Latin with Cyrillic or Greek letters ({words})"
            return Resolution(
                method=Method.HOMOGLYPH, source_id=next(iter(seen)), score=1.0, reasons=(reason,)
            )
        skeleton = visual_skeleton(name)
        lookalike = self.lookup(skeleton).match
        target = self.sources[lookalike.source_id] if lookalike else None
        imitates = f"; it reads as {target.name!r} (#{target.id})" if target else ""
        rationale = (
            f"The name {name!r} mixes Latin with Cyrillic or Greek letters ({words}){imitates}. "
            "It may impersonate another source, so it is not linked to any: review it."
        )
        label = f"look-alike of {target.name}" if target else "mixed scripts"
        new = NewSource(
            name=f"{name} ({label})",
            description=rationale,
            alias=name,
            alias_key=homoglyph_key(name),
            flags=(FlagEntry(flag="homoglyph", rationale=rationale),),
        )
        return Resolution(method=Method.HOMOGLYPH, reasons=(rationale,), new_source=new)

    def _anonymous(self, name: str) -> Resolution:
        reason = f"{name!r} describes unnamed people: the generic anonymous source"
        found = self._by_key.get(alias_key(ANONYMOUS_ALIAS), set()) or self._by_key.get(
            alias_key(ANONYMOUS_NAME), set()
        )
        if found:
            return Resolution(
                method=Method.ANONYMOUS, source_id=min(found), score=1.0, reasons=(reason,)
            )
        new = NewSource(
            name=ANONYMOUS_NAME,
            kind=SourceKind.ANONYMOUS,
            description="Unnamed sources ('official sources', 'security sources', 'analysts').",
            alias=ANONYMOUS_ALIAS,
            alias_key=alias_key(ANONYMOUS_ALIAS),
            needs_review=False,
        )
        return Resolution(method=Method.ANONYMOUS, reasons=(reason,), new_source=new)

    def _role_mention(self, name: str) -> Resolution | None:
        role = parse_role(name)
        office = self.affiliation_of(role)
        if office is None:
            return None
        source_id, how = office
        reason = f"{name!r} names a role, not a person: {how}"
        return Resolution(
            method=Method.AFFILIATION, source_id=source_id, score=0.9, reasons=(reason,)
        )

    def _collective(self, name: str) -> Resolution | None:
        """ "The Iraqi side", "Russian authorities": a country's government speaking."""
        words = [word for word in norm_key(name).split() if word != "the"]
        if len(words) < 2 or words[-1] not in COLLECTIVE_NOUNS:
            return None
        country = known_country(" ".join(words[:-1]))
        government = self._office(country, ()) if country else None
        if government is None:
            return None
        reason = f"{name!r} is the government of its country: {self.sources[government].name}"
        return Resolution(
            method=Method.AFFILIATION, source_id=government, score=0.9, reasons=(reason,)
        )

    def _unknown(
        self, name: str, role: RoleInfo, affiliation: str | None, why: str | None
    ) -> Resolution:
        reasons = [why] if why else []
        parent = self.affiliation_of(role)
        if parent is None and affiliation:
            parent = self.affiliation_of(RoleInfo(organisation=affiliation))
        description = None
        if role.kind is not None:
            description = f"proposed kind: {role.kind.value} (from the text: {role.role_noun})"
        if parent is not None:
            reasons.append(f"new source linked to its affiliation: {parent[1]}")
        reasons.append("no registry source matches: new source of kind unknown, grade F, queued")
        country = role.country
        new = NewSource(
            name=name,
            country=_country_label(country) if country else None,
            parent_id=parent[0] if parent else None,
            description=description,
            alias=name,
            alias_key=alias_key(name),
        )
        return Resolution(method=Method.UNKNOWN, reasons=tuple(reasons), new_source=new)

    # --- affiliations -------------------------------------------------------------------

    def affiliation_of(self, role: RoleInfo) -> tuple[int, str] | None:
        """The source a person with this role speaks for, and how it was found."""
        if role.organisation:
            found = self.lookup(role.organisation).match
            if found is None:
                found = self._inner_names(role.organisation).match
            if found is not None:
                source = self.sources[found.source_id]
                if source.is_person and source.parent_id in self.sources:
                    office = self.sources[source.parent_id]
                    return office.id, f"{source.name} speaks for {office.name} (#{office.id})"
                return source.id, f"speaks for {source.name} (#{source.id})"
        if role.country and role.office:
            office_id = self._office(role.country, tuple(OFFICE_WORDS[role.office]))
            if office_id is not None:
                office = self.sources[office_id]
                return office_id, f"as {role.role_noun}, speaks for {office.name} (#{office_id})"
        if role.country and role.kind == SourceKind.OFFICIAL:
            government = self._office(role.country, ())
            if government is not None:
                office = self.sources[government]
                return government, f"as an official, speaks for {office.name} (#{government})"
        return None

    def _office(self, country: str, markers: tuple[str, ...]) -> int | None:
        """The government source of a country whose names contain one of the markers (or,
        without markers, the country's government itself)."""
        best: tuple[int, int] | None = None
        for source in self.sources.values():
            if source.kind != SourceKind.GOVERNMENT or country_key(source.country) != country:
                continue
            names = [norm_key(source.name), *(norm_key(alias) for alias in source.aliases)]
            if markers:
                rank = _marker_rank(names, markers)
            else:
                rank = 0 if country in names or names[0].startswith("government") else None
            if rank is not None and (best is None or (rank, source.id) < best):
                best = (rank, source.id)
        return best[1] if best else None


def _without_generic_words(name: str) -> str:
    """A known body's name without the words that say what it is ("BBC News", "BBC Radio"
    -> "BBC"): the first mention must not name the one source of every later one."""
    words = name.split()
    kept = [word for word in words if norm_key(word) not in GENERIC_WORDS]
    if not kept or len(kept) == len(words):
        return name
    found = aliases().get(norm_key(" ".join(kept)))
    return " ".join(kept) if found is not None and found[1] == "organization" else name


def _capitalised_last(name: str) -> bool:
    """Whether the name's last word is capitalised, as a surname written alone is."""
    words = name.split()
    return bool(words) and words[-1][:1].isupper()


def _unresolved(reason: str | None) -> Resolution:
    """A link left without a source (and no new one made): for a reviewer to link by hand."""
    return Resolution(method=Method.UNKNOWN, reasons=(reason,) if reason else ())


def _single(ids: set[int], method: Method, score: float, reason: str) -> Lookup:
    if len(ids) == 1:
        return Lookup(Match(next(iter(ids)), method, score, reason))
    return Lookup(ambiguous=tuple(sorted(ids))) if ids else Lookup()


def _best_fuzzy(best: dict[int, tuple[float, str]]) -> Lookup:
    accepted = sorted(
        (
            (score, source_id, why)
            for source_id, (score, why) in best.items()
            if score * 100 >= FUZZY_ACCEPT or why == SURNAME_ONLY
        ),
        reverse=True,
    )
    if not accepted:
        return Lookup()
    score, source_id, why = accepted[0]
    if len(accepted) > 1 and (score - accepted[1][0]) * 100 < AMBIGUITY_MARGIN:
        return Lookup(ambiguous=tuple(sorted(item[1] for item in accepted[:3])))
    return Lookup(Match(source_id, Method.FUZZY, round(score, 3), f"similar name: {why}"))


def _resolved(match: Match, full_name: str | None = None) -> Resolution:
    return Resolution(
        method=match.method,
        source_id=match.source_id,
        score=match.score,
        reasons=(match.reason,),
        full_name=full_name,
    )


def _ambiguity_reason(index: RegistryIndex, ids: tuple[int, ...]) -> str | None:
    if not ids:
        return None
    names = ", ".join(f"{index.sources[i].name} (#{i})" for i in ids if i in index.sources)
    return f"several registry sources fit equally well ({names}): none chosen"


def _marker_rank(names: list[str], markers: tuple[str, ...]) -> int | None:
    for rank, name in enumerate(names):
        if any(f" {marker} " in f" {name} " for marker in markers):
            return 0 if rank == 0 else 1
    return None


def _country_label(key: str) -> str:
    return key.upper() if len(key) <= 3 else key.title()
