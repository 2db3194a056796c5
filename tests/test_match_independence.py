"""Independence of corroborating claims: shared origins in words, and circular reporting."""

from __future__ import annotations

from claims.match.independence import circular_reporting, independence
from claims.match.models import ChainNode, MatchClaim


def claim(
    claim_id: int,
    document_id: int,
    *chain: ChainNode,
    outlet: str | None = None,
    original_publisher: str | None = None,
) -> MatchClaim:
    return MatchClaim(
        id=claim_id,
        document_id=document_id,
        text="Iraq will buy S-400 systems.",
        chain=chain,
        outlet=outlet,
        original_publisher=original_publisher,
    )


def speaker(name: str, source_id: int | None = None) -> ChainNode:
    return ChainNode(role="speaker", mention=name, source_id=source_id, source_name=None)


def publisher(
    name: str, source_id: int | None = None, owners: tuple[tuple[int, str], ...] = ()
) -> ChainNode:
    return ChainNode(role="publisher", mention=name, source_id=source_id, owners=owners)


def test_different_speakers_and_publishers_are_independent() -> None:
    first = claim(1, 1, speaker("Haidar Hadi"), publisher("Al-Monitor"))
    second = claim(2, 2, speaker("Elbrus Kutrashev"), publisher("Izvestia"))
    found = independence(first, second)
    assert found.independent is True
    assert found.shared == ()


def test_the_same_speaker_under_two_spellings_is_one_origin() -> None:
    first = claim(1, 1, speaker("Haidar Hadi"), publisher("Al-Monitor"))
    second = claim(2, 2, speaker("Haidar Mansour Hadi"), publisher("Izvestia"))
    found = independence(first, second)
    assert found.independent is False
    assert found.shared == ("same origin: Haidar Hadi",)


def test_a_resolved_source_is_matched_by_id() -> None:
    first = claim(1, 1, speaker("the ministry", source_id=7), publisher("Reuters", 1))
    second = claim(2, 2, speaker("Iraq's oil ministry", source_id=7), publisher("AFP", 2))
    assert independence(first, second).independent is False


def test_an_outlet_relaying_the_other_is_dependent() -> None:
    relayed = claim(1, 1, speaker("Interfax"), publisher("Al-Monitor"))
    original = claim(2, 2, publisher("Interfax"))
    found = independence(relayed, original)
    assert found.independent is False
    assert found.shared == (
        "same origin: Interfax",
        "relayed: Interfax is speaker of one and publisher of the other",
    )


def test_the_same_original_publisher_is_dependent() -> None:
    first = claim(1, 1, publisher("RIAC"), original_publisher="Al-Monitor")
    second = claim(2, 2, publisher("Al-Monitor"))
    found = independence(first, second)
    assert found.independent is False
    assert "same original publisher: Al-Monitor" in found.shared


def test_the_same_owner_through_parent_sources_is_dependent() -> None:
    owner = ((9, "VGTRK"),)
    first = claim(1, 1, publisher("Rossiya 1", 3, owners=owner))
    second = claim(2, 2, publisher("Vesti", 4, owners=owner))
    found = independence(first, second)
    assert found.independent is False
    assert "same owner: VGTRK" in found.shared


def test_a_wire_copy_in_two_outlets_is_dependent() -> None:
    first = claim(1, 1, publisher("Reuters", 1))
    second = claim(2, 2, publisher("The Star", 2))
    found = independence(first, second, wording=97.0)
    assert found.independent is False
    assert found.shared == ("same wire copy (wording 97% alike)",)


def test_generic_speakers_alone_leave_independence_unknown() -> None:
    first = claim(1, 1, speaker("official sources in Baghdad"))
    second = claim(2, 2, speaker("the Iraqi media"))
    found = independence(first, second)
    assert found.independent is None
    assert found.shared == ("origin unknown: no identifiable source",)


def test_circular_reporting_across_two_chains() -> None:
    first = claim(1, 1, speaker("Shafaq News"), publisher("Izvestia"))
    second = claim(2, 2, speaker("Izvestia"), publisher("Shafaq News"))
    found = independence(first, second)
    assert found.independent is False
    assert found.circular == ("circular reporting: Izvestia cites Shafaq News citing Izvestia",)


def test_circular_reporting_inside_one_chain() -> None:
    chain = [
        speaker("Izvestia"),
        ChainNode(role="intermediary", mention="Shafaq News"),
        publisher("Izvestia"),
    ]
    assert circular_reporting([chain]) == (
        "circular reporting: Izvestia cites Shafaq News citing Izvestia",
    )


def test_a_plain_chain_is_not_circular() -> None:
    chain = [speaker("Haidar Hadi"), ChainNode(role="intermediary", mention="Interfax")]
    assert circular_reporting([chain, [speaker("Reuters")]]) == ()
