"""Verbs with a sense that is no speech ("added jobs", "reported a profit") are cues only when
they take a report; a participle after a letter speaks for the sender; replies close a report.
Made-up sentences, each with a near case that stays a report."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import ChainLink, DocumentContext, Span
from claims.extract.sentences import split_sentences

WIRE = DocumentContext(outlet="Wire")


def chain_of(text: str) -> list[tuple[str, str, str | None]]:
    """The roles, names and cues of the last sentence's chain."""
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    chain: list[ChainLink] = find_attributions(text, sentences, WIRE).chains[-1]
    return [(link.role.value, link.mention, link.cue) for link in chain]


PUBLISHER_ONLY = [("publisher", "Wire", None)]


def test_a_figure_or_noun_object_makes_no_speaker() -> None:
    for text in (
        "Ruritanian firms added only 46,000 jobs in May.",
        "The brewer reported a profit of $12m for the year.",
        "The brewer posted larger annual profits.",
        "The farm sector showed growth in the spring.",
        "Glanmore Motors is recalling nearly 90,000 vans on safety grounds.",
        "The mill group posted a 40% rise in annual sales.",
        "The firm collapsed in May after disclosing a 2bn-crown hole in its accounts.",
        "Farm output was released on Friday, showing 0.4% growth.",
        "The board declared a dividend of 5p a share.",
        "The farm economy indicated growth of just 0.1%.",
    ):
        assert chain_of(text) == PUBLISHER_ONLY, text


def test_the_same_verbs_taking_a_report_stay_cues() -> None:
    cases = {
        "The brewer reported on Friday that sales had fallen.": ("The brewer", "reported"),
        "The brewer added that sales had fallen.": ("The brewer", "added"),
        "It added it was planning further cuts.": ("It", "added"),
        "The agency warned demand in the first quarter would outstrip supply.": (
            "The agency",
            "warned",
        ),
        "Shares fell after the mill group reported losses had deepened.": (
            "the mill group",
            "reported",
        ),
        "Sales will fall this year, the Daily Courier has reported.": (
            "the Daily Courier",
            "reported",
        ),
        "Quarterly data showed that the farm sector grew.": ("Quarterly data", "showed"),
        "New polls show the mayor leading in every district.": ("New polls", "show"),
        "A new poll showed a narrow lead for the mayor.": ("A new poll", "showed"),
        "The senator recalled the night of the flood.": ("The senator", "recalled"),
        "The mayor noted how quiet the city was.": ("The mayor", "noted"),
        "The brewer posted a comment on its website.": ("The brewer", "posted"),
        "The council has indicated its intention of raising fares.": ("The council", "indicated"),
        "“Prices will rise,” added another Vell analyst.": ("another Vell analyst", "added"),
        "The Courier reported last month the mayor had resigned.": ("The Courier", "reported"),
        "“Prices will rise,” added Vell Partners’ Ana Morel.": ("Ana Morel", "added"),
        "The brewer added: “Sales have fallen.”": ("The brewer", "added"),
    }
    for text, (speaker, cue) in cases.items():
        first = chain_of(text)[0]
        assert first[0] == "speaker" and speaker in first[1] and first[2] == cue, (text, first)


def test_a_plural_noun_after_a_figure_is_no_cue() -> None:
    text = "The regulator said two in five of the 12,300 reports it had concerned fraud."
    assert chain_of(text)[0] == ("speaker", "The regulator", "said")


def test_a_participle_after_a_letter_speaks_for_the_sender() -> None:
    text = "The mill group sent a letter to staff saying the plant would close."
    assert chain_of(text)[0] == ("speaker", "The mill group", "saying")
    text = "The port authority issued a statement saying the talks had failed."
    assert chain_of(text)[0] == ("speaker", "The port authority", "saying")
    # Near case: after a person the participle may be the person's (`the minister saying`):
    # no speaker is made up from the words before it.
    text = "Campaigners wrote to the minister saying the levy was unfair."
    assert chain_of(text) == PUBLISHER_ONLY


def test_a_reply_after_a_short_subject_closes_the_report_before_it() -> None:
    text = (
        "Cutting the budget will cost jobs, they counter, while the tax cuts will do "
        "little for growth."
    )
    assert chain_of(text)[0] == ("speaker", "they", "counter")
    text = "The levy will drive ships away, the port's critics hit back."
    assert chain_of(text)[0] == ("speaker", "the port's critics", "hit back")
    text = "The plan is sound, ministers fired back."
    assert chain_of(text)[0] == ("speaker", "ministers", "fired back")
    # Near case: a noun after a verb of its own is no reply (`faced claims`).
    assert chain_of("In March, the firm faced claims.") == PUBLISHER_ONLY


def test_a_noun_after_a_quantifier_or_a_noun_is_no_cue() -> None:
    text = "There were fears that too much stress might be placed on the ports."
    assert chain_of(text) == PUBLISHER_ONLY
    text = "The vans in the product recall are from the 2004 model year, Glanmore said."
    assert chain_of(text)[0] == ("speaker", "Glanmore", "said")
    # Near cases: a base form after a plural subject or a pronoun stays a verb.
    assert chain_of("Analysts report that sales fell.")[0] == ("speaker", "Analysts", "report")
    assert chain_of("We recall that the plan failed.")[0] == ("speaker", "We", "recall")
    text = "Port fees will rise next year, state media report."
    assert chain_of(text)[0] == ("speaker", "state media", "report")
