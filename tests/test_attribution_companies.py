"""Definite descriptions of companies ("the firm", "the airline"): the one company the text
named lately, typed as one by the text itself. Made-up articles, each with a near case that
must stay as written."""

from __future__ import annotations

from claims.extract.attribution import attribute
from claims.extract.models import ChainLink, DocumentContext, Span

WIRE = DocumentContext(outlet="Wire")


def speakers(*sentences: str) -> list[str | None]:
    text = " ".join(sentences)
    spans, at = [], 0
    for sentence in sentences:
        start = text.index(sentence, at)
        spans.append(Span(start=start, end=start + len(sentence)))
        at = start + len(sentence)
    return [_speaker(chain) for chain in attribute(text, spans, WIRE)]


def _speaker(chain: list[ChainLink]) -> str | None:
    return chain[0].mention if chain and chain[0].role.value == "speaker" else None


def test_the_airline_is_the_airline_named_before() -> None:
    found = speakers(
        "Ruritanian airline Skyjet returned to profit in 2004.",
        "The airline said it would hire 200 pilots.",
        "It added that fares would stay low.",
    )
    assert found[1:] == ["Skyjet", "Skyjet"]


def test_the_firm_after_shares_in_a_company_and_its_short_name() -> None:
    found = speakers(
        "Shares in Dunmore Foods fell 5% after the firm warned that profits would fall.",
        "Dunmore also said that it would close two plants.",
        "Rain fell across the region on Monday.",
        "The company said sales would recover.",
    )
    assert found == ["Dunmore Foods", "Dunmore Foods", None, "Dunmore Foods"]


def test_the_firm_stays_as_written_with_two_companies_or_none_lately() -> None:
    two = speakers(
        "Dunmore Foods and Acme Corp reported losses on Monday.",
        "The company said sales would recover.",
    )
    assert two[1] == "The company"
    far = speakers(
        "Shares in Dunmore Foods fell on Monday.",
        "Rain fell on Tuesday.",
        "Snow fell on Wednesday.",
        "Hail fell on Thursday.",
        "Fog came on Friday.",
        "The company said sales would recover.",
    )
    assert far[-1] == "The company"


def test_a_description_of_another_body_is_not_the_company_named() -> None:
    central = speakers(
        "Shares in Dunmore Foods fell on Monday.",
        "The central bank said rates would stay at 4%.",
    )
    assert central[1] == "The central bank"
    own_name = speakers(
        "Shares in Dunmore Foods fell on Monday.",
        "The Falic group said it would buy the stores.",
    )
    assert own_name[1] == "The Falic group"
    abroad = speakers(
        "Giants such as India's Tata Motors attended the show.",
        "The US company said it had agreed a sale.",
    )
    assert abroad[1] == "The US company"
    # Near case: the country the description names is the company's.
    home = speakers(
        "Giants such as India's Tata Motors attended the show.",
        "The Indian company said it had agreed a sale.",
    )
    assert home[1] == "Tata Motors"


def test_a_spokeswoman_for_a_bank_is_no_company() -> None:
    found = speakers(
        "Bank of Ruritania said the tapes were lost in December.",
        "“We believe they were lost,” Ann Tower, a spokeswoman for the bank, told a magazine.",
        "But the bank said there was no sign of theft.",
    )
    assert found[1] == "Ann Tower"
    assert found[2] == "Bank of Ruritania"
    owned = speakers(
        "Skyjet Cargo, the company's freight business, made a strong contribution to profits.",
        "The company also said it would resume paying a dividend.",
    )
    assert owned[1] == "The company"
    # Near case: a country's possessive in the apposition places the bank, it owns nothing.
    placed = speakers(
        "Dunmore, the UK's third-biggest bank, posted record profits.",
        "The bank said it would hire 200 staff.",
    )
    assert placed[1] == "Dunmore"


def test_the_department_means_the_ministry_named_lately() -> None:
    found = speakers(
        "The Ruritanian Ministry of Defence announced new drills.",
        "The department said the drills were routine.",
    )
    assert found[1] == "Ruritanian Ministry of Defence"
    near = speakers("Rain fell on Tuesday.", "The department said the drills were routine.")
    assert near[1] == "The department"


def test_an_apposition_makes_a_company_only_when_a_trade_noun_heads_it() -> None:
    found = speakers(
        "Ivo Marek, a business adviser from Kiel, has put money into the theatre.",
        "“We need £75,000,” said Mr Marek.",
        "“Benefactors have shown interest,” he added.",
    )
    assert found[1:] == ["Ivo Marek", "Ivo Marek"]
    place = speakers(
        "Skyport runs two airports.",
        "At Dunmore, the company has written to homes near the runway.",
    )
    assert place[1] == "the company"
    # Near case: a trade noun heading an apposition that the text does not close.
    unclosed = speakers(
        "Backers, including Dunmore, the investment bank have said they will not back a bid.",
        "The bank said its terms were fair.",
    )
    assert unclosed[1] == "Dunmore"


def test_a_title_word_after_a_description_of_a_trade_opens_a_company_name() -> None:
    found = speakers(
        "US behemoth General Electric said it would cut 1,000 jobs.",
        "German defence firm General Dynamics said orders had doubled.",
        "The cuts were needed, he said.",
    )
    assert found == ["General Electric", "General Dynamics", "he"]
    # Near cases: a country's officer, or an army's, keeps the title as an office.
    officers = speakers(
        "Russian General Valery Gerasimov said the army had advanced.",
        "Ukrainian army General Petrenko said the lines held.",
    )
    assert officers == ["Valery Gerasimov", "Petrenko"]


def test_the_firm_after_a_subsidiary_is_the_subsidiary_named_or_stays_as_written() -> None:
    named = speakers(
        "Shares in Dunmore Foods rose.",
        "In Ruritania, Dunmore's subsidiary, Aqua Vell, has been fined.",
        "The firm said it would appeal.",
    )
    assert named[2] == "Aqua Vell"
    unnamed = speakers(
        "Shares in Dunmore Foods rose.",
        "In Ruritania, Dunmore's subsidiary, which has been fined, is under pressure.",
        "The firm said it would appeal.",
    )
    assert unnamed[2] == "The firm"
    # Near case: the owner named again after its subsidiary is what "the firm" means.
    again = speakers(
        "Shares in Dunmore Foods rose.",
        "In Ruritania, Dunmore's subsidiary was fined.",
        "Dunmore Foods later sold it.",
        "The firm said it would appeal.",
    )
    assert again[3] == "Dunmore Foods"
