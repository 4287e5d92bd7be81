"""Read a user's text file (session or article) or say exactly why it cannot be read."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.session.diagnostics import Diagnostic


class TextFileError(Exception):
    """Carries the one message a user sees instead of a traceback."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


def read_text_file(path: str | Path, max_bytes: int = 2_000_000, kind: str = "text") -> str:
    """The file's text as UTF-8 (a BOM is dropped); raises TextFileError otherwise."""
    name = str(path)

    def fail(message: str, line: int = 1, col: int = 1) -> TextFileError:
        return TextFileError(Diagnostic(name, line, col, message))

    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise fail("no such file") from None
    except IsADirectoryError:
        raise fail(f"is a folder, not a {kind} file") from None
    except OSError as error:
        raise fail(f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise fail(f"file is {len(data):,} bytes; a {kind} file is at most {max_bytes:,} bytes")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("UTF-16 text; save the file as UTF-8 (most editors offer it under Save As)")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise fail(f"binary file, not a {kind} file", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise fail(
            f"not UTF-8 text (byte 0x{data[error.start]:02X}); save the file as UTF-8", line, col
        ) from None
