"""Any text in: either a clear ArticleError or a session file the loader accepts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.importer.draft import ArticleError, import_article
from facilitator.core.session.loader import parse_session

WORDS = st.sampled_from(
    "you your we nurse burnout sleep rest ward team care shift the a of and is feel "
    "numb 35 50% suicide crisis line self-harm :   # ``` | - * { } .title “ ” ' \" … ? ! "
    "1. 2) step Step value % 4 to 6 prompt write notebook minutes 10 ten half an hour wanted die "
    "yourself".split(" ")
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=14).map(" ".join)
LINE = st.one_of(
    SENTENCE.map(lambda s: s.capitalize() + "."),
    SENTENCE.map(lambda s: s.title()),  # heading-like
    SENTENCE.map(lambda s: f"When you {s}, do you feel it?"),
    SENTENCE.map(lambda s: f"- {s}"),
    SENTENCE.map(lambda s: f"1. {s.title()}"),
    SENTENCE.map(lambda s: f"## {s}"),
    st.tuples(SENTENCE, st.integers(0, 100)).map(lambda t: f"| {t[0]} | {t[1]} |"),
    st.just("|---|---|"),
    st.tuples(SENTENCE, SENTENCE, SENTENCE).map(lambda t: f"| {t[0]} | {t[1]} | {t[2]} |"),
    st.just("| Step | Description |"),
    SENTENCE.map(lambda s: f"“{s}?”"),
    st.just(""),
    st.just("```"),
    st.just("---"),
)


# derandomize: CI must give the same answer on every run. To explore, raise max_examples
# and drop derandomize locally (a 4,000-case random run found the empty-heading bug).
@settings(
    max_examples=300, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(lines=st.lists(LINE, min_size=0, max_size=40), name=st.sampled_from(["a.txt", "a.md"]))
def test_any_text_gives_a_clear_error_or_a_valid_session(lines: list[str], name: str) -> None:
    text = "\n".join(lines)
    try:
        result = import_article(text, name, minutes=120)
    except ArticleError as error:
        assert str(error) and "\n" not in str(error)
        return
    loaded = parse_session(result.text, "fuzz.md")
    assert loaded.errors == [], (text, result.text, [str(e) for e in loaded.errors])
    assert loaded.session is not None
    assert sum(section.minutes for section in loaded.session.sections) == 120
