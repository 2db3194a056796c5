"""Chain links to registry sources, and the propaganda flag and credibility of claims.

Runs inside the caller's transaction (ingest, `claims sources edit`, `claims sources
resolve`). Resolution reads the registry once per call into a `RegistryIndex`; the sources
it has to create (unknown speakers, the generic anonymous source, look-alike names) are
written together once every link of the call is resolved (`claims.store.sources_new`).
Computed claim fields are only written when they change, so a refresh does not bump the
`row_version` of claims it leaves as they were.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, or_, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from claims.sources.credibility import Corroboration, GradedLink, propose
from claims.sources.models import Grade, KnownSource, SourceKind
from claims.sources.propaganda import ChainStep, path_dicts, propaganda_path
from claims.sources.resolve import Method, RegistryIndex, Resolution
from claims.store.chunks import chunks
from claims.store.sources_index import shared_index
from claims.store.sources_new import PLANNED_IDS, NewSourceConflict, NewSources, create_source
from claims.store.sources_read import load_index, load_known
from db.models import (
    Attribution,
    Claim,
    Relation,
    Source,
)

BATCH = 500
"""Claims recomputed per round trip in `refresh_claims`."""

Counts = Mapping[int, tuple[int, int, int]]
"""claim id -> (independent corroborations, dependent corroborations, conflicts)."""


# --- resolution -------------------------------------------------------------------------


def resolve_attributions(session: Session, attributions: Sequence[Attribution], actor: str) -> None:
    """Link each chain link to a registry source, creating unknown sources when needed.

    Sets `source_id`, `resolution` and `resolution_score`. Links a reviewer linked by hand
    (`resolution == "manual"`) are left alone. The same mention resolves the same way within
    one call and, through the alias the new source gets, across documents. The new sources
    are written together, after every link is resolved.
    """
    if not attributions:
        return
    resolver = Resolver(session, actor, shared_index(session))
    resolver.apply_all(attributions)


class Resolver:
    """Resolution for one transaction: the index, a cache per mention, sources created.

    The index is only read (it may be shared between transactions); sources created here
    go into `local`, an index of this transaction's own, consulted before creating another.
    """

    def __init__(self, session: Session, actor: str, index: RegistryIndex | None = None) -> None:
        self.session = session
        self.actor = actor
        self.index = index if index is not None else load_index(session)
        self.local = RegistryIndex()
        self.cache: dict[MentionKey, Resolution] = {}
        self.created: list[int] = []
        self._found: dict[MentionKey, Resolution] = {}
        self._plan: NewSources | None = None

    def apply(self, link: Attribution) -> bool:
        """Resolve one link; True when its source, method or score changed."""
        resolution = self._resolve(link)
        return resolution is not None and _assign(link, resolution)

    def apply_all(self, links: Sequence[Attribution]) -> list[bool]:
        """`apply` for each link in turn, with the new sources written in one batch.

        Should a concurrent writer have created one of them meanwhile, the batch is undone
        and the links are resolved again one by one, which finds that writer's source.
        """
        cache, local, created = dict(self.cache), [*self.local.sources.values()], list(self.created)
        try:
            resolutions = self._planned(links)
        except NewSourceConflict:
            self.cache, self.local, self.created = cache, RegistryIndex(local), created
            return [self.apply(link) for link in links]
        return [
            r is not None and _assign(link, r) for link, r in zip(links, resolutions, strict=True)
        ]

    def _planned(self, links: Sequence[Attribution]) -> list[Resolution | None]:
        """The links' resolutions, the sources they ask for written at the end."""
        self._found = self._index_resolutions(links)
        news = [r.new_source for r in self._found.values() if r.new_source is not None]
        self._plan = NewSources(self.session, self.actor, news)
        try:
            resolutions = [self._resolve(link) for link in links]
            ids = self._plan.write()
        finally:
            self._plan, self._found = None, {}
        self._renumber(ids)
        return [_renumbered(r, ids) if r is not None else None for r in resolutions]

    def _index_resolutions(self, links: Sequence[Attribution]) -> dict[MentionKey, Resolution]:
        """What the registry index alone says of each mention not resolved yet."""
        found: dict[MentionKey, Resolution] = {}
        for link in links:
            key = _mention_key(link)
            if link.resolution == Method.MANUAL or key in self.cache or key in found:
                continue
            found[key] = self._from_index(key)
        return found

    def _resolve(self, link: Attribution) -> Resolution | None:
        if link.resolution == Method.MANUAL:
            return None
        key = _mention_key(link)
        resolution = self.cache.get(key)
        if resolution is None:
            resolution = self._found.get(key) or self._from_index(key)
            if resolution.new_source is not None:
                resolution = self._created_here(key) or self._create(resolution)
            self.cache[key] = resolution
        return resolution

    def _from_index(self, key: MentionKey) -> Resolution:
        return self.index.resolve(key[0], speaker_role=key[1], affiliation=key[2])

    def _created_here(self, key: MentionKey) -> Resolution | None:
        """The resolution to a source this transaction already created, if one fits."""
        if not self.local.sources:
            return None
        found = self.local.resolve(key[0], speaker_role=key[1], affiliation=key[2])
        return found if found.source_id is not None and found.new_source is None else None

    def _create(self, resolution: Resolution) -> Resolution:
        new = resolution.new_source
        assert new is not None
        why = "; ".join(resolution.reasons)
        if self._plan is not None:
            known = self._plan.create(new, why)
            made = known.id >= PLANNED_IDS and known.id not in self.created
        else:
            known, made = create_source(self.session, self.actor, new, why=why)
        self.local.add(known)
        if made:
            self.created.append(known.id)
        return resolution.model_copy(update={"source_id": known.id, "new_source": None})

    def _renumber(self, ids: Mapping[int, int]) -> None:
        """Give the sources a batch planned their ids, once written."""
        if not ids:
            return
        self.cache = {key: _renumbered(r, ids) for key, r in self.cache.items()}
        self.created = [ids.get(i, i) for i in self.created]
        self.local = RegistryIndex(
            s.model_copy(update={"id": ids.get(s.id, s.id)}) for s in self.local.sources.values()
        )


