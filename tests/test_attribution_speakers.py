"""Speakers: the subject of the cue that governs the claim, never an expletive, a time phrase,
a clause or an event; citing; reports written after their content. Made-up sentences, each
with a near case that must keep its speaker."""

from __future__ import annotations

from claims.extract.attribution import attribute, find_attributions
from claims.extract.models import ChainLink, DocumentContext, Role, Span

WIRE = DocumentContext(outlet="Wire")


def chain_of(text: str) -> list[ChainLink]:
    return attribute(text, [Span(start=0, end=len(text))], WIRE)[0]


def names(chain: list[ChainLink]) -> list[tuple[str, str]]:
    return [(link.role.value, link.mention) for link in chain]


def test_expletive_there_is_no_speaker_and_the_denial_speaks() -> None:
    text = (
        "There have been reports that Ruritania will buy new radars, but its envoy, "
        "Anna Vell, has denied that possibility."
    )
    assert names(chain_of(text)) == [("speaker", "Anna Vell"), ("publisher", "Wire")]
    # Without the denial the outlet reports the rumour itself.
    alone = "There have been reports that Ruritania will buy new radars."
    assert names(chain_of(alone)) == [("publisher", "Wire")]
    # Near case: a named subject of "reports" still speaks.
    named = "The Daily Post reports that Ruritania will buy new radars."
    assert names(chain_of(named))[0] == ("speaker", "The Daily Post")


def test_a_time_phrase_before_the_subject_is_not_the_source() -> None:
    text = "Late last week the company said it would sell the unit."
    assert names(chain_of(text))[0] == ("speaker", "the company")
    near = "Last week the company said it would sell the unit."
    assert names(chain_of(near))[0] == ("speaker", "the company")


def test_quote_then_said_citing_evidence_keeps_the_speaker() -> None:
    text = (
        "“The strike destroyed two launchers,” Ivo Marek said, citing footage aired by the "
        "state channel Nova 24."
    )
    chain = chain_of(text)
    assert names(chain) == [("speaker", "Ivo Marek"), ("publisher", "Wire")]
    found = find_attributions(text, [Span(start=0, end=len(text))], WIRE).attributions
    cited = [a for a in found if a.cue and text[a.cue.start : a.cue.end] == "citing"]
    assert [text[c.start : c.end] for c in cited[0].content] == [
        "footage aired by the state channel Nova 24"
    ]
    assert cited[0].source is not None
    assert text[cited[0].source.start : cited[0].source.end] == "Ivo Marek"


def test_a_relay_citing_sources_still_names_them_as_the_speaker() -> None:
    text = "The agency, citing security sources, said that the base will close."
    assert names(chain_of(text)) == [
        ("speaker", "security sources"),
        ("intermediary", "The agency"),
        ("publisher", "Wire"),
    ]


def test_report_after_its_content_governs_an_object_verb_inside_it() -> None:
    text = "Northern forces attacked the fuel terminal overnight, the Defence Ministry said."
    assert names(chain_of(text)) == [("speaker", "the Defence Ministry"), ("publisher", "Wire")]
    found = find_attributions(text, [Span(start=0, end=len(text))], WIRE).attributions
    assert [text[c.start : c.end] for c in found[0].content] == [
        "Northern forces attacked the fuel terminal overnight"
    ]
    # Near case: with no report after it the object verb keeps its own subject.
    near = "Northern critics attacked the fuel plan on Monday."
    assert names(chain_of(near))[0] == ("speaker", "Northern critics")


def test_an_object_verb_nested_in_a_report_does_not_become_the_speaker() -> None:
    text = "The ministry said rebel units attacked the depot."
    assert names(chain_of(text))[0] == ("speaker", "The ministry")
    # Near case: a nested speech verb still makes its subject the speaker.
    near = "The ministry said that rebel commanders claimed the depot fell."
    assert names(chain_of(near))[:2] == [
        ("speaker", "rebel commanders"),
        ("intermediary", "The ministry"),
    ]


def test_a_speech_verb_with_a_short_noun_object() -> None:
    text = "The envoy denied the report."
    found = find_attributions(text, [Span(start=0, end=len(text))], WIRE).attributions
    assert [text[c.start : c.end] for c in found[0].content] == ["the report"]
    # Near case: a base form after "to ... and" is no report.
    near = "Aid helps the army to secure its borders and maintain internal order."
    assert not find_attributions(near, [Span(start=0, end=len(near))], WIRE).attributions


