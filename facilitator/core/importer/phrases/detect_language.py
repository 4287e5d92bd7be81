"""Which language an article is written in, with langdetect (pure Python, small profiles).

langdetect samples at random; a fixed seed makes the same article give the same answer.
"""

from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect

DetectorFactory.seed = 0
SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language ("en" when it cannot tell)."""
    try:
        code = detect(text[:SAMPLE_CHARS])
    except LangDetectException:
        return "en"
    return str(code).split("-")[0]