MentionKey = tuple[str, str | None, str | None]
"""A chain link's mention, speaker role and affiliation: what its resolution depends on."""


def _mention_key(link: Attribution) -> MentionKey:
    return (link.mention, link.speaker_role, _affiliation_in_features(link))


def _assign(link: Attribution, resolution: Resolution) -> bool:
    """Set the link's source, method and score; True when any of them changed."""
    values = (resolution.source_id, resolution.method.value, resolution.score)
    if (link.source_id, link.resolution, link.resolution_score) == values:
        return False
    link.source_id, link.resolution, link.resolution_score = values
    return True


def _renumbered(resolution: Resolution, ids: Mapping[int, int]) -> Resolution:
    if resolution.source_id is None or resolution.source_id not in ids:
        return resolution
    return resolution.model_copy(update={"source_id": ids[resolution.source_id]})


def _affiliation_in_features(link: Attribution) -> str | None:
    """The affiliation extraction read for this mention, kept in the claim's features."""
    claim = link.claim
    if claim is None:
        return None
    for item in (claim.features or {}).get("affiliations", []):
        if isinstance(item, dict) and item.get("mention") == link.mention:
            value = item.get("affiliation")
            return str(value) if value else None
    return None


# --- propaganda flag and credibility ----------------------------------------------------


def apply_credibility(
    session: Session, claims: Sequence[Claim], counts: Counts | None = None
) -> None:
    """Set each claim's propaganda flag and path and its proposed credibility with reasons.

    `counts` gives per-claim (independent, dependent, conflicts) matches; without it they are
    read from the `relations` table. A reviewer's `propaganda_override` and `credibility` are
    never changed; the override does decide whether the proposal treats the claim as
    propaganda-sourced.
    """
    recompute(session, claims, counts)


