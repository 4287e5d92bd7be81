"""Fixtures for printout tests: the bundled session, a small session, print contexts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from pathlib import Path

import pytest

from facilitator.core.session.loader import load_session, parse_session
from facilitator.core.session.model import Session
from facilitator.core.support.regions import local_entry
from facilitator.printing import PrintContext
from facilitator.services import assets

SMALL = """---
title: Sleep and Shifts
subtitle: A short session on night work
region: uk
language: en-GB
---

# Nights (10 min)

## What nights do

- Sleep debt builds — quietly
- "I'm fine" → often not

```flow
- Night shift
- Short sleep
- Irritability
```

## Your turn

```prompt
text: What helps you recover after a run of nights?
format: pairs
duration: 3m
```

## Write it down

```prompt
text: What would a kinder rota look like for me?
format: solo
duration: 4m
```

## Help

```resources
```
"""


# The checkout's own copy of the bundled session: the installed package may point at
# another checkout (an editable install), whose session may differ from this one's.
BUNDLED = Path(__file__).resolve().parents[2] / "slides" / assets.BUNDLED_SESSION


@pytest.fixture(scope="session")
def session() -> Session:
    result = load_session(BUNDLED if BUNDLED.is_file() else assets.slide_file())
    assert result.ok, result.errors
    assert result.session is not None
    return result.session


@pytest.fixture(scope="session")
def small_session() -> Session:
    result = parse_session(SMALL, "small.md")
    assert result.ok, [str(e) for e in result.errors]
    assert result.session is not None
    return result.session


@pytest.fixture
def make_ctx() -> Callable[..., PrintContext]:
    def make(region: str = "us", paper: str = "a4", start: time | None = None,
             local: bool = False, **extra: str) -> PrintContext:
        chosen = assets.support_region(region)
        if local:
            chosen = chosen.with_local((local_entry(
                "Student Counselling Service", phone="555 0100",
                web="https://counselling.example.edu/", hours="Mon–Fri 9–5"),))
        return PrintContext(region=chosen, font_dir=assets.font_path("DejaVuSans.ttf").parent,
                            paper=paper, start=start, **extra)
    return make
