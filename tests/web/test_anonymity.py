"""What a curious participant can learn from the phone server: no new devices past two per
address, no answer read off a published change, words only at the minimum, on-close polls."""

from __future__ import annotations

from typing import Any

import aiohttp

from facilitator.core.polls.headcount import set_headcount
from facilitator.web.app import COOKIE
from tests.web.conftest import Factory, Phone


async def fresh(phone: Phone) -> str:
    """A new device: join with no cookie, and keep the cookie out of the client's jar."""
    phone.client.session.cookie_jar.clear()
    cookie = await phone.join()
    phone.client.session.cookie_jar.clear()
    return cookie


async def state(phone: Phone, cookie: str) -> dict[str, Any]:
    response = await phone.client.get("/api/state", headers={"Cookie": f"{COOKIE}={cookie}"})
    assert response.status == 200
    body: dict[str, Any] = (await response.json())["state"]
    return body


async def vote(phone: Phone, cookie: str, poll: str, value: Any) -> None:
    response = await phone.client.post(
        "/api/answer", json={"poll": poll, "answer": value},
        headers={"Origin": phone.origin, "Cookie": f"{COOKIE}={cookie}"})
    assert response.status == 200, await response.text()


async def test_fresh_visits_past_two_get_no_new_device(phone_factory: Factory) -> None:
    phone = await phone_factory()
    path = f"/j/{phone.room.code}?t={phone.room.token}"
    statuses = []
    async with aiohttp.ClientSession(phone.origin,
                                     cookie_jar=aiohttp.DummyCookieJar()) as fresh:
        for _visit in range(20):  # every visit without a cookie: a private tab
            async with fresh.get(path, allow_redirects=False) as response:
                statuses.append(response.status)
                if response.status == 429:
                    assert "text/html" in response.headers["Content-Type"]
                    assert "two devices" in await response.text()
    assert statuses[:2] == [303, 303]
    assert statuses[4] == statuses[9] == statuses[19] == 429  # the 5th, 10th and 20th
    assert set(statuses[2:]) == {429}
    assert phone.room.device_count == 2
    # A phone that has joined keeps its device when it scans again.
    assert (await phone.client.get(path, allow_redirects=False)).status in (303, 429)


async def test_one_answer_after_the_threshold_cannot_be_read_off(phone_factory: Factory) -> None:
    phone = await phone_factory()
    phone.room.devices_per_address = 100  # test phones share 127.0.0.1
    phone.box.set_current("talked")  # yes-no, threshold 5 (so batches of 5), results live
    cookies = [await fresh(phone) for _ in range(11)]
    for cookie, pick in zip(cookies[:5], ("yes", "yes", "no", "unsure", "no"), strict=True):
        await vote(phone, cookie, "talked", pick)
    seen = await state(phone, cookies[-1])
    assert seen["results"]["tally"] is not None  # the first publication
    assert "version" not in seen
    picks = ("yes", "no", "prefer-not-to-say", "unsure")
    for cookie, pick in zip(cookies[5:9], picks, strict=True):
        await vote(phone, cookie, "talked", pick)
        # Whatever one person picked (declining included), the observer sees no change.
        assert await state(phone, cookies[-1]) == seen
    # The 5th new answer since the last publication publishes all five together.
    await vote(phone, cookies[9], "talked", "unsure")
    later = await state(phone, cookies[-1])
    bars = later["results"]["tally"]["bars"]
    assert later != seen
    assert all(round(bar["share"] * 20) == bar["share"] * 20 for bar in bars)  # 5 % steps
    assert all("count" not in bar for bar in bars)


async def test_words_reach_phones_only_at_the_minimum(phone_factory: Factory) -> None:
    phone = await phone_factory()
    phone.room.devices_per_address = 100
    phone.box.set_current("word")  # minimum 3
    cookies = [await fresh(phone) for _ in range(4)]
    for cookie, word in zip(cookies, ("tired", "tired", "tired", "dr okafor"), strict=True):
        await vote(phone, cookie, "word", word)
    phone.box.close("word")
    words = (await state(phone, cookies[0]))["results"]["tally"]["words"]
    assert words == ["tired"]


async def test_more_phones_than_people_raise_the_threshold(phone_factory: Factory) -> None:
    phone = await phone_factory()
    phone.room.devices_per_address = 100
    phone.box.set_current("talked")
    cookies = [await fresh(phone) for _ in range(6)]
    set_headcount(phone.room, phone.box, 4)  # 6 phones joined, 4 people counted
    for cookie in cookies[:5]:
        await vote(phone, cookie, "talked", "no")
    results = phone.box.results("talked")
    assert results.threshold == 5 + 2 and results.tally is None
    assert (await state(phone, cookies[0]))["results"]["tally"] is None
    set_headcount(phone.room, phone.box, None)
    assert phone.box.results("talked").tally is not None