def recompute(session: Session, claims: Sequence[Claim], counts: Counts | None = None) -> int:
    """`apply_credibility`, returning how many claims changed."""
    if not claims:
        return 0
    source_ids = {link.source_id for c in claims for link in c.attributions if link.source_id}
    sources = load_known(session, source_ids)
    found = counts if counts is not None else relation_counts(session, [c.id for c in claims])
    derived = {
        claim.id: _derived(claim, sources, found.get(claim.id, (0, 0, 0))) for claim in claims
    }
    changed = [claim for claim in claims if _differs(claim, derived[claim.id])]
    write_derived(session, [(claim, derived[claim.id]) for claim in changed])
    return len(changed)


def write_derived(session: Session, rows: Sequence[tuple[Claim, Mapping[str, Any]]]) -> None:
    """Store values the program derives (flags, proposals), without bumping `row_version`.

    `row_version` guards what reviewers write: a reviewer whose save meets a new proposal
    computed meanwhile (another document corroborated the claim, a source was regraded) has
    not lost anything and must not be told the claim was changed under them. One statement
    for all the rows.
    """
    if not rows:
        return
    table = cast(Table, Claim.__table__)
    session.flush()
    statement = (
        update(table)
        .where(table.c.id == bindparam("claim_id"))
        .values({name: bindparam(name) for name in DERIVED_FIELDS})
    )
    session.execute(statement, [{"claim_id": claim.id, **values} for claim, values in rows])
    for claim, values in rows:
        for name, value in values.items():
            set_committed_value(claim, name, value)


DERIVED_FIELDS = (
    "propaganda_sourced",
    "propaganda_path",
    "credibility_proposed",
    "credibility_reasons",
)


def _differs(claim: Claim, values: Mapping[str, Any]) -> bool:
    return any(getattr(claim, name) != value for name, value in values.items())


def _derived(
    claim: Claim, sources: Mapping[int, KnownSource], counts: tuple[int, int, int]
) -> dict[str, Any]:
    """The values of DERIVED_FIELDS for `claim`, from its chain, the registry and counts."""
    chain = [
        ChainStep(
            position=link.position,
            role=link.role,
            mention=link.mention,
            source_id=link.source_id,
            stance=link.stance,
        )
        for link in claim.attributions
    ]
    path = path_dicts(propaganda_path(chain, sources))
    flagged = bool(path)
    effective = claim.propaganda_override if claim.propaganda_override is not None else flagged
    independent, dependent, conflicts = counts
    proposal = propose(
        [graded_link(step, sources) for step in chain],
        propaganda=effective,
        corroboration=Corroboration(independent, dependent, conflicts),
        kind=claim.kind,
    )
    new = {
        "propaganda_sourced": flagged,
        "propaganda_path": path,
        "credibility_proposed": proposal.value,
        "credibility_reasons": proposal.reasons,
    }
    return new


def graded_link(step: ChainStep, sources: Mapping[int, KnownSource]) -> GradedLink:
    """A chain link with its grade; a source graded F borrows its office's or owner's grade."""
    source = sources.get(step.source_id) if step.source_id is not None else None
    if source is None:
        return GradedLink(role=step.role, name=f"{step.mention!r} (no source)", stance=step.stance)
    grade, inherited = Grade(source.grade), None
    ancestor, seen = source, {source.id}
    while grade == Grade.F and ancestor.parent_id is not None:
        if ancestor.parent_id not in sources or ancestor.parent_id in seen:
            break
        ancestor = sources[ancestor.parent_id]
        seen.add(ancestor.id)
        if ancestor.grade != Grade.F.value:
            grade, inherited = Grade(ancestor.grade), ancestor.name
    return GradedLink(
        role=step.role,
        name=source.name,
        grade=grade,
        inherited_from=inherited,
        stance=step.stance,
        anonymous=source.kind == SourceKind.ANONYMOUS,
    )