def test_events_clauses_and_gerunds_are_not_speakers() -> None:
    event = "The minister's visit to Oslo underscores the nation's commitment to peace."
    assert names(chain_of(event)) == [("publisher", "Wire")]
    clause = "The North Sea remains a region of tension, and both want a hand in maintaining calm."
    assert names(chain_of(clause)) == [("publisher", "Wire")]
    gerund = "The talks may cover trade and strategies for countering smuggling."
    assert names(chain_of(gerund)) == [("publisher", "Wire")]
    # Near case: a person's statement with the same verb keeps its speaker.
    near = "The minister underscores that the nation is committed to peace."
    assert names(chain_of(near))[0] == ("speaker", "The minister")


def test_as_reported_by_a_role_then_the_name_in_apposition() -> None:
    text = (
        "The government is studying the radar, as reported by the country's envoy to Norway, "
        "Karl Dunn Berg, back in 2019."
    )
    assert names(chain_of(text))[0] == ("speaker", "Karl Dunn Berg")
    near = "The government is studying the radar, as reported by the country's envoy to Norway."
    assert names(chain_of(near))[0] == ("speaker", "the country's envoy to Norway")


def test_an_unresolved_pronoun_stays_as_written() -> None:
    text = "“We are ready,” she said."
    chain = chain_of(text)
    assert chain[0].role is Role.SPEAKER and chain[0].mention == "she"


def test_a_clause_before_the_cue_gives_its_subject_not_the_whole_clause() -> None:
    # The cue's subject is the noun phrase right before it, not the clause it closes.
    text = "The growth figure was ahead of the 2.1% the ministry estimated a month ago."
    assert names(chain_of(text))[0] == ("speaker", "the ministry")
    text = "The fall came despite Corvane reporting that pre-tax profits rose 9%."
    assert names(chain_of(text))[0] == ("speaker", "Corvane")
    # Before an infinitive, the subject is the main clause's.
    text = "The union was keen to point out that the new levy would hurt small ports."
    assert names(chain_of(text))[0] == ("speaker", "The union")
    # Adverbs between the auxiliary and the cue are not a subject.
    text = "Local farmers have long complained that the canal floods their fields."
    assert names(chain_of(text))[0] == ("speaker", "Local farmers")
    text = "Port workers have in the past said that the cranes were unsafe."
    assert names(chain_of(text))[0] == ("speaker", "Port workers")
    # Near cases: a verb inside a relative clause stays in the subject; a progressive is
    # not an absolute participle (`of` does not hand the cue to its object).
    text = "The man who was arrested said that he had never seen the ship."
    assert names(chain_of(text))[0] == ("speaker", "The man who was arrested")
    text = "Early results of a survey of Lakeside voters are showing that the mayor leads."
    assert names(chain_of(text))[0] == ("speaker", "Early results of a survey of Lakeside voters")


def test_a_titled_person_of_an_employer_is_the_person() -> None:
    text = (
        "Freight rates will fall again next year, said shipping analyst Tom Hale of Corvane Bank."
    )
    chain = chain_of(text)
    assert (chain[0].mention, chain[0].speaker_role) == (
        "Tom Hale",
        "shipping analyst of Corvane Bank",
    )
    text = "Shipping analyst Tom Hale of Corvane Bank said freight rates would fall."
    assert chain_of(text)[0].mention == "Tom Hale"
    # Near case: an organisation's name with its acronym is not a title and a surname.
    text = "Average rents rose by 3%, the Office for Housing Statistics (OHS) added."
    chain = chain_of(text)
    assert (chain[0].mention, chain[0].speaker_role) == (
        "the Office for Housing Statistics (OHS)",
        None,
    )


def test_an_opening_adverbial_is_not_part_of_the_speaker() -> None:
    text = (
        "In Oslo on Monday ahead of the summit, Ruritania's trade minister, lashed out at tariffs."
    )
    assert names(chain_of(text))[0] == ("speaker", "Ruritania's trade minister")
    # Near case: a place of origin after a name stays out of the opener rule.
    text = "Ada Moss of Lakeside, Ohio, said the plant should stay open."
    assert names(chain_of(text))[0][1].startswith("Ada Moss")


