"""Chain links to registry sources: resolution within one transaction, and again for all.

Resolution reads the registry once per call into a `RegistryIndex`; the sources it has to
create (unknown speakers, the generic anonymous source, look-alike names) are written together
once every link of the call is resolved (`claims.store.sources.new`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claims.sources.acronyms import as_acronym
from claims.sources.full_names import DocumentNames
from claims.sources.normalize import display_name
from claims.sources.resolution import Method, Resolution
from claims.sources.resolve import RegistryIndex
from claims.store.chunks import chunks
from claims.store.credibility import BATCH, recompute
from claims.store.rows.sources import load_index
from claims.store.sources.index import shared_index
from claims.store.sources.naming import add_alias, rename
from claims.store.sources.new import PLANNED_IDS, NewSourceConflict, NewSources, create_source
from db.models import Attribution, Claim, Document


def resolve_attributions(
    session: Session, attributions: Sequence[Attribution], actor: str, *, text: str | None = None
) -> None:
    """Link each chain link to a registry source, creating unknown sources when needed.

    Sets `source_id`, `resolution` and `resolution_score`. Links a reviewer linked by hand
    (`resolution == "manual"`) are left alone. The same mention resolves the same way within
    one call and, through the alias the new source gets, across documents. The new sources
    are written together, after every link is resolved. `text`, the links' document, gives
    the full names of short mentions ("BoE", "Smith"; `DocumentNames`).
    """
    if not attributions:
        return
    resolver = Resolver(session, actor, shared_index(session), _one_document(text))
    resolver.apply_all(attributions)


def resolve_planned(
    session: Session, attributions: Sequence[Attribution], actor: str, *, text: str | None = None
) -> NewSources:
    """Resolve links as `resolve_attributions` would, writing nothing: the sources it would
    create keep their planned ids (from `PLANNED_IDS`, in order); returns them, unwritten.

    What a document's links will resolve to, read on a snapshot before its write
    transaction (the registry unchanged, the write transaction resolves them the same way
    and gives the planned sources their ids in the same order: `NewSources.write` does).
    """
    if not attributions:
        return NewSources(session, actor, [])
    resolver = Resolver(session, actor, shared_index(session), _one_document(text))
    return resolver.plan_all(attributions)


NamesOf = Callable[[Attribution], DocumentNames | None]
"""The full names of the document a chain link belongs to."""


def _one_document(text: str | None) -> NamesOf:
    names = DocumentNames(text) if text else None
    return lambda _link: names


class _StoredDocuments:
    """The names of stored documents, read as links of each come (`reresolve`)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.current: tuple[int | None, DocumentNames | None] = (None, None)

    def __call__(self, link: Attribution) -> DocumentNames | None:
        document_id = link.claim.document_id if link.claim is not None else None
        if document_id is None:
            return None
        if self.current[0] != document_id:
            text = self.session.scalar(select(Document.text).where(Document.id == document_id))
            self.current = (document_id, DocumentNames(text) if text else None)
        return self.current[1]


class Resolver:
    """Resolution for one transaction: the index, a cache per mention, sources created.

    The index is only read (it may be shared between transactions); sources created here
    go into `local`, an index of this transaction's own, consulted before creating another.
    """

    def __init__(
        self,
        session: Session,
        actor: str,
        index: RegistryIndex | None = None,
        names: NamesOf | None = None,
    ) -> None:
        self.session = session
        self.actor = actor
        self.names = names or _one_document(None)
        self.index = index if index is not None else load_index(session)
        self.local = RegistryIndex()
        self.cache: dict[MentionKey, Resolution] = {}
        self.created: list[int] = []
        self._found: dict[MentionKey, Resolution] = {}
        self._plan: NewSources | None = None
        self._aliased: set[tuple[int, str]] = set()

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
        aliased = set(self._aliased)
        try:
            resolutions = self._planned(links)
        except NewSourceConflict:
            self.cache, self.local, self.created = cache, RegistryIndex(local), created
            self._aliased = aliased
            return [self.apply(link) for link in links]
        return [
            r is not None and _assign(link, r) for link, r in zip(links, resolutions, strict=True)
        ]

    def plan_all(self, links: Sequence[Attribution]) -> NewSources:
        """`apply_all` without writing: the links get the planned sources' temporary ids;
        returns those sources, to be written."""
        self._found = self._index_resolutions(links)
        news = [r.new_source for r in self._found.values() if r.new_source is not None]
        plan = self._plan = NewSources(self.session, self.actor, news)
        try:
            resolutions = [self._resolve(link) for link in links]
        finally:
            self._plan, self._found = None, {}
        for link, resolution in zip(links, resolutions, strict=True):
            if resolution is not None:
                _assign(link, resolution)
        return plan

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
            key = self._mention_key(link)
            if link.resolution == Method.MANUAL or key in self.cache or key in found:
                continue
            found[key] = self._from_index(key)
        return found

    def _resolve(self, link: Attribution) -> Resolution | None:
        if link.resolution == Method.MANUAL:
            return None
        key = self._mention_key(link)
        resolution = self.cache.get(key)
        if resolution is None:
            resolution = self._found.get(key) or self._from_index(key)
            if resolution.new_source is not None:
                resolution = self._created_here(key) or self._create(resolution)
            if resolution.full_name is not None and resolution.source_id is not None:
                self._rename(resolution.source_id, resolution.full_name, key[0])
            self.cache[key] = resolution
        if resolution.source_id is not None and key[0] != link.mention:
            self._short_form(resolution.source_id, link.mention)
        return resolution

    def _short_form(self, source_id: int, mention: str) -> None:
        """Keep an acronym the document spelled out ("BoE") as the source's alias."""
        short = as_acronym(display_name(mention))
        if short is None or (source_id, short) in self._aliased:
            return
        self._aliased.add((source_id, short))
        if self._plan is not None:
            self._plan.alias(source_id, short)
        elif source_id < PLANNED_IDS:
            add_alias(self.session, source_id, short)

    def _mention_key(self, link: Attribution) -> MentionKey:
        """The link's mention, spelled out when its document gives the full name, and
        whether the document writes it in lower case (an ordinary word)."""
        names = self.names(link)
        full = names.full_name(link.mention, link.mention_start) if names else None
        ordinary = full is None and names is not None and names.ordinary_word(link.mention)
        return (full or link.mention, link.speaker_role, _affiliation_in_features(link), ordinary)

    def _rename(self, source_id: int, name: str, mention: str) -> None:
        why = f"a text names it in full: {mention!r}"
        if self._plan is not None:
            self._plan.rename(source_id, name, why)
        elif source_id < PLANNED_IDS:
            rename(self.session, self.actor, source_id, name, why)

    def _from_index(self, key: MentionKey) -> Resolution:
        return self.index.resolve(
            key[0], speaker_role=key[1], affiliation=key[2], ordinary_word=key[3]
        )

    def _created_here(self, key: MentionKey) -> Resolution | None:
        """The resolution to a source this transaction already created, if one fits."""
        if not self.local.sources:
            return None
        found = self.local.resolve(
            key[0], speaker_role=key[1], affiliation=key[2], ordinary_word=key[3]
        )
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


MentionKey = tuple[str, str | None, str | None, bool]
"""A chain link's mention (in full, when its document gives it), speaker role, affiliation,
and whether its document writes it in lower case: what its resolution depends on."""


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
    resolver = Resolver(session, actor, names=_StoredDocuments(session))
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
