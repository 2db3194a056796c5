"""Origin tracing: the first-hand source of a claim, echoes of one origin, and what counts.

Each rule has a near case that the rule must leave alone.
"""

from __future__ import annotations

from claims.match.copies import mark_copies
from claims.match.corroboration import Link, Support, Ties, independent_groups, support
from claims.match.engine import Found
from claims.match.independence import independence
from claims.match.models import ChainNode, Independence, Judgement, Kind, MatchClaim, Signals
from claims.match.origin import ClaimOrigin, claim_origin, flagged_relays

ANONYMOUS = 41


def node(
    role: str, mention: str, source_id: int | None = None, kind: str | None = None
) -> ChainNode:
    return ChainNode(
        role=role, mention=mention, source_id=source_id, source_name=None, source_kind=kind
    )


def claim(
    claim_id: int,
    document_id: int,
    *chain: ChainNode,
    outlet: str | None = None,
    relays: tuple[str, ...] = (),
    published: str | None = None,
) -> MatchClaim:
    return MatchClaim(
        id=claim_id,
        document_id=document_id,
        text="Air defence units shot down 42 drones over the Belgorod region overnight.",
        chain=chain,
        outlet=outlet,
        flagged_relays=relays,
        published=published,
    )


# --- the origin of one claim ----------------------------------------------------------------


def test_the_origin_is_the_named_speaker() -> None:
    chain = [node("speaker", "Russia's Defence Ministry", 7), node("publisher", "Wire Agency", 2)]
    assert claim_origin(chain, "Wire Agency") == ClaimOrigin(
        source_id=7, name="Russia's Defence Ministry"
    )


def test_an_unnamed_speaker_passes_the_claim_to_whoever_relayed_it() -> None:
    anonymous = node("speaker", "official sources in Baghdad", ANONYMOUS, kind="anonymous")
    chain = [anonymous, node("intermediary", "Shafaq News", 12), node("publisher", "Izvestia", 9)]
    assert claim_origin(chain, "Izvestia") == ClaimOrigin(source_id=12, name="Shafaq News")
    for unnamed in ("the ministry", "ministry", "He", "officials"):
        found = claim_origin([node("speaker", unnamed), node("publisher", "Wire Agency", 2)])
        assert found == ClaimOrigin(source_id=2, name="Wire Agency"), unnamed


def test_a_named_body_the_registry_lacks_is_still_an_origin() -> None:
    found = claim_origin([node("speaker", "The Belgorod Regional Administration")], "Daily")
    assert found == ClaimOrigin(name="The Belgorod Regional Administration")


def test_a_claim_without_a_chain_is_its_publishers_own() -> None:
    assert claim_origin([], "Medium") == ClaimOrigin(name="Medium")
    assert claim_origin([], None) is None
    assert claim_origin([node("speaker", "he")], "  ") is None


def test_flagged_relays_are_intermediaries_and_publishers_not_speakers() -> None:
    path = [
        {"source_id": 17, "name": "Rybar", "role": "speaker", "flag": "propaganda"},
        {"source_id": 4, "name": "RIA Novosti", "role": "publisher", "flag": "propaganda"},
        {
            "source_id": 3,
            "name": "Holding",
            "role": "intermediary",
            "flag": "propaganda",
            "through": "Vesti",
        },
    ]
    assert flagged_relays(path) == (
        "relayed by RIA Novosti (propaganda)",
        "relayed by Vesti (Holding, which it belongs to, is flagged propaganda)",
    )
    assert flagged_relays(path, override=False) == ()
    assert flagged_relays(path[:1]) == ()


# --- echoes -------------------------------------------------------------------------------


def test_two_outlets_relaying_one_ministry_echo_it() -> None:
    wire = claim(
        1, 1, node("speaker", "Russia's Defence Ministry", 7), node("publisher", "Wire Agency", 2)
    )
    state = claim(
        2,
        2,
        node("speaker", "The Russian Defence Ministry", 7),
        node("publisher", "RIA Novosti", 4),
        relays=("relayed by RIA Novosti (propaganda)",),
    )
    found = independence(wire, state)
    assert found.independent is False
    assert found.shared == (
        "same origin: Russia's Defence Ministry",
        "relayed by RIA Novosti (propaganda)",
    )


def test_a_propaganda_relay_is_never_independent_even_of_another_origin() -> None:
    wire = claim(
        1, 1, node("speaker", "Russia's Defence Ministry", 7), node("publisher", "Wire Agency", 2)
    )
    headline = claim(
        2, 2, node("publisher", "RIA Novosti", 4), relays=("relayed by RIA Novosti (propaganda)",)
    )
    found = independence(wire, headline)
    assert found.independent is False
    assert found.shared == ("relayed by RIA Novosti (propaganda)",)
    # Near case: the same outlet unflagged is an origin of its own.
    assert independence(wire, claim(2, 2, node("publisher", "Daily", 5))).independent is True


