"""Relayed speech, `X quoted Y as saying Z`: Y is the speaker, X the intermediary that relayed
him, then the publisher; Z is the content. Made-up sentences, each form with a near case."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import ChainLink, DocumentContext, Role, Span
from claims.extract.sentences import split_sentences

WIRE = DocumentContext(outlet="Wire")


def _sentences(text: str) -> list[Span]:
    return [Span(start=s.start, end=s.end) for s in split_sentences(text)]


def read(text: str) -> tuple[list[ChainLink], list[str]]:
    """The last sentence's chain and the content of its first attribution."""
    sentences = _sentences(text)
    result = find_attributions(text, sentences, WIRE)
    last = len(sentences) - 1
    found = [a for a in result.attributions if a.sentence == last]
    content = [text[c.start : c.end] for c in found[0].content] if found else []
    return list(result.chains[last]), content


def roles(chain: list[ChainLink]) -> list[tuple[str, str, str | None]]:
    return [(link.role.value, link.mention, link.speaker_role) for link in chain]


def written(text: str, link: ChainLink) -> str:
    assert link.mention_span is not None
    return text[link.mention_span.start : link.mention_span.end]


def test_outlet_quoted_an_official_as_saying() -> None:
    text = (
        "Ruritania's news agency Vox quoted Deputy Trade Minister Ivan Dobrev as saying "
        "that the border would reopen in May."
    )
    chain, content = read(text)
    assert roles(chain) == [
        ("speaker", "Ivan Dobrev", "Deputy Trade Minister"),
        ("intermediary", "Ruritania's news agency Vox", None),
        ("publisher", "Wire", None),
    ]
    assert [link.cue for link in chain[:2]] == ["saying", "quoted"]
    assert content == ["the border would reopen in May"]
    # Near case: the outlet saying it itself stays the speaker.
    own, _ = read("Ruritania's news agency Vox said that the border would reopen in May.")
    assert roles(own)[0] == ("speaker", "Ruritania's news agency Vox", None)


def test_an_unnamed_source_and_a_role_in_apposition() -> None:
    chain, content = read("Vox quoted an unnamed army source as saying the drills had ended.")
    assert roles(chain)[:2] == [
        ("speaker", "an unnamed army source", None),
        ("intermediary", "Vox", None),
    ]
    assert content == ["the drills had ended"]
    text = (
        "The Pravo agency quoted the palace spokesman, Emil Tarn, as saying that no decision "
        "had been taken."
    )
    chain, content = read(text)
    assert roles(chain)[:2] == [
        ("speaker", "Emil Tarn", "the palace spokesman"),
        ("intermediary", "The Pravo agency", None),
    ]
    assert content == ["no decision had been taken"]


def test_the_quoted_person_resolves_to_the_name_written_earlier() -> None:
    text = (
        "Deputy Trade Minister Ivan Dobrev met the envoy on Monday. "
        'The agency quoted Mr Dobrev as saying: "We are ready to talk."'
    )
    chain, content = read(text)
    assert [(link.role.value, link.mention) for link in chain] == [
        ("speaker", "Ivan Dobrev"),
        ("intermediary", "The agency"),
        ("publisher", "Wire"),
    ]
    assert written(text, chain[0]) == "Ivan Dobrev"
    assert content == ['"We are ready to talk."']


def test_passive_with_and_without_the_relay() -> None:
    chain, content = read("Ivan Dobrev was quoted by Vox as saying the border would reopen.")
    assert roles(chain) == [
        ("speaker", "Ivan Dobrev", None),
        ("intermediary", "Vox", None),
        ("publisher", "Wire", None),
    ]
    assert content == ["the border would reopen"]
    chain, content = read("Ivan Dobrev was quoted as saying the border would reopen.")
    assert roles(chain) == [("speaker", "Ivan Dobrev", None), ("publisher", "Wire", None)]
    assert content == ["the border would reopen"]


def test_cited_as_saying_is_a_relay_and_cited_alone_is_not() -> None:
    text = "Vox cited Prince Arvid as saying the kingdom would raise output."
    chain, content = read(text)
    assert roles(chain) == [
        ("speaker", "Arvid", "Prince"),
        ("intermediary", "Vox", None),
        ("publisher", "Wire", None),
    ]
    assert chain[1].role is Role.INTERMEDIARY and chain[1].cue == "cited"
    assert written(text, chain[1]) == "Vox"
    assert content == ["the kingdom would raise output"]
    # Near case: citing a reason without "as saying" gives no relayed speaker.
    plain, _ = read("The minister cited rising costs as the reason for the delay.")
    assert all(link.mention != "rising costs" for link in plain)


def test_the_quotation_written_before_the_relay() -> None:
    text = '"Our reforms have worked," Vox quoted Prince Arvid as saying in a statement.'
    chain, content = read(text)
    assert roles(chain)[:2] == [("speaker", "Arvid", "Prince"), ("intermediary", "Vox", None)]
    assert content == ['"Our reforms have worked,"']
    chain, content = read("The border will reopen, Vox quoted Ivan Dobrev as saying.")
    assert roles(chain)[:2] == [("speaker", "Ivan Dobrev", None), ("intermediary", "Vox", None)]
    assert content == ["The border will reopen"]


def test_a_pronoun_quoted_after_his_quotation_takes_the_name() -> None:
    text = (
        "Deputy Trade Minister Ivan Dobrev met the envoy. "
        '"We are ready to talk." Vox quoted him as saying.'
    )
    sentences = _sentences(text)
    chains = find_attributions(text, sentences, WIRE).chains
    for chain in chains[1:]:
        assert [(link.role.value, link.mention) for link in chain] == [
            ("speaker", "Ivan Dobrev"),
            ("intermediary", "Vox"),
            ("publisher", "Wire"),
        ]


def test_as_having_said_is_relayed_speech_too() -> None:
    chain, content = read("Vox quoted Ivan Dobrev as having said that the border would reopen.")
    assert roles(chain) == [
        ("speaker", "Ivan Dobrev", None),
        ("intermediary", "Vox", None),
        ("publisher", "Wire", None),
    ]
    assert chain[0].cue == "said"
    assert content == ["the border would reopen"]
    chain, _ = read("Ivan Dobrev was quoted as having said that the border would reopen.")
    assert roles(chain) == [("speaker", "Ivan Dobrev", None), ("publisher", "Wire", None)]