def test_a_change_in_a_figure_is_not_a_speaker() -> None:
    text = "A fall in claimants pushed the jobless rate to its lowest level in years."
    assert names(chain_of(text)) == [("publisher", "Wire")]
    near = "The union pushed the plan to cut working hours."
    assert names(chain_of(near))[0] == ("speaker", "The union")


def test_a_person_at_or_of_a_body_is_the_person() -> None:
    text = "“Hiring will slow,” said Ada Moss at Corvane Bank."
    chain = chain_of(text)
    assert (chain[0].mention, chain[0].affiliation) == ("Ada Moss", "Corvane Bank")
    # Near case: a body's own name with "of" stays whole.
    text = "“Rates will rise,” said the Royal Bank of Ruritania."
    assert chain_of(text)[0].mention == "the Royal Bank of Ruritania"


def test_the_name_after_an_opening_adverbial_is_the_speaker() -> None:
    text = "During the hearing on Monday Ada Moss denied that the port was unsafe."
    assert names(chain_of(text))[0] == ("speaker", "Ada Moss")
    # Near cases: a quantity opening the subject, and an object of "to".
    text = "At least half of Lakeside voters say that the port should stay open."
    assert names(chain_of(text))[0] == ("speaker", "At least half of Lakeside voters")
    text = "The mayor wrote in a letter to Corvane explaining that the port would close."
    assert names(chain_of(text))[0] != ("speaker", "Corvane")


def test_a_number_with_thousands_separators_stays_inside_the_speaker() -> None:
    text = "Two-time Olympic 10,000 metres champion Ada Moss has confirmed she will run in May."
    chain = chain_of(text)
    assert (chain[0].mention, chain[0].speaker_role) == (
        "Ada Moss",
        "Two-time Olympic 10,000 metres champion",
    )


def test_a_line_up_label_is_not_a_speaker() -> None:
    text = "Subs: Moss, Hale, Vell, Markan, Corr, Tiller, Quint."
    assert names(chain_of(text)) == [("publisher", "Wire")]


def test_saying_after_an_object_that_cannot_speak_is_the_subjects() -> None:
    text = "Ferry operators have attacked the new levy saying it will raise fares."
    assert names(chain_of(text)) == [("speaker", "Ferry operators"), ("publisher", "Wire")]
    found = find_attributions(text, [Span(start=0, end=len(text))], WIRE).attributions
    saying = [a for a in found if a.cue and text[a.cue.start : a.cue.end] == "saying"]
    assert saying[0].source is not None
    assert text[saying[0].source.start : saying[0].source.end] == "Ferry operators"
    # Near case: an object that can speak keeps its own words.
    near = "The paper quoted a spokesman saying the levy will stay."
    assert names(chain_of(near))[0] != ("speaker", "The paper")


def test_an_audience_after_told_is_no_intermediary_and_an_outlet_relays() -> None:
    for audience in ("Ruritanian investors", "a conference in Lisbon", "MPs", "Governor Hale"):
        text = f"The chief executive, Ana Vell, told {audience} that sales would rise."
        assert names(chain_of(text)) == [("speaker", "Ana Vell"), ("publisher", "Wire")], text
    # Near cases: an outlet that publishes what it hears is the relay.
    for outlet in ("the Daily Post", "Nova Radio", "the Lakeside Herald"):
        text = f"The chief executive, Ana Vell, told {outlet} that sales would rise."
        chain = names(chain_of(text))
        assert chain[0] == ("speaker", "Ana Vell") and chain[1][0] == "intermediary", text


def test_a_surname_spelt_like_a_modal_stays_part_of_the_name() -> None:
    text = "Party spokeswoman Ada May said the plan was costed."
    assert names(chain_of(text))[0] == ("speaker", "Ada May")
    assert names(chain_of("Ada May said so on Monday."))[0] == ("speaker", "Ada May")
    assert names(chain_of("Ivo Will said the plan was costed."))[0] == ("speaker", "Ivo Will")
    # Near cases: a real modal after a name, and a month after a preposition.
    modal = "Ada may say the plan was costed."
    assert names(chain_of(modal))[0] == ("speaker", "Ada")
    month = "In May, the council said the plan was costed."
    assert names(chain_of(month))[0] == ("speaker", "the council")


