"""Outside rating lists mapped to registry entries, with a documented mapping and coverage.

Two lists are understood:

- Baly et al., EMNLP 2018 (`outlet url, normalised url, MBFC page, fact, bias` rows; labels
  from Media Bias/Fact Check). Factuality maps to a grade — high -> B, mixed -> C,
  low -> D — and extreme-left / extreme-right bias adds the `hyperpartisan` flag. No outside
  label gives A or E: "completely reliable" and "unreliable" need the team's own evidence.
- GMF / Alliance for Securing Democracy State Media Profiles (country, media company, main
  asset, URL, typology). State-controlled (SC), captured public (CaPu) and captured private
  (CaPr) media get the `state-affiliated` flag and their owner as parent; the independent
  public-media types (ISFM, ISF, ISM, IP) get no flag. GMF says nothing about accuracy, so
  it gives no grade.

Each mapped outlet becomes a `SourceEntry` whose rationale quotes the original labels and
whose evidence cites the list; rows that cannot be mapped are counted with the reason.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from claims.sources.models import AliasEntry, FlagEntry, Grade, SourceEntry, SourceKind
from claims.sources.normalize import domain_of
from claims.text.normalize import norm_key

LIST_FORMATS = ("baly", "gmf")

BALY_GRADES: dict[str, Grade] = {"high": Grade.B, "mixed": Grade.C, "low": Grade.D}
"""Media Bias/Fact Check factuality (as collapsed by Baly et al.) -> Admiralty grade."""
HYPERPARTISAN_BIAS = frozenset({"extreme-left", "extreme-right"})

GMF_STATE_AFFILIATED: dict[str, str] = {
    "SC": "state-controlled media",
    "CaPu": "captured public media (a public broadcaster under government control)",
    "CaPr": "captured private media (privately owned, editorially aligned with the state)",
}
GMF_INDEPENDENT: dict[str, str] = {
    "ISFM": "independent, state-funded and state-managed public media",
    "ISF": "independent, state-funded public media",
    "ISM": "independent, state-managed public media",
    "IP": "independent public media",
}
_ASSET_PREFIX_RE = re.compile(
    r"^\s*(?:print|television|tv|radio|online|web|news agency)\s*:\s*", re.I
)

BALY_CITATION = (
    "Baly et al., Predicting Factuality of Reporting and Bias of News Media Sources, "
    "EMNLP 2018 (labels from Media Bias/Fact Check)"
)
GMF_CITATION = "GMF Alliance for Securing Democracy, State Media Profiles (MIT licence)"


@dataclass
class MappedList:
    """Entries mapped from an outside list, with the owners they name and coverage counts."""

    source: str
    entries: list[SourceEntry] = field(default_factory=list)
    owners: list[SourceEntry] = field(default_factory=list)
    rows: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    """Rows not mapped, by reason."""
    merged: Counter[str] = field(default_factory=Counter)
    """Rows mapped onto an outlet an earlier row already gave."""
    labels: Counter[str] = field(default_factory=Counter)

    @property
    def mapped_rows(self) -> int:
        return self.rows - sum(self.skipped.values())


def map_list(text: str, list_format: str) -> MappedList:
    """Map an outside list's text ("baly" TSV or "gmf" CSV) to registry entries."""
    if list_format == "baly":
        return map_baly(text)
    if list_format == "gmf":
        return map_gmf(text)
    raise ValueError(f"unknown list format {list_format!r} (known: {', '.join(LIST_FORMATS)})")


def map_baly(text: str) -> MappedList:
    """Baly et al. rows -> one entry per outlet domain, graded from its factuality label."""
    mapped = MappedList(source="baly")
    by_domain: dict[str, SourceEntry] = {}
    for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter="\t"):
        mapped.rows += 1
        fact = (row.get("fact") or "").strip().lower()
        bias = (row.get("bias") or "").strip().lower()
        mapped.labels[f"fact={fact or '?'}"] += 1
        domain = domain_of(row.get("source_url") or "")
        if fact not in BALY_GRADES:
            mapped.skipped[f"factuality label {fact!r} has no mapping"] += 1
            continue
        if domain is None:
            mapped.skipped["no usable URL"] += 1
            continue
        if domain in by_domain:
            mapped.merged["same domain listed again"] += 1
            continue
        by_domain[domain] = _baly_entry(domain, fact, bias, row.get("ref") or "")
    mapped.entries = list(by_domain.values())
    return mapped


