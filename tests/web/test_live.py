"""The live channel: phones hear state changes without reloading; no double count on reconnect."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import WSMsgType

from tests.web.conftest import Factory, Phone


async def next_state(socket: Any) -> dict[str, Any]:
    message = await socket.receive(timeout=5)
    assert message.type is WSMsgType.TEXT
    data: dict[str, Any] = json.loads(message.data)
    assert data["type"] == "state"
    return data


async def open_socket(phone: Phone) -> Any:
    return await phone.client.ws_connect("/ws", headers={"Origin": phone.origin})


async def test_phone_follows_the_facilitator(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    socket = await open_socket(phone)
    first = await next_state(socket)
    assert first["state"]["poll"]["id"] == "mood"
    assert first["state"]["room"] == phone.room.code
    phone.box.set_current("energy")
    moved = await next_state(socket)
    while moved["state"]["poll"]["id"] != "energy":
        moved = await next_state(socket)
    assert moved["state"]["poll"]["scale"] == {"min": 1, "max": 5, "low": "Empty", "high": "Full"}
    phone.box.close("energy")
    closed = await next_state(socket)
    assert closed["state"]["poll"]["open"] is False
    phone.box.set_current(None)
    idle = await next_state(socket)
    assert idle["state"]["poll"] is None
    await socket.close()


async def test_results_reach_phones_only_above_threshold(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    socket = await open_socket(phone)
    await next_state(socket)
    for key in ("x", "y"):
        phone.box.submit("mood", key, "o1")
    state = await next_state(socket)
    while state["state"]["results"]["waiting_for"] != 1:
        state = await next_state(socket)
    assert state["state"]["results"]["tally"] is None
    await phone.answer("mood", "o2")
    state = await next_state(socket)
    while state["state"]["results"]["waiting_for"] != 0:
        state = await next_state(socket)
    tally = state["state"]["results"]["tally"]
    # Shares to the nearest 5 %, never counts: 2 of 3 and 1 of 3.
    assert [bar["share"] for bar in tally["bars"]] == [0.65, 0.35, 0.0, 0.0]
    assert all(set(bar) == {"label", "share"} for bar in tally["bars"])
    assert state["you"]["answer"] == "o2"
    await socket.close()


async def test_reconnect_gets_same_vote_no_double_count(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    await phone.answer("mood", "o4")
    for _ in range(3):
        socket = await open_socket(phone)
        state = await next_state(socket)
        assert state["you"]["answer"] == "o4"
        await phone.answer("mood", "o4")  # the page resends after a reconnect
        await socket.close()
    assert phone.box.results("mood").responses == 1


async def test_groups_are_told_to_each_phone(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    socket = await open_socket(phone)
    await next_state(socket)
    phone.room.make_groups(3, among=(*phone.room.devices(), "p2", "p3", "p4", "p5", "p6"))
    phone.box.set_current("energy")  # any change triggers a publish
    state = await next_state(socket)
    while state["you"]["group"] is None:
        state = await next_state(socket)
    assert state["state"]["groups"] == 2
    assert state["you"]["group"] in (1, 2)
    await socket.close()


async def test_socket_needs_origin_and_cookie(phone_factory: Factory) -> None:
    phone = await phone_factory()
    no_cookie = await phone.client.get("/ws", headers={"Origin": phone.origin})
    assert no_cookie.status == 403
    await phone.join()
    cross = await phone.client.get("/ws", headers={"Origin": "http://evil.example"})
    assert cross.status == 403


async def test_one_device_cannot_hold_many_sockets(phone_factory: Factory) -> None:
    phone = await phone_factory()
    await phone.join()
    sockets = [await open_socket(phone) for _ in range(4)]
    for socket in sockets:
        await next_state(socket)
    refused = await phone.client.get("/ws", headers={"Origin": phone.origin})
    assert refused.status == 429
    await sockets[0].close()
    for _ in range(1000):  # let the server notice the close; bounded, no timing
        if phone.room.open_pages(phone.room.connected()[0]) == 3:
            break
        await asyncio.sleep(0)
    again = await open_socket(phone)
    await next_state(again)
    for socket in (*sockets[1:], again):
        await socket.close()