def test_a_flagged_speaker_is_an_origin_not_a_relay() -> None:
    rybar = claim(1, 1, node("speaker", "Rybar", 17), node("publisher", "Daily", 5))
    officials = claim(
        2,
        2,
        node("speaker", "Iraq's Prime Minister's Office", 20),
        node("publisher", "Wire Agency", 2),
    )
    assert independence(rybar, officials).independent is True


def test_anonymous_sources_are_never_one_origin() -> None:
    first = claim(
        1,
        1,
        node("speaker", "official sources", ANONYMOUS, "anonymous"),
        node("publisher", "Izvestia", 9),
    )
    second = claim(
        2,
        2,
        node("speaker", "security sources", ANONYMOUS, "anonymous"),
        node("publisher", "Wire Agency", 2),
    )
    found = independence(first, second)
    assert found.independent is True and found.shared == ()
    # Near case: one named speaker behind both is one origin.
    named = claim(3, 3, node("speaker", "Haidar Hadi", 30), node("publisher", "Izvestia", 9))
    again = claim(4, 4, node("speaker", "Haidar Hadi", 30), node("publisher", "Al-Monitor", 35))
    assert independence(named, again).shared == ("same origin: Haidar Hadi",)


def test_owners_of_the_common_origin_are_not_repeated() -> None:
    owners = ((50, "Iraqi Ministry of Foreign Affairs"),)
    speaker = ChainNode(role="speaker", mention="Haidar Hadi", source_id=30, owners=owners)
    found = independence(
        claim(1, 1, speaker, node("publisher", "Izvestia", 9)),
        claim(2, 2, speaker, node("publisher", "Al-Monitor", 35)),
    )
    assert found.shared == ("same origin: Haidar Hadi",)
    # Near case: two spokesmen of one ministry are two origins with one owner.
    other = ChainNode(role="speaker", mention="Fuad Hussein", source_id=31, owners=owners)
    found = independence(
        claim(1, 1, speaker, node("publisher", "Izvestia", 9)),
        claim(2, 2, other, node("publisher", "Al-Monitor", 35)),
    )
    assert found.shared == ("same owner: Iraqi Ministry of Foreign Affairs",)


def found(low: int, high: int, wording: float, independent: bool | None = True) -> Found:
    judgement = Judgement(kind=Kind.CORROBORATES, score=0.7, signals=Signals(wording=wording))
    return Found(low, high, judgement, Independence(independent=independent))


def test_a_document_that_copies_another_echoes_it_in_every_shared_claim() -> None:
    claims = {
        i: claim(
            i,
            1 if i <= 4 else 2,
            outlet="Wire Agency" if i <= 4 else "Daily",
            published="2026-03-03" if i <= 4 else "2026-03-04",
        )
        for i in range(1, 9)
    }
    copied = [found(1, 5, 98.0), found(2, 6, 95.0), found(3, 7, 93.0), found(4, 8, 60.0)]
    marked = mark_copies(copied, claims)
    assert [item.independence.independent for item in marked if item.independence] == [
        False,
        False,
        False,
        False,
    ]
    assert marked[3].independence is not None
    assert marked[3].independence.shared == (
        "copied from Wire Agency (document 1): 3 sentences alike",
    )
    # Near case: two sentences alike are two quotes, not a copy.
    assert mark_copies(copied[1:], claims)[2].independence == Independence(independent=True)


def test_corroborators_of_one_origin_count_once() -> None:
    ties = Ties(documents={2: 20, 3: 30}, origins={2: "source:7", 3: "source:7"})
    assert independent_groups([2, 3], ties) == 1
    distinct = Ties(documents={2: 20, 3: 30}, origins={2: "source:7", 3: "source:8"})
    assert independent_groups([2, 3], distinct) == 2


def test_support_says_echoes_flagged_echoes_and_independent_origins() -> None:
    links = [
        Link(1, 2, "corroborates", False),
        Link(1, 3, "duplicate", False),
        Link(1, 4, "corroborates", True),
        Link(1, 5, "corroborates", True),
        Link(1, 6, "corroborates", None),
        Link(1, 7, "related", None),
    ]
    ties = Ties(documents={4: 40, 5: 50}, origins={4: "source:7", 5: "source:8"})
    found = support(1, links, ties, flagged={2, 7})
    assert found == Support(echoes=2, flagged_echoes=1, independent=2, unassessed=1)
    assert found.sentence() == (
        "echoed by 2 (1 propaganda-flagged), independently corroborated by 2;"
        " 1 more of unknown origin"
    )
    assert Support().sentence() == (
        "echoed by 0 (0 propaganda-flagged), independently corroborated by 0"
    )