def test_a_compound_noun_opened_by_a_cue_word_is_no_cue() -> None:
    text = "The Oslo-based economics think tank said growth would slow."
    assert names(chain_of(text))[0] == ("speaker", "The Oslo-based economics think tank")
    # Near case: "think" as a verb.
    assert names(chain_of("Analysts think growth will slow."))[0] == ("speaker", "Analysts")


def test_a_pronoun_right_after_the_outer_cue_is_its_subject() -> None:
    text = (
        "The Ruritanian bank said rates would hold. However, the Oslo-based think tank said "
        "it believed the economy could recover."
    )
    spans = [Span(start=0, end=41), Span(start=42, end=len(text))]
    chain = attribute(text, spans, WIRE)[1]
    # The think tank once, as the speaker: it does not relay its own belief.
    assert [link.mention for link in chain] == ["the Oslo-based think tank", "Wire"]
    # Near cases: a pronoun of another clause, and one that does not agree.
    near = "Ada Moss: Mayor Lied When He Said the Bridge Was Safe."
    assert chain_of(near)[0].mention == "He"
    person = "The ministry said he believed sales would rise."
    assert chain_of(person)[0].mention == "he"


def test_a_body_named_with_and_stays_whole_after_a_role() -> None:
    text = (
        "The chairman of the Police Guild of Norland and Sudland, which represents officers, "
        "said pay was too low."
    )
    assert names(chain_of(text))[0] == (
        "speaker",
        "The chairman of the Police Guild of Norland and Sudland",
    )
    # Near case: a title before a name still splits off as the role.
    titled = "Guild chairman Ivo Marek said pay was too low."
    assert names(chain_of(titled))[0] == ("speaker", "Ivo Marek")


def test_a_company_described_before_its_name_is_named_by_it() -> None:
    text = "UK advertising giant Skyfax has posted profits and predicted that sales will rise."
    assert names(chain_of(text))[0] == ("speaker", "Skyfax")
    raised = "Dutch brewer Hopsa raised its dividend and predicted that sales will rise."
    assert names(chain_of(raised))[0] == ("speaker", "Hopsa")
    # Near case: a person of a firm is the person.
    person = "“Demand is strong,” says Ada Moss of IT firm Skyfax Data."
    assert names(chain_of(person))[0][1].startswith("Ada Moss")


def test_a_question_put_to_the_speaker_gives_way_to_the_answer() -> None:
    text = "Asked if the plan would work, Anna Vell said it was too early to tell."
    assert names(chain_of(text)) == [("speaker", "Anna Vell"), ("publisher", "Wire")]
    # Near case: a question with no answer in its sentence stays the outlet's.
    alone = "Asked if the plan would work, the minister declined to comment."
    assert names(chain_of(alone))[0] != ("speaker", "the minister")


def test_a_source_familiar_with_a_meeting_says() -> None:
    text = "A person familiar with the meeting says the deal is close."
    assert names(chain_of(text)) == [
        ("speaker", "A person familiar with the meeting"),
        ("publisher", "Wire"),
    ]
    # Near case: after a past verb an -s form is still a plural noun.
    noun = "The group faced claims of fraud."
    assert names(chain_of(noun)) == [("publisher", "Wire")]


def test_a_statement_released_on_a_day_saying_is_its_issuer() -> None:
    for text in (
        "Dunmore Foods released a statement Wednesday saying it would close two plants.",
        "Dunmore Foods issued a statement on Wednesday saying it would close two plants.",
    ):
        assert names(chain_of(text)) == [("speaker", "Dunmore Foods"), ("publisher", "Wire")]


def test_a_role_before_a_personal_name_is_no_part_of_the_name() -> None:
    for text, name in (
        ("Dunmore boss Ann Vell said the team was tired.", "Ann Vell"),
        ("Reed's lawyer Jo Marsh said the charges were false.", "Jo Marsh"),
        ("Tory frontbencher Tom Reed MP said the budget had leaked.", "Tom Reed"),
    ):
        assert names(chain_of(text))[0] == ("speaker", name)
    # Near cases: an outlet with its article, and a role holding a preposition, stay whole.
    kept = "Chief Secretary to the Treasury Tom Reed said taxes would not rise."
    assert names(chain_of(kept))[0] == ("speaker", "Chief Secretary to the Treasury Tom Reed")
    outlet = "Ann Vell told the Daily Courier that taxes would rise."
    assert ("intermediary", "the Daily Courier") in names(chain_of(outlet))
