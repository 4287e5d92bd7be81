"""Support resources: the shipped files parse, and links and labels read right."""

from __future__ import annotations

import pytest

from facilitator.core.support.regions import (
    REGION_CODES,
    SupportEntry,
    SupportError,
    display_url,
    local_entry,
    parse_region,
    parse_text_code,
)
from facilitator.services.assets import support_region


@pytest.mark.parametrize("code", REGION_CODES)
def test_every_shipped_region_parses_and_asks_for_local_services(code: str) -> None:
    region = support_region(code)
    assert region.code == code
    assert region.entries
    assert region.emergency
    assert "local" in region.add_local.lower()
    for entry in region.entries:
        assert entry.contact_line, entry.id
        assert entry.web.startswith("https://"), entry.id


def test_us_entries_match_the_facts() -> None:
    region = support_region("us")
    lifeline = region.entry("988")
    assert lifeline is not None
    assert lifeline.contact_line == "Call or text 988"
    assert lifeline.tel_uri == "tel:988"
    assert lifeline.sms_uri == "sms:988"
    crisis_text = region.entry("crisis-text-line")
    assert crisis_text is not None
    assert crisis_text.contact_line == "Text HOME to 741741"
    assert crisis_text.sms_uri == "sms:741741?body=HOME"
    assert crisis_text.tel_uri == ""
    physicians = region.entry("physician-support-line")
    assert physicians is not None
    assert physicians.tel_uri == "tel:18884090141"
    assert "not reportable to boards" in physicians.note
    assert "medical students" in physicians.audience
    assert region.emergency_line == "In an emergency call 911."


def test_uk_and_ireland_share_samaritans_with_their_own_text_lines() -> None:
    uk, ie = support_region("uk"), support_region("ie")
    assert uk.entry("samaritans") is not None and ie.entry("samaritans") is not None
    assert uk.entry("samaritans").phone == "116 123"  # type: ignore[union-attr]
    shout = uk.entry("shout")
    assert shout is not None and shout.contact_line == "Text SHOUT to 85258"
    text_line = ie.entry("text-50808")
    assert text_line is not None and text_line.contact_line == "Text 50808"


def test_canada_and_australia_lines() -> None:
    kids = support_region("ca").entry("kids-help-phone")
    assert kids is not None
    assert kids.contact_line == "Call 1-800-668-6868 or text CONNECT to 686868"
    lifeline = support_region("au").entry("lifeline")
    assert lifeline is not None
    assert lifeline.contact_line == "Call 13 11 14 or text 0477 13 11 14"
    assert lifeline.sms_uri == "sms:0477131114"
    assert support_region("au").emergency == "000"


def test_international_points_to_findahelpline() -> None:
    entry = support_region("intl").entries[0]
    assert entry.web == "https://findahelpline.com/"
    assert entry.contact_line == "findahelpline.com"


def test_unknown_region_is_a_clear_error() -> None:
    with pytest.raises(SupportError, match=r"unknown region 'fr'.*us, uk, ie, ca, au, intl"):
        support_region("fr")


def test_select_keeps_the_requested_order_and_skips_unknown_ids() -> None:
    region = support_region("us")
    chosen = region.select(("physician-support-line", "nope", "988"))
    assert [entry.id for entry in chosen] == ["physician-support-line", "988"]
    assert region.select(()) == region.entries


def test_local_entries_come_first_and_parse_text_codes() -> None:
    counselling = local_entry(
        "Student Counselling Service",
        phone="555 0100",
        text="Text TALK to 555 0199",
        web="counselling.example.edu",
        hours="Mon–Fri 9–5",
    )
    assert counselling.local
    assert counselling.id == "local-student-counselling-service"
    assert counselling.sms_keyword == "TALK" and counselling.sms_number == "555 0199"
    assert counselling.web == "https://counselling.example.edu"
    region = support_region("us").with_local((counselling,))
    assert region.entries[0] is counselling
    assert len(region.entries) == len(support_region("us").entries) + 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Text HOME to 741741", ("HOME", "741741")),
        ("home to 741741", ("HOME", "741741")),
        ("SHOUT 85258", ("SHOUT", "85258")),
        ("50808", ("", "50808")),
        ("text 0477 13 11 14", ("", "0477 13 11 14")),
        ("", ("", "")),
    ],
)
def test_parse_text_code(text: str, expected: tuple[str, str]) -> None:
    assert parse_text_code(text) == expected


def test_unreadable_text_code_and_nameless_local_entry_are_errors() -> None:
    with pytest.raises(SupportError, match="Text HOME to 741741"):
        parse_text_code("whenever you like")
    with pytest.raises(SupportError, match="needs a name"):
        local_entry("  ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code = 'x'\nname = 'X'\n[[entry]\n", "not valid TOML"),
        ("code = 'x'\nname = 'X'\n", "at least one"),
        ("name = 'X'\n[[entry]]\nid='a'\nname='A'\nphone='1'\n", "needs 'code'"),
        (
            "code='x'\nname='X'\ncolour='red'\n[[entry]]\nid='a'\nname='A'\nphone='1'\n",
            "unknown key.*colour",
        ),
        ("code='x'\nname='X'\n[[entry]]\nid='a'\nname='A'\n", "needs a phone"),
        (
            "code='x'\nname='X'\n[[entry]]\nid='a'\nname='A'\nphone=988\n",
            "'phone' must be a string",
        ),
        ("code='x'\nname='X'\n[[entry]]\nid='A B'\nname='A'\nphone='1'\n", "may use only"),
        ("code='x'\nname='X'\n[[entry]]\nid='a'\nname='A'\nweb='http://a.org'\n", "https://"),
        (
            "code='x'\nname='X'\n[[entry]]\nid='a'\nname='A'\nsms_keyword='HI'\nphone='1'\n",
            "sms_keyword without sms_number",
        ),
        (
            "code='x'\nname='X'\n[[entry]]\nid='a'\nname='A'\nphone='1'\n"
            "[[entry]]\nid='a'\nname='B'\nphone='2'\n",
            "duplicate entry id",
        ),
    ],
)
def test_broken_files_name_the_file_and_the_problem(text: str, message: str) -> None:
    with pytest.raises(SupportError, match=message) as caught:
        parse_region(text, "my.toml")
    assert str(caught.value).startswith("my.toml")


def test_summary_and_display_url() -> None:
    entry = SupportEntry(id="a", name="A line", phone="0800 1", hours="24/7")
    assert entry.summary == "A line · Call 0800 1 · 24/7"
    assert display_url("https://www.samaritans.org/") == "samaritans.org"
    assert SupportEntry(id="e", name="E", email="jo@x.org").contact_line == "Email jo@x.org"
