"""Attribution chains: speakers with roles, intermediaries, stance, carry-over, hostile quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.extract.attribution import attribute, find_attributions
from claims.extract.attribution.chains import skeleton
from claims.extract.attribution.quotes import scan_quotes
from claims.extract.models import ChainLink, DocumentContext, Role, Span, Stance

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "attribution_confusion.txt"
OUTLET = DocumentContext(outlet="Kommersant")


def spans_of(text: str, *sentences: str) -> list[Span]:
    """Spans of the given sentences, found one after another in `text`."""
    spans, at = [], 0
    for sentence in sentences:
        start = text.index(sentence, at)
        spans.append(Span(start=start, end=start + len(sentence)))
        at = start + len(sentence)
    return spans


def chain_of(sentence: str, context: DocumentContext = OUTLET) -> list[ChainLink]:
    return attribute(sentence, [Span(start=0, end=len(sentence))], context)[0]


def speaker(chain: list[ChainLink]) -> ChainLink:
    first = chain[0]
    assert first.role is Role.SPEAKER, chain
    return first


def written(text: str, span: Span | None) -> str:
    assert span is not None
    return text[span.start : span.end]


# --- speakers, roles, affiliations -------------------------------------------------------


def test_name_then_role_and_outlet_told() -> None:
    text = (
        "Ivan Sorokin, Russia's ambassador in Jordan, told Kommersant that the talks will resume."
    )
    chain = chain_of(text)
    who = speaker(chain)
    assert who.mention == "Ivan Sorokin"
    assert who.speaker_role == "Russia's ambassador in Jordan"
    assert who.affiliation == "Russia"
    assert written(text, who.mention_span) == "Ivan Sorokin"
    assert who.cue == "told" and written(text, who.cue_span) == "told"
    # The outlet named in the text is the publisher, with its span.
    assert chain[-1].role is Role.PUBLISHER
    assert chain[-1].mention == "Kommersant"
    assert written(text, chain[-1].mention_span) == "Kommersant"
    assert len(chain) == 2


def test_role_then_name() -> None:
    who = speaker(chain_of("Jordanian military expert Karim al-Nasser believes the deal is dead."))
    assert who.mention == "Karim al-Nasser"
    assert who.speaker_role == "Jordanian military expert"
    assert who.affiliation == "Jordanian"
    assert who.cue == "believes"


def test_title_before_name_with_interview_intermediary() -> None:
    text = (
        "Adviser to the Prime Minister Omar Haddad said in an interview with Interfax "
        "that prices will fall."
    )
    chain = chain_of(text)
    assert speaker(chain).mention == "Omar Haddad"
    assert speaker(chain).speaker_role == "Adviser to the Prime Minister"
    assert chain[1].role is Role.INTERMEDIARY and chain[1].mention == "Interfax"
    assert chain[-1].role is Role.PUBLISHER and chain[-1].mention_span is None


def test_role_phrase_then_name_after_comma() -> None:
    text = (
        "The kingdom's envoy to the Russian Federation, Samir Khalil, noted that trade had doubled."
    )
    who = speaker(chain_of(text))
    assert who.mention == "Samir Khalil"
    assert who.speaker_role == "The kingdom's envoy to the Russian Federation"
    assert who.stance is Stance.ENDORSING


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        (
            "Official sources in Amman said that the border will reopen.",
            "Official sources in Amman",
        ),
        ("Security sources told reporters that two drones were shot down.", "Security sources"),
        ("Analysts warned that the currency could fall further.", "Analysts"),
        (
            "The interlocutors of Kommersant explained that the deal is off.",
            "The interlocutors of Kommersant",
        ),
        ("Jordanian media reported that the minister resigned.", "Jordanian media"),
    ],
)
def test_anonymous_and_collective_speakers(sentence: str, mention: str) -> None:
    assert speaker(chain_of(sentence)).mention == mention


def test_citing_makes_the_cited_the_speaker() -> None:
    text = (
        "The Turkish Anadolu news agency, citing security sources, clarifies that "
        "the convoy was stopped."
    )
    chain = chain_of(text)
    assert speaker(chain).mention == "security sources"
    assert chain[1].role is Role.INTERMEDIARY
    assert chain[1].mention == "The Turkish Anadolu news agency"
    assert chain[1].cue == "clarifies"
    assert [link.role for link in chain] == [Role.SPEAKER, Role.INTERMEDIARY, Role.PUBLISHER]


def test_reported_citing_and_according_who_cited() -> None:
    reported = chain_of("Anadolu reported, citing diplomatic sources, that the talks had stalled.")
    assert speaker(reported).mention == "diplomatic sources"
    assert reported[1].mention == "Anadolu"
    according = chain_of(
        "The reserves are shrinking, according to Bloomberg, which cited two bankers."
    )
    assert speaker(according).mention == "two bankers"
    assert according[1].mention == "Bloomberg" and according[1].cue == "according to"


def test_as_reported_by_is_an_intermediary_of_the_inner_speaker() -> None:
    chain = chain_of("As reported by Reuters, the ministry said that the troops had left.")
    assert speaker(chain).mention == "the ministry"
    assert chain[1].mention == "Reuters" and chain[1].role is Role.INTERMEDIARY


def test_intent_verbs_are_attributions_but_not_chain_speakers() -> None:
    text = "According to the institute, Russia is seeking to expand its influence."
    result = find_attributions(text, [Span(start=0, end=len(text))], OUTLET)
    assert speaker(list(result.chains[0])).mention == "the institute"
    cues = [written(text, found.cue) for found in result.attributions]
    # "seeking" lies inside the institute's content: part of it, not listed on its own.
    assert cues == ["According to"]
    text = "Russia is seeking to expand its influence."
    result = find_attributions(text, [Span(start=0, end=len(text))], OUTLET)
    assert [written(text, found.cue) for found in result.attributions] == ["seeking"]
    assert result.chains[0][0].role is Role.PUBLISHER


def test_quote_framings() -> None:
    after = chain_of(
        "“The pipeline will be ready in May,” said Pavel Orlov, the deputy energy minister."
    )
    assert speaker(after).mention == "Pavel Orlov"
    assert speaker(after).speaker_role == "the deputy energy minister"
    colon = chain_of("The spokesman said: “No decision has been taken.”")
    assert speaker(colon).mention == "The spokesman"
    dash = "— The situation on the border is calm, — the interlocutors of Kommersant reported."
    assert speaker(chain_of(dash)).mention == "the interlocutors of Kommersant"


def test_content_is_the_claim_not_the_frame() -> None:
    text = "Analysts at the bank believe that the rate will be cut in June."
    found = find_attributions(text, [Span(start=0, end=len(text))], OUTLET).attributions
    assert [written(text, c) for c in found[0].content] == ["the rate will be cut in June"]
    assert written(text, found[0].source) == "Analysts at the bank"


# --- stance ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("The ministry confirmed that the plant was closed.", Stance.ENDORSING),
        ("The report showed that exports fell by a third.", Stance.ENDORSING),
        ("The governor said that the plant was closed.", Stance.NEUTRAL),
        ("According to the ministry, the plant was closed.", Stance.NEUTRAL),
        ("The opposition claimed that the vote was rigged.", Stance.DISTANCING),
        ("The group alleged that the ballots were burned.", Stance.DISTANCING),
        ("The so-called referendum was approved, officials said.", Stance.DISTANCING),
    ],
)
def test_stance_follows_the_cue(sentence: str, stance: Stance) -> None:
    assert speaker(chain_of(sentence)).stance is stance


# --- carry-over --------------------------------------------------------------------------


def test_carry_over_within_a_passage_and_its_end() -> None:
    text = (
        "According to the foundation, the delegation visited Cairo on May 3. "
        "During the visit, they met senior officials.\n\n"
        "In addition, it is emphasized that a second visit is planned.\n\n"
        "The weather in Cairo was hot."
    )
    sentences = spans_of(
        text,
        "According to the foundation, the delegation visited Cairo on May 3.",
        "During the visit, they met senior officials.",
        "In addition, it is emphasized that a second visit is planned.",
        "The weather in Cairo was hot.",
    )
    chains = attribute(text, sentences, OUTLET)
    assert len(chains) == 4
    assert speaker(chains[0]).mention == "the foundation" and not chains[0][0].inherited
    assert speaker(chains[1]).mention == "the foundation" and chains[1][0].inherited
    assert speaker(chains[2]).mention == "the foundation"
    assert chains[2][0].cue == "it is emphasized" and chains[2][0].inherited
    assert [link.role for link in chains[3]] == [Role.PUBLISHER]


def test_new_paragraph_topic_sentence_ends_the_passage() -> None:
    text = "The mayor said that the bridge will open in June.\n\nPrices rose in April."
    chains = attribute(text, spans_of(text, text.split("\n\n")[0], "Prices rose in April."), OUTLET)
    assert speaker(chains[0]).mention == "The mayor"
    assert chains[1] == [ChainLink(role=Role.PUBLISHER, mention="Kommersant")]


def test_pronoun_speaker_resolves_to_the_last_named_person() -> None:
    text = "Deputy Minister Lena Park said that the plan is ready.\n\nHe stressed that it is fixed."
    sentences = spans_of(
        text,
        "Deputy Minister Lena Park said that the plan is ready.",
        "He stressed that it is fixed.",
    )
    chains = attribute(text, sentences, OUTLET)
    who = speaker(chains[1])
    assert who.mention == "Lena Park"
    assert who.cue == "stressed" and not who.inherited
    assert written(text, who.mention_span) == "Lena Park"


def test_quotation_running_over_sentences_is_inherited() -> None:
    text = "“We are ready to trade,” the minister said. “Our firms are waiting. They need rules.”"
    sentences = spans_of(
        text,
        "“We are ready to trade,” the minister said.",
        "“Our firms are waiting.",
        "They need rules.”",
    )
    chains = attribute(text, sentences, OUTLET)
    assert [speaker(c).mention for c in chains] == ["the minister"] * 3
    assert [c[0].inherited for c in chains] == [False, True, True]
    found = find_attributions(text, sentences, OUTLET).attributions
    assert len(found) == 1 and len(found[0].content) == 2


# --- publisher and author ----------------------------------------------------------------


def test_unattributed_sentence_belongs_to_publisher_or_author() -> None:
    text = "The market rose on Tuesday."
    assert chain_of(text) == [ChainLink(role=Role.PUBLISHER, mention="Kommersant")]
    republished = DocumentContext(outlet="Medium", original_publisher="Al-Monitor")
    assert chain_of(text, republished)[0].mention == "Al-Monitor"
    author_only = chain_of(text, DocumentContext(author="Thomas Henry"))
    assert author_only == [ChainLink(role=Role.SPEAKER, mention="Thomas Henry")]
    assert chain_of(text, DocumentContext()) == []


def test_publisher_named_with_look_alike_letters_is_recognised() -> None:
    assert skeleton("Rеuters") == skeleton("Reuters")  # Cyrillic е
    text = "The minister told Rеuters that the border is closed."
    chain = chain_of(text, DocumentContext(outlet="Reuters"))
    assert chain[-1].role is Role.PUBLISHER and chain[-1].mention_span is not None
    assert len([link for link in chain if link.role is Role.PUBLISHER]) == 1


# --- hostile input -----------------------------------------------------------------------


def test_unclosed_quote_is_unattributed_and_does_not_swallow_the_rest() -> None:
    text = (
        'He wrote: "The election was rigged, said nobody.\nThe governor said that turnout was high.'
    )
    sentences = spans_of(
        text,
        'He wrote: "The election was rigged, said nobody.',
        "The governor said that turnout was high.",
    )
    chains = attribute(text, sentences, OUTLET)
    assert [link.role for link in chains[0]] == [Role.PUBLISHER]
    assert speaker(chains[1]).mention == "The governor"


def test_quote_scan_nesting_and_unclosed() -> None:
    text = "«a «b «c» b» a» and „x“ and “open"
    scan = scan_quotes(text)
    assert [text[q.start : q.end] for q in scan.quotes] == ["«a «b «c» b» a»", "„x“"]
    assert scan.unclosed == (text.index("“open"),)


@pytest.mark.timeout(10)
def test_hostile_attribution_file_is_fast_and_bounded() -> None:
    text = HOSTILE.read_text(encoding="utf-8")
    sentences, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            sentences.append(Span(start=at, end=at + len(line)))
        at += len(line) + 1
    chains = attribute(text, sentences, DocumentContext(outlet="Reuters"))
    assert len(chains) == len(sentences)
    lines = [text[s.start : s.end] for s in sentences]
    unclosed = next(i for i, line in enumerate(lines) if line.startswith("Quote with no close"))
    assert [link.role for link in chains[unclosed]] == [Role.PUBLISHER]
    nested = next(i for i, line in enumerate(lines) if line.startswith("“He said"))
    assert speaker(chains[nested]).mention == "a source"
    assert any(link.mention == "RT" for link in chains[nested])
    # The ministry's own words are quoted: it speaks, citing the official as its grounds.
    ministry = speaker(chains[0])
    assert ministry.mention == "the ministry"
    assert [link.mention for link in chains[0][1:]] == ["Reuters"]
    assert chains[0][-1].role is Role.PUBLISHER


def test_deep_nesting_and_long_input_finish() -> None:
    """Pathological nesting must not recurse or backtrack (speed itself is benchmarked by
    scripts/bench_extract.py, not asserted here)."""
    deep = "«" * 50_000 + "x" + "»" * 50_000 + " the source said."
    chains = attribute(deep, [Span(start=0, end=len(deep))], OUTLET)
    assert len(chains) == 1


def test_many_sentences_each_get_their_chain() -> None:
    sentence = (
        "Ivan Sorokin, Russia's ambassador in Jordan, told Kommersant that the talks will resume. "
    )
    text = sentence * 2000
    sentences = [
        Span(start=i * len(sentence), end=(i + 1) * len(sentence) - 1) for i in range(2000)
    ]
    chains = attribute(text, sentences, OUTLET)
    assert len(chains) == 2000
    assert all(chain and chain[0].mention == "Ivan Sorokin" for chain in chains)


# --- news-writing rules: post-posed quotes, participles, layout ------------------------


def found_in(text: str) -> list[tuple[str | None, str | None, list[str]]]:
    """(cue, source, content fragments) of every attribution in a one-paragraph text."""
    result = find_attributions(text, [Span(start=0, end=len(text))], OUTLET)
    return [
        (
            text[a.cue.start : a.cue.end] if a.cue else None,
            text[a.source.start : a.source.end] if a.source else None,
            [text[c.start : c.end] for c in a.content],
        )
        for a in result.attributions
    ]


def test_quote_before_subject_is_the_content_whatever_follows_the_verb() -> None:
    text = "“The bridge is unsafe,” the engineer said, adding that repairs would take a year."
    found = found_in(text)
    assert found[0] == ("said", "the engineer", ["“The bridge is unsafe,”"])
    assert found[1] == ("adding", "the engineer", ["repairs would take a year"])
    text = "“The fund is broke,” Ada Moss told the council on Monday."
    assert found_in(text)[0] == ("told", "Ada Moss", ["“The fund is broke,”"])


def test_according_to_after_a_comma_keeps_its_own_source() -> None:
    text = "The mill reports that orders fell by half, according to the trade union."
    found = found_in(text)
    assert found[-1][:2] == ("according to", "the trade union")


def test_speech_participle_after_a_comma_is_a_cue() -> None:
    text = "The mayor is defending the budget, saying it protects the libraries."
    assert ("saying", "The mayor", ["it protects the libraries"]) in found_in(text)


def test_source_after_the_verb_ends_at_a_participle_and_skips_a_party_label() -> None:
    text = "“The vote was rigged,” said Sen. Ada Moss (D-Ore.), head of the panel."
    cue, source, _ = found_in(text)[0]
    assert (cue, source) == ("said", "Sen. Ada Moss (D-Ore.), head of the panel")
    who = speaker(chain_of(text))
    assert who.mention == "Ada Moss" and who.speaker_role == "head of the panel"
    text = "“The vote was rigged,” said Ada Moss, speaking of the recount."
    assert found_in(text)[0] == ("said", "Ada Moss", ["“The vote was rigged,”"])


def test_inverted_source_after_a_comma_and_a_clause() -> None:
    text = "The dam could fail within a decade, said Ivo Lind, an engineer who studied it."
    cue, source, content = found_in(text)[0]
    assert cue == "said" and source == "Ivo Lind, an engineer who studied it"
    assert content == ["The dam could fail within a decade"]
    # A noun phrase with a verb of its own after the comma is no source.
    text = "This statement, issued by the council, underscores a policy aimed at calm."
    assert chain_of(text)[0].mention != "a policy aimed at calm"


def test_coordinated_speech_verb_shares_the_subject() -> None:
    text = "The Harbour Police arrested two men on Friday and said the port would reopen."
    assert ("said", "The Harbour Police", ["the port would reopen"]) in found_in(text)
    # A base form after "to ... and" is not a report.
    text = "It is stressed that the plan aims to help farmers and maintain prices."
    assert all(cue != "maintain" for cue, _, _ in found_in(text))


def test_quotation_signed_with_a_dash() -> None:
    text = "Readers wrote to us.\n\n“The rent is too high. We cannot stay.”\u00a0― Ada Moss\n"
    sentences = spans_of(
        text, "Readers wrote to us.", "“The rent is too high.", "We cannot stay.”\u00a0― Ada Moss"
    )
    result = find_attributions(text, sentences, OUTLET)
    signed = [a for a in result.attributions if a.cue and text[a.cue.start : a.cue.end] == "―"]
    assert len(signed) == 1
    assert written(text, signed[0].source) == "Ada Moss"
    assert [written(text, c) for c in signed[0].content] == [
        "“The rent is too high. We cannot stay.”"
    ]
    assert speaker(list(result.chains[1])).mention == "Ada Moss"


def test_transcript_turn_speaks_the_whole_paragraph() -> None:
    text = "HOST: Welcome back to the show. What went wrong?\n\nMOSS: The budget ran out early."
    sentences = spans_of(
        text,
        "HOST: Welcome back to the show.",
        "What went wrong?",
        "MOSS: The budget ran out early.",
    )
    result = find_attributions(text, sentences, OUTLET)
    turns = [
        (written(text, a.source), [written(text, c) for c in a.content])
        for a in result.attributions
    ]
    assert turns == [
        ("HOST", ["Welcome back to the show. What went wrong?"]),
        ("MOSS", ["The budget ran out early."]),
    ]
    assert speaker(list(result.chains[1])).mention == "HOST"
    assert speaker(list(result.chains[2])).mention == "MOSS"


def test_seeming_verb_takes_the_whole_clause_without_a_source() -> None:
    text = "The mayor seemed to suggest that the bridge would close."
    found = found_in(text)
    assert found == [("seemed", None, ["The mayor", "to suggest that the bridge would close"])]
    # An impression is no report: the publisher, not the mayor, speaks the sentence.
    assert chain_of(text)[0].role is Role.PUBLISHER
    assert found_in("The band appeared on television on Friday night.") == []


def test_straight_opening_quote_closed_by_a_curly_one() -> None:
    text = '"The roads are safe again,” the engineer said.'
    assert found_in(text) == [("said", "the engineer", ['"The roads are safe again,”'])]


def test_that_late_in_the_clause_does_not_open_the_content() -> None:
    text = "Despite the protests, Ada Moss says it is hard to blame the council for that."
    assert ("says", "Ada Moss", ["it is hard to blame the council for that"]) in found_in(text)


def test_clause_after_a_time_or_place_adverbial() -> None:
    text = "The Harbour Board said in a statement Thursday it would reopen the port."
    assert found_in(text) == [("said", "The Harbour Board", ["it would reopen the port"])]


def test_second_report_of_the_same_source_ends_the_first_content() -> None:
    text = "Ada Moss admitted that the plan failed but noted that prices fell."
    found = found_in(text)
    assert ("admitted", "Ada Moss", ["the plan failed"]) in found
    assert ("noted", "Ada Moss", ["prices fell"]) in found


def test_base_form_after_a_plural_subject_is_a_verb() -> None:
    text = "New surveys show the mayor leading in every district."
    assert found_in(text) == [("show", "New surveys", ["the mayor leading in every district"])]
    # Still a noun after a determiner.
    assert found_in("The show ran for years on the island.") == []


def test_according_to_between_subject_and_verb() -> None:
    text = "The main reason, according to two aides, is that the budget ran out."
    assert found_in(text) == [
        ("according to", "two aides", ["The main reason", "is that the budget ran out"])
    ]


def test_question_after_asked_is_the_content() -> None:
    text = "When asked by a reporter whether the tax would rise, the mayor said no."
    found = found_in(text)
    assert ("asked", "a reporter", ["whether the tax would rise"]) in found
    assert ("said", "the mayor", ["no"]) in found
    text = "The senator asked whether the agency had kept the records."
    assert found_in(text) == [("asked", "The senator", ["whether the agency had kept the records"])]


def test_finding_verbs_before_a_pronoun_clause_or_after_a_study() -> None:
    text = "The audit found the agency had lost the files."
    assert found_in(text) == [("found", "The audit", ["the agency had lost the files"])]
    text = "The inspectors found it was part of an older problem."
    assert found_in(text) == [("found", "The inspectors", ["it was part of an older problem"])]
    # A perception verb before an object pronoun is no report.
    assert found_in("The crowd saw it coming from the north.") == []


def test_speech_verb_closing_a_quotation() -> None:
    text = "“We will win this state,” the senator continued. “Nobody can stop us.”"
    cue, source, content = found_in(text)[0]
    assert (cue, source) == ("continued", "the senator")
    assert content[0] == "“We will win this state,”"


def test_citing_after_a_report_is_an_attribution_of_the_subject() -> None:
    text = "The mayor proposed a curfew on Monday, citing fears of unrest."
    assert ("citing", "The mayor", ["fears of unrest"]) in found_in(text)
    # Inside the subject, "citing" still only names whom the agency cites.
    text = "The agency, citing security sources, clarifies that the border is closed."
    assert [cue for cue, _, _ in found_in(text)] == ["clarifies"]


def test_cue_inside_an_earlier_content_is_not_listed_on_its_own() -> None:
    text = "The senator said he wants to see the bill pass this year."
    assert [cue for cue, _, _ in found_in(text)] == ["said"]
    assert speaker(chain_of(text)).mention == "The senator"


def test_abstract_noun_phrase_is_no_speaker() -> None:
    text = "This decision underscores a shift in the city's policy."
    assert chain_of(text)[0].role is Role.PUBLISHER
    text = "The readiness to negotiate highlights the council's weak position."
    assert chain_of(text)[0].role is Role.PUBLISHER
    # People and bodies still speak.
    assert speaker(chain_of("The ministry stressed that the border is open.")).mention
    text = "The spokesman stressed that the border is open."
    assert speaker(chain_of(text)).mention == "The spokesman"


def test_passive_with_its_agent() -> None:
    text = "The tax plan was criticized by two senators on Monday."
    assert found_in(text) == [("was criticized", "two senators", ["The tax plan"])]
    # What the agent did to the subject is the writer's report, not the agent's words.
    assert chain_of(text)[0].role is Role.PUBLISHER


def test_referring_to_after_a_comma_takes_the_subject() -> None:
    text = "The senator mocked the plan, referring to its cost as a scandal."
    assert ("referring to", "The senator", ["its cost as a scandal"]) in found_in(text)


def test_colon_then_a_block_of_text_is_the_content() -> None:
    text = "In a speech, the mayor said:\n\nThe budget is gone. The parks will close."
    sentences = spans_of(text, "In a speech, the mayor said:", "The budget is gone.", "The parks")
    sentences[-1] = Span(start=sentences[-1].start, end=len(text))
    result = find_attributions(text, sentences, OUTLET)
    said = result.attributions[0]
    assert [written(text, c) for c in said.content] == ["The budget is gone. The parks will close."]
    assert speaker(list(result.chains[2])).mention == "the mayor"


# --- source spans ------------------------------------------------------------------------


def sources_of(text: str) -> dict[str, str | None]:
    return {cue: source for cue, source, _ in found_in(text)}


def test_pronoun_right_before_the_verb_is_the_whole_source() -> None:
    text = "The firm offered a deal, a decision they say saved the port."
    assert sources_of(text)["say"] == "they"


def test_and_between_two_names_stays_inside_the_source() -> None:
    text = "A report by the Institute for Roads and Bridges found that the tolls are too high."
    assert sources_of(text)["found"] == "A report by the Institute for Roads and Bridges"


def test_phrase_between_dashes_is_not_the_source() -> None:
    text = (
        "Ada Moss - speaking after a long meeting with the board - declared that the firm is safe."
    )
    assert sources_of(text)["declared"] == "Ada Moss"


def test_time_phrase_before_the_subject_or_the_verb_is_not_the_source() -> None:
    assert sources_of("Last week Ada Moss said the firm is safe.")["said"] == "Ada Moss"
    text = "Ada Moss, who runs the port, last year proposed a new toll for lorries."
    assert sources_of(text)["proposed"] == "Ada Moss, who runs the port"
    text = "An earlier report in a local paper said that the port had closed."
    assert sources_of(text)["said"] == "An earlier report"


def test_focus_adverb_before_the_verb_is_not_the_source() -> None:
    text = "Only three members of the board, of nine in all, even expressed doubts about the deal."
    assert sources_of(text)["expressed"] == "Only three members of the board, of nine in all"


def test_opening_adverbials_and_datelines_before_the_sentence_subject() -> None:
    text = "At a town hall in Ames, Iowa, on Sunday, Ada Moss defended the plan, saying it works."
    assert sources_of(text)["saying"] == "Ada Moss"
    text = "A few days later, Ada Moss reversed herself, telling reporters the plan is dead."
    assert sources_of(text)["telling"] == "Ada Moss"
    text = "LISBON — Ada Moss on Friday defended the plan and said it would pass."
    assert sources_of(text)["said"] == "Ada Moss"


def test_apposition_after_the_sentence_subject_belongs_to_it() -> None:
    text = "Ada Moss, the port's director, defended the plan, saying it works."
    assert sources_of(text)["saying"] == "Ada Moss, the port's director"
    # The speaker's name is still split from the role for the chain.
    who = speaker(chain_of(text))
    assert who.mention == "Ada Moss" and who.speaker_role == "the port's director"


def test_subject_starts_after_what_or_whom() -> None:
    assert sources_of("The budget was what the mayor called a giveaway.")["called"] == "the mayor"


def test_participle_or_adverb_phrase_after_a_name_is_not_an_apposition() -> None:
    text = "Ada Moss, angered by the vote, said the council had lied."
    assert sources_of(text)["said"] == "Ada Moss"
    text = "Ada Moss, without naming him, accused the mayor of lying."
    assert sources_of(text)["accused"] == "Ada Moss"
    text = '"The council lied," said Ada Moss, angered by the vote.'
    assert sources_of(text)["said"] == "Ada Moss"


def test_proportion_in_ten_stays_in_the_subject() -> None:
    assert sources_of("Six in 10 voters said the council had lied.")["said"] == "Six in 10 voters"


def test_modifier_word_opening_a_longer_subject() -> None:
    text = "Republican state senator Ada Moss defended the plan, saying it works."
    assert sources_of(text)["saying"] == "Republican state senator Ada Moss"
    text = "One aide inside the campaign confirmed the plan, saying it works."
    assert sources_of(text)["saying"] == "One aide inside the campaign"


def test_title_and_hometown_after_a_name_written_after_the_verb() -> None:
    text = '"The port is safe," said Ada Moss, managing director of the port authority.'
    assert sources_of(text)["said"] == "Ada Moss, managing director of the port authority"
    text = '"The port is safe," said Ada Moss, 32, of Leeds, a nurse at the clinic.'
    assert sources_of(text)["said"] == "Ada Moss, 32, of Leeds, a nurse at the clinic"
    text = "Jane Doe, 58, who lives near the river, says the bridge is unsafe."
    assert sources_of(text)["says"] == "Jane Doe, 58, who lives near the river"


def test_participle_after_a_written_thing_takes_the_sentence_subject() -> None:
    text = "Ada Moss started a petition calling on the council to resign."
    assert sources_of(text)["calling on"] == "Ada Moss"


def test_agentless_passive_has_no_source() -> None:
    text = "The plan was widely criticized as reckless."
    assert sources_of(text) == {"criticized": None}
    assert chain_of(text)[0].role is Role.PUBLISHER
    # With its agent, the agent speaks.
    assert sources_of("The plan was criticized by two senators.") == {
        "was criticized": "two senators"
    }


def test_speech_verbs_and_phrasal_attacks() -> None:
    text = '"We will win," the crowd chanted.'
    assert sources_of(text)["chanted"] == "the crowd"
    text = "Ada Moss reminded voters that the council had lied."
    assert sources_of(text)["reminded"] == "Ada Moss"
    text = "Ada Moss railed against the new tax on bread."
    assert sources_of(text)["railed against"] == "Ada Moss"
    text = "The mayor took issue with the council's figures."
    assert sources_of(text)["took issue with"] == "The mayor"
    assert speaker(chain_of(text)).mention == "The mayor"
    # Nouns that look like these verbs are not cues.
    assert sources_of("Her answers to the council were short.") == {}


def test_concern_is_an_attitude_not_a_chain_speaker() -> None:
    text = "The mayor is concerned about the cost of the new bridge."
    assert sources_of(text)["is concerned about"] == "The mayor"
    assert chain_of(text)[0].role is Role.PUBLISHER


def test_a_poll_as_the_source() -> None:
    text = "In a Daily Courier poll released Monday, 40 percent of voters backed the tax."
    found = found_in(text)
    assert ("In", "a Daily Courier poll released Monday") in [(c, s) for c, s, _ in found]
    text = "The mayor held a small lead in the latest Harbor Institute survey."
    assert sources_of(text)["in"] == "the latest Harbor Institute survey"
    # `in the polls` alone is more often the race than a source; voting is not a poll.
    assert sources_of("The mayor has a small lead in the polls.") == {}
    assert sources_of("Voters in five states went to the polls on Tuesday.") == {}


def test_object_ends_before_a_closing_time_phrase_or_a_second_verb() -> None:
    found = {cue: content for cue, _, content in found_in("Ada Moss endorsed the mayor last week.")}
    assert found["endorsed"] == ["the mayor"]
    text = "The union praised the mayor on Tuesday, calling him a friend of workers."
    found = {cue: content for cue, _, content in found_in(text)}
    assert found["praised"] == ["the mayor"]
    text = "Ada Moss praised the plan and has since raised money for it."
    assert {c: x for c, _, x in found_in(text)}["praised"] == ["the plan"]
    # A time phrase in the middle of the object does not end it.
    text = "Ada Moss attacked the mayor on Tuesday over his handling of the floods."
    found = {cue: content for cue, _, content in found_in(text)}
    assert found["attacked"] == ["the mayor on Tuesday over his handling of the floods"]


def test_a_one_word_object_is_content() -> None:
    assert found_in("The mayor declined to comment.") == [("declined to", "The mayor", ["comment"])]
    found = {cue: content for cue, _, content in found_in("Ada Moss endorsed Smith last week.")}
    assert found["endorsed"] == ["Smith"]


def test_hopes_is_an_attitude_verb_but_not_in_hopes_of() -> None:
    text = "The mayor hopes the bridge will open in May."
    assert sources_of(text)["hopes"] == "The mayor"
    assert chain_of(text)[0].role is Role.PUBLISHER
    assert sources_of("She toured the port in hopes of winning votes.") == {}


def test_headline_colon_before_a_later_cue_and_a_campaign_as_speaker() -> None:
    text = "Ada Moss: Mayor Lied When He Said the Bridge Was Safe."
    assert found_in(text)[0][:2] == (":", "Ada Moss")
    # As with `X said the mayor lied when he said Y`, the nested speaker comes first.
    chain = chain_of(text)
    assert [link.mention for link in chain[:2]] == ["He", "Ada Moss"]
    assert chain[1].role is Role.INTERMEDIARY
    text = "Moss camp: the mayor's bridge plan is a disaster."
    assert sources_of(text)[":"] == "Moss camp"
    assert speaker(chain_of(text)).mention == "Moss camp"
    # Labels before a colon are not speakers.
    assert ":" not in sources_of("The Latest: Ada Moss says the bridge is unsafe.")
    # Nor are a fact-check's labels (the hostile fixture opens with `Claim: ... Rating: ...`).
    assert sources_of("Claim: the new bridge over the river is unsafe.") == {}
    assert sources_of("Rating: the claim about the bridge is false.") == {}


def test_a_capitalised_label_does_not_open_a_transcript_turn() -> None:
    text = "CLAIM: The bridge was closed for a year.\n\nEDITOR'S NOTE: The story was updated."
    sentences = spans_of(
        text, "CLAIM: The bridge was closed for a year.", "EDITOR'S NOTE: The story was updated."
    )
    result = find_attributions(text, sentences, OUTLET)
    assert result.attributions == ()
    assert all(link.role is not Role.SPEAKER for chain in result.chains for link in chain)


def test_quote_then_subject_with_apposition_then_told() -> None:
    text = "“The port is safe,” Ada Moss, 58, told the Courier on Monday."
    assert found_in(text) == [("told", "Ada Moss, 58", ["“The port is safe,”"])]
    text = "“We won,” Ada Moss, the mayor, told reporters before the vote."
    assert found_in(text)[0][2] == ["“We won,”"]
    # A new quotation or "that" after the verb is still its content.
    text = "“No,” Ada Moss, 58, told the Courier that the port is safe."
    assert found_in(text)[0][2] == ["the port is safe"]


def test_contracted_pronoun_after_a_time_word_and_a_semicolon_after_the_verb() -> None:
    text = "He says tonight he’s a step closer to the nomination."
    assert found_in(text) == [("says", "He", ["he’s a step closer to the nomination"])]
    text = "The port needs a new crane, dock workers say; in 2012, the old one broke."
    assert found_in(text) == [("say", "dock workers", ["The port needs a new crane"])]


def test_a_relative_clause_inside_the_content_does_not_end_it() -> None:
    text = "Aides say that the mayor, who must sign the order, has not decided."
    assert found_in(text)[0][2] == ["the mayor, who must sign the order, has not decided"]
    # Without a main verb after it, ", which" still ends an object.
    text = "Ada Moss criticized the plan, which the council passed."
    assert found_in(text)[0][2] == ["the plan"]


def test_would_like_and_would_vote_for_are_attitudes() -> None:
    text = "The mayor would like to open the bridge in May."
    assert sources_of(text)["would like"] == "The mayor"
    assert chain_of(text)[0].role is Role.PUBLISHER
    assert sources_of("Ada Moss would vote for the plan.")["would vote for"] == "Ada Moss"


def test_offered_is_an_attitude_object_verb() -> None:
    text = "The mayor offered an apology to the families."
    assert sources_of(text)["offered"] == "The mayor"
    assert chain_of(text)[0].role is Role.PUBLISHER


def test_cites_is_an_object_verb() -> None:
    assert sources_of("The mayor cites rising costs.")["cites"] == "The mayor"


def test_a_lone_connective_is_no_source() -> None:
    assert "thanking" not in sources_of("After thanking the crowd, the mayor left the stage.")
    assert sources_of("Why not just say: “The port is closed”?") == {}