def _baly_entry(domain: str, fact: str, bias: str, ref: str) -> SourceEntry:
    grade = BALY_GRADES[fact]
    rationale = (
        f"Media Bias/Fact Check rates its factual reporting {fact!r} and its bias {bias!r} "
        f"(as listed by Baly et al. 2018); mapped {fact} -> {grade.value}."
    )
    flags = []
    if bias in HYPERPARTISAN_BIAS:
        flags.append(
            FlagEntry(
                flag="hyperpartisan",
                rationale=f"Media Bias/Fact Check bias label {bias!r} (Baly et al. 2018).",
                evidence=[ref] if ref else [],
            )
        )
    return SourceEntry(
        name=domain,
        kind=SourceKind.MEDIA,
        grade=grade,
        rationale=rationale,
        evidence=[e for e in (ref, BALY_CITATION) if e],
        aliases=[AliasEntry(alias=domain)],
        flags=flags,
    )


def map_gmf(text: str) -> MappedList:
    """GMF rows -> one entry per (country, asset), flagged by typology, owned by its company."""
    mapped = MappedList(source="gmf")
    assets: dict[tuple[str, str], SourceEntry] = {}
    owners: dict[tuple[str, str], SourceEntry] = {}
    for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))):
        mapped.rows += 1
        typology = (row.get("Typology") or "").strip()
        mapped.labels[f"typology={typology or '?'}"] += 1
        name = _asset_name(row.get("Main assets") or "")
        country = (row.get("Country") or "").strip() or None
        owner = (row.get("Media company") or "").strip()
        code = typology.rstrip("?")
        if code not in GMF_STATE_AFFILIATED and code not in GMF_INDEPENDENT:
            mapped.skipped[f"typology {typology!r} has no mapping"] += 1
            continue
        if not name:
            mapped.skipped["no asset name"] += 1
            continue
        key = (norm_key(country or ""), norm_key(name))
        domain = domain_of(row.get("URL") or "")
        entry = assets.get(key)
        if entry is None:
            entry = _gmf_entry(name, country, owner, typology, row)
            assets[key] = entry
        else:
            mapped.merged["same asset listed again (its URL kept as an alias)"] += 1
        if domain and all(alias.alias != domain for alias in entry.aliases):
            entry.aliases.append(AliasEntry(alias=domain))
        if owner and norm_key(owner) != norm_key(name):
            owners.setdefault((norm_key(country or ""), norm_key(owner)), _owner(owner, country))
    mapped.entries = list(assets.values())
    mapped.owners = list(owners.values())
    return mapped


def _asset_name(value: str) -> str:
    return _ASSET_PREFIX_RE.sub("", value).strip()


def _gmf_entry(
    name: str, country: str | None, owner: str, typology: str, row: dict[str, str]
) -> SourceEntry:
    code = typology.rstrip("?")
    uncertain = " (GMF marks this typology as uncertain)" if typology.endswith("?") else ""
    status = (row.get("Status") or "").strip()
    noted = f" Status: {status}." if status else ""
    if code in GMF_STATE_AFFILIATED:
        meaning = GMF_STATE_AFFILIATED[code]
        flags = [
            FlagEntry(
                flag="state-affiliated",
                rationale=f"GMF State Media Profiles typology {code}: {meaning}{uncertain}.",
                evidence=[GMF_CITATION],
            )
        ]
        kind = SourceKind.STATE_MEDIA
    else:
        meaning, flags, kind = GMF_INDEPENDENT[code], [], SourceKind.MEDIA
    owned = f" Owner: {owner}." if owner and norm_key(owner) != norm_key(name) else ""
    return SourceEntry(
        name=name,
        kind=kind,
        country=country,
        parent=owner if owned else None,
        description=f"GMF typology {typology}: {meaning}.{owned}{noted}",
        flags=flags,
    )


def _owner(owner: str, country: str | None) -> SourceEntry:
    return SourceEntry(
        name=owner,
        kind=SourceKind.COMPANY,
        country=country,
        description="Media owner listed in the GMF State Media Profiles.",
    )


def coverage_lines(mapped: MappedList, matched_existing: int | None = None) -> Iterable[str]:
    """Coverage figures in words: rows read, mapped, skipped (with reasons), labels seen."""
    share = 100.0 * mapped.mapped_rows / mapped.rows if mapped.rows else 0.0
    yield f"{mapped.source}: {mapped.rows} rows read, {mapped.mapped_rows} mapped ({share:.1f} %)"
    yield f"  distinct outlets: {len(mapped.entries)}; owners named: {len(mapped.owners)}"
    if matched_existing is not None:
        yield f"  already in the registry: {matched_existing}"
    for reason, count in mapped.merged.most_common():
        yield f"  merged: {count} ({reason})"
    for reason, count in mapped.skipped.most_common():
        yield f"  not mapped: {count} ({reason})"
    yield "  labels: " + ", ".join(f"{label} {n}" for label, n in sorted(mapped.labels.items()))
