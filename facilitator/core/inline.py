"""markdown-it inline tokens -> model spans (text with bold/italic)."""

from __future__ import annotations

from markdown_it.token import Token

from facilitator.core.model import Inline, Span


def inline_spans(token: Token) -> Inline:
    """Spans of an `inline` token; links keep their text, code keeps its characters."""
    spans: list[Span] = []
    bold = italic = False
    for child in token.children or []:
        match child.type:
            case "strong_open":
                bold = True
            case "strong_close":
                bold = False
            case "em_open":
                italic = True
            case "em_close":
                italic = False
            case "text" | "code_inline":
                _append(spans, Span(child.content, bold, italic))
            case "softbreak":
                _append(spans, Span(" ", bold, italic))
            case "hardbreak":
                _append(spans, Span("\n", bold, italic))
    return tuple(spans)


def _append(spans: list[Span], span: Span) -> None:
    """Merge neighbours with the same emphasis so views get few, long runs."""
    if spans and (spans[-1].bold, spans[-1].italic) == (span.bold, span.italic):
        spans[-1] = Span(spans[-1].text + span.text, span.bold, span.italic)
    else:
        spans.append(span)
