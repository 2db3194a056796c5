"""A corroboration needs something said in common: not only who said it (one analyst's name
and title in two of his statements), nor only one term named in two different sentences
("personal video recorders"). Made-up reports, next to pairs that must still corroborate."""

from __future__ import annotations

from claims.match.models import Kind
from claims.match.relate import relate, side
from claims.match.score import UNIFORM
from tests.framed_claims import PUBLISHED, framed_claim, judged_reports, report


def test_two_statements_of_one_analyst_share_only_who_said_them() -> None:
    found = judged_reports(
        report(
            "Tablet makers fight over formats",
            '"The rival formats are like the old tape wars of the past," said Tom Vey, '
            "senior mobile analyst at Brightline Research.",
        ),
        '"The rival',
        report(
            "Cheap tablet goes on sale",
            "Tom Vey, senior mobile analyst at Brightline Research, agreed that the Velmor "
            "tablet could be very popular.",
        ),
        "Tom Vey",
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0].startswith("little in common besides who said it"), found.reasons


def test_one_analyst_saying_one_thing_twice_still_corroborates() -> None:
    found = judged_reports(
        report(
            "Tablet sales to double",
            "Tom Vey, senior mobile analyst at Brightline Research, said tablet sales "
            "would double next year.",
        ),
        "Tom Vey",
        report(
            "Analysts upbeat on tablets",
            '"Tablet sales will double next year," said Tom Vey, senior analyst at '
            "Brightline Research.",
        ),
        '"Tablet sales',
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_one_term_in_two_different_sentences_is_only_related() -> None:
    found = judged_reports(
        report(
            "Cable firm plans television on demand",
            "For Corvane it is the start of a £20m investment in television on demand, which "
            "will also see the launch of a personal video recorder (PVR).",
        ),
        "For Corvane",
        report(
            "Satellite boxes get hard disks",
            "Like the Dunmore boxes, they will also be personal video recorders (PVRs).",
        ),
        "Like the Dunmore",
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0] == "only one phrase in common: personal video recorder pvr"


def test_a_shared_verb_makes_the_shared_words_a_statement() -> None:
    found = judged_reports(
        report(
            "Parties clash on asylum",
            'The Greens warned both parties against "pandering to fear" in the campaign.',
        ),
        "The Greens",
        report(
            "Asylum row grows",
            'On Monday the Green Party also warned the two parties against "pandering to '
            'fear" over asylum.',
        ),
        "On Monday",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_a_headline_and_its_own_lead_still_corroborate() -> None:
    document = (
        "Velmor-Dunmore phone deal 'at risk'\n\n"
        "Velmor's investment in Dunmore's mobile phone market looks set to be scrapped after "
        "its biggest operator saw its stake there cut by MPs.\n"
    )
    headline = framed_claim(document, "Velmor-Dunmore", 1, PUBLISHED).claim
    lead = framed_claim(document, "Velmor's investment", 2, PUBLISHED).claim
    one_document = lead.model_copy(update={"document_id": headline.document_id})
    found = relate(side(headline), side(one_document), UNIFORM)
    assert found.kind == Kind.CORROBORATES, found.reasons
