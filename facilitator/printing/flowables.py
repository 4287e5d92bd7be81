"""Flowables shared by the printouts: slide blocks, the flow diagram, charts, support boxes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph, Spacer, Table

from facilitator.core.session import model
from facilitator.core.support.regions import SupportEntry, display_url
from facilitator.printing import theme
from facilitator.printing.theme import markup, styles, text


def bullets(items: Sequence[str], ordered: bool = False) -> Flowable:
    """A list of already-marked-up items with teal bullets (or numbers)."""
    style = styles()["bullet"]
    return ListFlowable(
        [ListItem(Paragraph(item, style), leftIndent=12) for item in items],
        bulletType="1" if ordered else "bullet",
        start=None if ordered else "•",
        bulletFontName=theme.BOLD if ordered else theme.FONT,
        bulletFontSize=style.fontSize,
        bulletColor=theme.ACCENT,
        leftIndent=12,
        bulletDedent=11,
        spaceBefore=0,
    )


def slide_blocks(blocks: Sequence[model.Block], width: float) -> list[Flowable]:
    """Paragraphs, lists and tables of a slide as flowables."""
    out: list[Flowable] = []
    for block in blocks:
        match block:
            case model.Paragraph(text=inline):
                out.append(Paragraph(markup(inline), styles()["body"]))
                out.append(Spacer(1, 2.5))
            case model.BulletList(items=items, ordered=ordered):
                out.append(bullets([markup(item) for item in items], ordered))
                out.append(Spacer(1, 2.5))
            case model.Table():
                out.append(comparison_table(block, width))
                out.append(Spacer(1, 4))
    return out


def comparison_table(table: model.Table, width: float) -> Table:
    """A pipe table with a navy header row, a bold label column and zebra rows."""
    st = styles()
    columns = len(table.header)
    label_width = min(32 * mm, width * 0.22) if columns >= 3 else width / 2
    rest = (width - label_width) / max(1, columns - 1)
    data = [[Paragraph(markup(cell), st["cell_head"]) for cell in table.header]]
    for row in table.rows:
        cells = [Paragraph(f"<b>{markup(row[0])}</b>", st["cell"])]
        cells += [Paragraph(markup(cell), st["cell"]) for cell in row[1:]]
        data.append(cells)
    result = Table(data, colWidths=[label_width] + [rest] * (columns - 1), repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), theme.NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, theme.RULE),
    ]
    for index in range(1, len(data)):
        if index % 2 == 0:
            commands.append(("BACKGROUND", (0, index), (-1, index), theme.NAVY_TINT))
    result.setStyle(theme.table_style(commands))
    return result


class FlowDiagram(Flowable):  # type: ignore[misc]
    """Ordered steps as rounded boxes joined by arrows, wrapping onto a second row if narrow."""

    BOX_HEIGHT = 15 * mm
    GAP = 6 * mm
    MIN_BOX = 27 * mm

    def __init__(self, steps: Sequence[str], font_size: float = theme.TABLE_PT) -> None:
        super().__init__()
        self.steps = list(steps)
        self.font_size = font_size
        self.rows: list[list[int]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        n = len(self.steps)
        per_row = n
        while per_row > 1 and (avail_width - (per_row - 1) * self.GAP) / per_row < self.MIN_BOX:
            per_row -= 1
        rows = -(-n // per_row)
        per_row = -(-n // rows)  # balance the rows: 7 steps read better as 4 + 3 than 5 + 2
        self.per_row = per_row
        self.box_width = (avail_width - (per_row - 1) * self.GAP) / per_row
        self.rows = [list(range(i, min(n, i + per_row))) for i in range(0, n, per_row)]
        self.width = avail_width
        self.height = len(self.rows) * self.BOX_HEIGHT + (len(self.rows) - 1) * self.GAP
        return self.width, self.height

    def _box_origin(self, index: int) -> tuple[float, float]:
        row, col = divmod(index, self.per_row)
        x = col * (self.box_width + self.GAP)
        y = self.height - (row + 1) * self.BOX_HEIGHT - row * self.GAP
        return x, y

    def draw(self) -> None:
        canvas = self.canv
        last = len(self.steps) - 1
        for index, step in enumerate(self.steps):
            x, y = self._box_origin(index)
            # The chain darkens towards its end: the last step is where it leads.
            fill = theme.NAVY if index == last else theme.TINT
            canvas.setFillColor(fill)
            canvas.setStrokeColor(theme.ACCENT)
            canvas.setLineWidth(0.8)
            canvas.roundRect(x, y, self.box_width, self.BOX_HEIGHT, 2.5 * mm, stroke=1, fill=1)
            canvas.setFillColor(theme.WHITE if index == last else theme.NAVY)
            lines = _wrap_words(step, theme.BOLD, self.font_size, self.box_width - 4 * mm)
            leading = self.font_size * 1.2
            top = y + self.BOX_HEIGHT / 2 + (len(lines) - 1) * leading / 2 - self.font_size * 0.35
            for number, line in enumerate(lines):
                canvas.setFont(theme.BOLD, self.font_size)
                canvas.drawCentredString(x + self.box_width / 2, top - number * leading, line)
            if index < last:
                self._arrow(index)

    def _arrow(self, index: int) -> None:
        canvas = self.canv
        canvas.setStrokeColor(theme.ACCENT)
        canvas.setFillColor(theme.ACCENT)
        canvas.setLineWidth(1.2)
        x, y = self._box_origin(index)
        nx, ny = self._box_origin(index + 1)
        mid = y + self.BOX_HEIGHT / 2
        if ny == y:  # same row: a short arrow across the gap
            start, end = x + self.box_width + 1, nx - 1
            canvas.line(start, mid, end - 2 * mm, mid)
            _arrow_head(canvas, end, mid, "right")
            return
        # Row break: down from this box, back to the left, down into the next box.
        cx, bottom = x + self.box_width / 2, y
        turn = y - self.GAP / 2
        tx = nx + self.box_width / 2
        canvas.line(cx, bottom - 1, cx, turn)
        canvas.line(cx, turn, tx, turn)
        canvas.line(tx, turn, tx, ny + self.BOX_HEIGHT + 2 * mm)
        _arrow_head(canvas, tx, ny + self.BOX_HEIGHT + 1, "down")


def _arrow_head(canvas: object, x: float, y: float, direction: str) -> None:
    size = 2.2 * mm
    path = canvas.beginPath()  # type: ignore[attr-defined]
    if direction == "right":
        path.moveTo(x, y)
        path.lineTo(x - size, y + size * 0.6)
        path.lineTo(x - size, y - size * 0.6)
    else:
        path.moveTo(x, y)
        path.lineTo(x - size * 0.6, y + size)
        path.lineTo(x + size * 0.6, y + size)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)  # type: ignore[attr-defined]


def _wrap_words(value: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in value.split():
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


class BarChart(Flowable):  # type: ignore[misc]
    """Horizontal bars with labels at the left and values at the bar ends (direct labels)."""

    ROW = 6.5 * mm

    def __init__(self, items: Sequence[tuple[str, float, str]], max_value: float | None = None,
                 colour: colors.Color = theme.ACCENT) -> None:
        super().__init__()
        self.items = list(items)  # (label, value for the bar, text printed after it)
        self.max_value = max_value or max((value for _, value, _ in self.items), default=1) or 1
        self.colour = colour
        # As wide as the longest label needs, within reason; longer ones are shortened.
        widest = max((stringWidth(label, theme.FONT, theme.TABLE_PT) for label, _, _ in self.items),
                     default=0)
        self.label_width = min(max(widest + 4 * mm, 25 * mm), 75 * mm)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self.items) * self.ROW
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        bar_space = self.width - self.label_width - 30 * mm
        for index, (label, value, shown) in enumerate(self.items):
            y = self.height - (index + 1) * self.ROW
            canvas.setFillColor(theme.INK)
            canvas.setFont(theme.FONT, theme.TABLE_PT)
            shown_label = label
            while stringWidth(shown_label, theme.FONT, theme.TABLE_PT) > self.label_width - 3 * mm:
                shown_label = shown_label[:-2] + "…"
            canvas.drawRightString(self.label_width - 2 * mm, y + 2 * mm, shown_label)
            length = bar_space * value / self.max_value if value > 0 else 0
            canvas.setFillColor(theme.NAVY_TINT)
            bar_y, bar_h = y + 1 * mm, self.ROW - 2 * mm
            canvas.rect(self.label_width, bar_y, bar_space, bar_h, stroke=0, fill=1)
            if length:
                canvas.setFillColor(self.colour)
                canvas.rect(self.label_width, bar_y, length, bar_h, stroke=0, fill=1)
            canvas.setFillColor(theme.NAVY)
            canvas.setFont(theme.BOLD, theme.TABLE_PT)
            canvas.drawString(self.label_width + bar_space + 2 * mm, y + 2 * mm, shown)


def short_url(url: str, limit: int = 32) -> str:
    """A URL to read on paper: the whole thing when short, else just the site."""
    shown = display_url(url)
    return shown if len(shown) <= limit else shown.split("/", 1)[0]


REACH_PADDING = 7 + 6  # the support table's left and right cell padding, points


def url_lines(url: str, size: float, width: float) -> str:
    """`url` as markup, broken after a "." or "/" where it is wider than `width`: left to
    the paragraph, it breaks inside a name ("counselling.northshire.example.e / du")."""
    if stringWidth(url, theme.FONT, size) <= width:
        return text(url)
    lines, line = [], ""
    for piece in re.findall(r"[^./]+[./]*|[./]+", url):
        if line and stringWidth(line + piece, theme.FONT, size) > width:
            lines.append(line)
            line = piece
        else:
            line += piece
    return "<br/>".join(text(part) for part in [*lines, line])


def support_table(entries: Sequence[SupportEntry], width: float, emergency: str = "") -> Table:
    """The support resources as a tinted box: name and who it is for, how to reach, hours."""
    st = styles()
    name_style = st["cell"].clone("support_name", fontName=theme.BOLD, textColor=theme.NAVY)
    reach_style = st["cell"].clone("support_reach", fontName=theme.BOLD,
                                   textColor=theme.ACCENT_DARK)
    rows = []
    size = theme.TABLE_PT
    for entry in entries:
        who = (f"<br/><font size={size} color='#4B5563'>{text(entry.audience)}</font>"
               if entry.audience else "")
        reach = text(keep_together(entry.contact_line))
        if entry.web and display_url(entry.web) != entry.contact_line:
            site = url_lines(short_url(entry.web), size, width * 0.32 - REACH_PADDING)
            reach += f"<br/><font name='{theme.FONT}' size={size}>{site}</font>"
        # Hours and note on lines of their own: run together they read as one sentence.
        details = "<br/>".join(text(bit) for bit in (entry.hours, entry.note) if bit)
        rows.append([
            Paragraph(text(entry.name) + who, name_style),
            Paragraph(reach, reach_style),
            Paragraph(details, st["small"]),
        ])
    if emergency:
        rows.append([Paragraph(text(emergency), name_style), "", ""])
    table = Table(rows, colWidths=[width * 0.33, width * 0.32, width * 0.35])
    style: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), theme.TINT),
        ("LINEBEFORE", (0, 0), (0, -1), 3, theme.ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, theme.WHITE),
    ]
    if emergency:
        style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
    table.setStyle(theme.table_style(style))
    return table


def keep_together(line: str) -> str:
    """No line break inside a phone number or a text code: "0330 123 1245", "+44 (0)20" and
    "Text SHOUT to 85258" each stay on one line (no-break spaces)."""
    line = re.sub(r"(?<=[\d)]) (?=[\d(])", "\u00a0", line)  # "+44 (0)20 3447 9000" too
    return re.sub(r"\b(Text|text) (\S+) to (?=[\d+])", "\\1\u00a0\\2\u00a0to\u00a0", line)


def where_note(entry: SupportEntry) -> str:
    """"England only" for a service limited to part of its region, read from its audience;
    a card has no room for the audience line, and the limit is what matters on it."""
    for place in ("England", "Scotland", "Wales", "Northern Ireland", "Ontario", "Quebec"):
        if re.search(rf"\b{place}\b", entry.audience):
            return f"{place} only"
    return ""
