"""The shipped support files, re-checked entry by entry (issue 12, item 6)."""

from __future__ import annotations

import re

import pytest

from facilitator.core.support.regions import REGION_CODES, SupportError, parse_region
from facilitator.services.assets import support_region


@pytest.mark.parametrize("code", REGION_CODES)
def test_every_entry_says_when_it_was_last_checked(code: str) -> None:
    for entry in support_region(code).entries:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.checked), (code, entry.id)


def test_ireland_writes_to_the_irish_samaritans_address() -> None:
    samaritans = support_region("ie").entry("samaritans")
    assert samaritans is not None and samaritans.email == "jo@samaritans.ie"
    uk = support_region("uk").entry("samaritans")
    assert uk is not None and uk.email == "jo@samaritans.org"


def test_australia_lists_beyond_blue_beside_lifeline() -> None:
    region = support_region("au")
    beyond = region.entry("beyond-blue")
    assert region.entry("lifeline") is not None
    assert beyond is not None and (beyond.phone, beyond.hours) == ("1300 22 4636", "24/7")


def test_a_checked_field_that_is_not_a_date_is_refused_clearly() -> None:
    text = ('code = "xx"\nname = "X"\n[[entry]]\nid = "a"\nname = "A"\nphone = "1"\n'
            'checked = "last week"\n')
    with pytest.raises(SupportError, match=r'checked must be a date like "2026-12-02"'):
        parse_region(text, "x.toml")
    assert parse_region(text.replace("last week", "2026-12-02"), "x.toml").entries[0].checked