def relation_counts(session: Session, claim_ids: Sequence[int]) -> dict[int, tuple[int, int, int]]:
    """Per claim: independent and dependent corroborations and conflicts (rejected ones
    left out; a duplicate counts as a dependent corroboration)."""
    tally: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for chunk in chunks(list(claim_ids), BATCH):
        rows = session.execute(
            select(Relation.claim_id, Relation.other_claim_id, Relation.kind, Relation.independent)
            .where(or_(Relation.claim_id.in_(chunk), Relation.other_claim_id.in_(chunk)))
            .where(Relation.status != "rejected")
        ).all()
        wanted = set(chunk)
        for first, second, kind, independent in rows:
            slot = _slot(kind, independent)
            if slot is None:
                continue
            for claim_id in {first, second} & wanted:
                tally[claim_id][slot] += 1
    return {claim_id: (v[0], v[1], v[2]) for claim_id, v in tally.items()}


def _slot(kind: str, independent: bool | None) -> int | None:
    if kind == "corroborates":
        return 0 if independent else 1
    if kind == "duplicate":
        return 1
    if kind == "conflicts":
        return 2
    return None


def refresh_claims(session: Session, claim_ids: Sequence[int] | None = None) -> int:
    """Recompute flags and proposals (after registry edits); returns how many changed."""
    ids = list(claim_ids) if claim_ids is not None else list(session.scalars(select(Claim.id)))
    changed = 0
    for chunk in chunks(sorted(set(ids)), BATCH):
        claims = session.scalars(
            select(Claim)
            .where(Claim.id.in_(chunk))
            .options(selectinload(Claim.attributions))
            .order_by(Claim.id)
        ).all()
        changed += recompute(session, claims)
        session.flush()
    return changed


def claims_citing(session: Session, source_ids: Iterable[int]) -> list[int]:
    """Claims whose chain links any of these sources or their descendants (children)."""
    family = descendants(session, source_ids)
    found: set[int] = set()
    for chunk in chunks(sorted(family), BATCH):
        found.update(
            session.scalars(
                select(Attribution.claim_id).where(Attribution.source_id.in_(chunk)).distinct()
            )
        )
    return sorted(found)


def descendants(session: Session, source_ids: Iterable[int]) -> set[int]:
    """The sources and every source below them through `parent_id`."""
    family = set(source_ids)
    frontier = set(family)
    while frontier:
        children = set(session.scalars(select(Source.id).where(Source.parent_id.in_(frontier))))
        frontier = children - family
        family |= children
    return family


@dataclass
class ReresolveResult:
    """What `claims sources resolve` did."""

    links: int = 0
    relinked: int = 0
    """Links that now point at another source (a method or score change alone is not counted)."""
    created: int = 0
    claims_changed: int = 0
    methods: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        methods = ", ".join(f"{name} {n}" for name, n in self.methods.most_common())
        return (
            f"{self.links} chain link(s) resolved ({methods or 'none'}); {self.relinked} changed"
            " source, "
            f"{self.created} new source(s); {self.claims_changed} claim(s) recomputed"
        )


def reresolve(session: Session, actor: str, *, document_id: int | None = None) -> ReresolveResult:
    """Resolve every stored chain link again and recompute the claims (manual links stay)."""
    query = select(Claim.id).order_by(Claim.id)
    if document_id is not None:
        query = query.where(Claim.document_id == document_id)
    result = ReresolveResult()
    resolver = Resolver(session, actor)
    for chunk in chunks(list(session.scalars(query)), BATCH):
        claims = session.scalars(
            select(Claim)
            .where(Claim.id.in_(chunk))
            .options(selectinload(Claim.attributions))
            .order_by(Claim.id)
        ).all()
        links = [link for claim in claims for link in claim.attributions]
        before = [link.source_id for link in links]
        resolver.apply_all(links)
        result.links += len(links)
        result.relinked += sum(a != link.source_id for a, link in zip(before, links, strict=True))
        result.methods.update(link.resolution or "unresolved" for link in links)
        session.flush()
        result.claims_changed += recompute(session, claims)
        session.flush()
    result.created = len(resolver.created)
    return result
