"""A real aiohttp app on 127.0.0.1 (pytest-aiohttp's test server) with every sample poll."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from facilitator.core.polls.ballot import BallotBox
from facilitator.core.polls.ratelimit import RateLimiter
from facilitator.core.polls.room import Room
from facilitator.services.assets import resource_path
from facilitator.web.app import COOKIE, create_app
from facilitator.web.live import LiveHub
from tests import polls


@dataclass
class Phone:
    client: TestClient[Any, Any]
    box: BallotBox
    room: Room
    clock: list[float]

    @property
    def origin(self) -> str:
        return f"http://{self.client.host}:{self.client.port}"

    async def join(self) -> str:
        response = await self.client.get(
            f"/j/{self.room.code}", params={"t": self.room.token}, allow_redirects=False)
        assert response.status == 303
        return response.cookies[COOKIE].value

    async def answer(self, poll: str, value: Any, **kwargs: Any) -> Any:
        headers = {"Origin": self.origin, **kwargs.pop("headers", {})}
        return await self.client.post("/api/answer", json={"poll": poll, "answer": value},
                                      headers=headers, **kwargs)


Factory = Callable[..., Awaitable[Phone]]


@pytest.fixture
def phone_factory(aiohttp_client: Any) -> Factory:
    async def make(limiter_rate: float = 50.0, burst: int = 50) -> Phone:
        box = BallotBox(polls.ALL)
        for poll in box.polls:
            box.open(poll.id)
        box.set_current("mood")
        room = Room()
        clock = [0.0]
        limiter = RateLimiter(limiter_rate, burst, clock=lambda: clock[0])
        join_failures = RateLimiter(0.5, 20, clock=lambda: clock[0])
        app = create_app(box, room, resource_path("web"), hub=LiveHub(box, room, 0.0),
                         limiter=limiter, join_failures=join_failures)
        client = await aiohttp_client(app)
        return Phone(client, box, room, clock)

    return make
