"""Answer validation, groups, LAN choice, rate limit and the join secret."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.network import Interface, choose, interface_holding, url_host
from facilitator.core.polls.answers import AnswerError, answer_to_json, clean_text, parse_answer
from facilitator.core.polls.groups import assign_groups, group_count
from facilitator.core.polls.ratelimit import RateLimiter
from facilitator.core.polls.room import CODE_ALPHABET, Room
from tests import polls


@pytest.mark.parametrize(("poll", "raw", "expected"), [
    (polls.SINGLE, "o2", "o2"),
    (polls.MULTIPLE, ["o3", "o1"], ("o1", "o3")),
    (polls.SCALE, 5, 5),
    (polls.MATRIX, {"o2": 1, "o1": 4}, (("o1", 4), ("o2", 1))),
    (polls.YES_NO, "unsure", "unsure"),
    (polls.WORD, "  Running   ON\tempty ", "running on empty"),
    (polls.TEXT, "Line one\nline\u202etwo", "Line one linetwo"),
])
def test_valid_answers_normalise(poll: object, raw: object, expected: object) -> None:
    answer = parse_answer(poll, raw)  # type: ignore[arg-type]
    assert answer == expected
    assert parse_answer(poll, answer_to_json(answer)) == answer  # type: ignore[arg-type]


@pytest.mark.parametrize(("poll", "raw"), [
    (polls.SINGLE, None), (polls.SINGLE, ["o1"]), (polls.SINGLE, "O1"),
    (polls.MULTIPLE, []), (polls.MULTIPLE, ["o1", "o1"]), (polls.MULTIPLE, "o1"),
    (polls.SCALE, 0), (polls.SCALE, 2.5), (polls.SCALE, "3"), (polls.SCALE, False),
    (polls.MATRIX, {"o1": 1}), (polls.MATRIX, {"o1": 1, "o2": 2, "o3": 3}), (polls.MATRIX, [1]),
    (polls.WORD, ""), (polls.WORD, "a b c d"), (polls.WORD, "x" * 31), (polls.WORD, 3),
    (polls.TEXT, "\u200b\u200b"), (polls.TEXT, "é" * 281), (polls.TEXT, {"a": 1}),
    (polls.NO_PREFER, "prefer-not-to-say"),
])
def test_invalid_answers_have_a_message(poll: object, raw: object) -> None:
    with pytest.raises(AnswerError) as caught:
        parse_answer(poll, raw)  # type: ignore[arg-type]
    assert str(caught.value)


@given(st.text(max_size=400))
def test_clean_text_never_keeps_control_characters(raw: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert not any(ch in cleaned for ch in "\n\r\t\x00\u202e\u200b")


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=10))
def test_any_json_is_either_an_answer_or_an_answer_error(raw: object) -> None:
    for poll in polls.ALL:
        try:
            parse_answer(poll, raw)
        except AnswerError:
            pass


@pytest.mark.parametrize(("people", "size"), [(1, 4), (7, 4), (13, 4), (40, 5), (9, 2)])
def test_groups_are_balanced(people: int, size: int) -> None:
    keys = [f"k{i}" for i in range(people)]
    plan = assign_groups(keys, size, random.Random(7))
    assert plan.count == group_count(people, size)
    sizes = [list(plan.members.values()).count(g) for g in range(1, plan.count + 1)]
    assert max(sizes) - min(sizes) <= 1
    assert set(plan.members) == set(keys)


def test_group_count_rounds_half_up() -> None:
    assert [group_count(n, 4) for n in (0, 1, 5, 6, 10, 14)] == [0, 1, 1, 2, 3, 4]


def test_groups_are_random() -> None:
    keys = [f"k{i}" for i in range(12)]
    first = assign_groups(keys, 4, random.Random(1)).members
    second = assign_groups(keys, 4, random.Random(2)).members
    assert dict(first) != dict(second)
    assert assign_groups([], 4, random.Random(1)).count == 0


def test_default_route_is_the_interface_holding_the_source_address() -> None:
    interfaces = [Interface("eth0", "Ethernet", ("10.0.0.5",)),
                  Interface("wlp2s0", "Wi-Fi", ("fe80::1%wlp2s0", "192.168.1.23"))]
    assert interface_holding(interfaces, "192.168.1.23") == "wlp2s0"
    assert interface_holding(interfaces, "fe80::1") == "wlp2s0"
    assert interface_holding(interfaces, "172.16.0.1") is None
    assert interface_holding(interfaces, None) is None


def test_choose_drops_unreachable_and_orders() -> None:
    interfaces = [
        Interface("lo", "lo", ("127.0.0.1",), loopback=True),
        Interface("docker0", "docker0", ("172.17.0.1",)),
        Interface("veth12", "veth", ("172.18.0.1",)),
        Interface("eth1", "down", ("10.0.0.5",), up=False),
        Interface("eth0", "Ethernet", ("fe80::1%eth0", "169.254.3.3")),
        Interface("enx0", "Hotspot", ("fe80::2", "2001:db8::5", "10.42.0.1")),
        Interface("wlp2s0", "Wi-Fi", ("192.168.1.23",)),
    ]
    chosen = choose(interfaces, "wlp2s0")
    assert [i.name for i in chosen] == ["wlp2s0", "enx0"]
    assert chosen[1].address == "10.42.0.1"  # IPv4 first, link-local gone
    assert url_host("2001:db8::5") == "[2001:db8::5]"


def test_rate_limit_refills_with_the_injected_clock() -> None:
    now = [0.0]
    limiter = RateLimiter(rate=2.0, burst=2, clock=lambda: now[0], max_keys=3)
    assert [limiter.allow("a") for _ in range(3)] == [True, True, False]
    assert limiter.allow("b")
    now[0] = 0.5
    assert limiter.allow("a") and not limiter.allow("a")
    now[0] = 100.0
    for key in "cdef":
        assert limiter.allow(key)
    assert len(limiter._buckets) <= 3


def test_room_code_and_token() -> None:
    room = Room()
    assert len(room.code) == 5 and set(room.code) <= set(CODE_ALPHABET)
    assert len(room.token) >= 22
    assert room.token_matches(room.code.lower(), room.token)
    assert not room.token_matches(room.code, room.token[:-1] + "x")
    assert not room.token_matches("ZZZZZ", room.token) or room.code == "ZZZZZ"
    joined: list[str] = []
    room.on_join = joined.append
    key = room.join()
    assert room.knows(key) and joined == [key]
    assert Room().token != room.token


def test_groups_split_the_phones_connected_now() -> None:
    room = Room()
    here, gone = room.join(), room.join()
    others = [room.join() for _ in range(5)]
    for key in (here, *others):
        room.page_opened(key)
    room.page_opened(here)  # a second tab
    room.page_closed(here)
    room.page_opened(gone)
    room.page_closed(gone)
    assert set(room.connected()) == {here, *others}
    plan = room.make_groups(3, random.Random(3))
    assert set(plan.members) == {here, *others}
    assert plan.count == 2


def test_a_pseudonym_keeps_cookies_out_of_the_room() -> None:
    room = Room(pseudonym=lambda cookie: f"h({cookie})")
    cookie = room.join()
    assert room.device_for(cookie) == f"h({cookie})"
    assert not room.knows(cookie)
    assert room.device_for("made-up") is None
