"""Join poster: a big QR code, the URL to type and the room code, from the running server."""

from __future__ import annotations

from urllib.parse import urlsplit

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from facilitator.core.session import model
from facilitator.printing import theme
from facilitator.printing.context import PrintContext, canvas_pdf
from facilitator.printing.qr import draw_qr
from facilitator.printing.theme import PrintError, styles, text


def build_poster(session: model.Session, ctx: PrintContext, url: str, room_code: str = "") -> bytes:
    """`url` is what the QR opens (it may carry the join token); `room_code` is typed by
    people whose camera will not scan."""
    if not url.startswith(("http://", "https://")):
        raise PrintError(f"join URL must start with http:// or https://, got {url!r}")
    ctx.prepare()
    width, height = ctx.page_size
    # With a room code, people type the bare address and the code; the join token in the
    # QR link is long, and a typo in it only gives an error page.
    typed = urlsplit(url).netloc if room_code else url.rstrip("/")
    info = theme.DocInfo(f"{session.title}: join poster", ctx.author, session.language,
                         "Scan to answer the anonymous polls")

    def draw(canvas: Canvas) -> None:
        m = theme.MARGIN
        band = 52 * mm
        canvas.setFillColor(theme.NAVY)
        canvas.rect(0, height - band, width, band, stroke=0, fill=1)
        canvas.setFillColor(theme.ACCENT)
        canvas.rect(0, height - band, width, 2 * mm, stroke=0, fill=1)
        canvas.setFillColor(theme.WHITE)
        canvas.setFont(theme.BOLD, 40)
        canvas.drawCentredString(width / 2, height - 26 * mm, "Join the polls")
        title = Paragraph(text(session.title), styles()["subtitle"].clone(
            "poster_title", fontSize=16, leading=20, alignment=1))
        _, h = title.wrap(width - 2 * m, 30 * mm)
        title.drawOn(canvas, m, height - 40 * mm - h / 2)

        qr = min(width - 2 * m - 20 * mm, 140 * mm)
        qr_y = height - band - 12 * mm - qr
        draw_qr(canvas, url, (width - qr) / 2, qr_y, qr, theme.NAVY)
        canvas.setFillColor(theme.INK)
        canvas.setFont(theme.FONT, 14)
        canvas.drawCentredString(width / 2, qr_y - 10 * mm, "Scan with your phone camera, or type")
        canvas.setFillColor(theme.ACCENT_DARK)
        canvas.setFont(theme.BOLD, _fit(typed, width - 2 * m, 26))
        canvas.drawCentredString(width / 2, qr_y - 22 * mm, typed)
        if room_code:
            canvas.setFillColor(theme.INK)
            canvas.setFont(theme.FONT, 14)
            canvas.drawCentredString(width / 2, qr_y - 34 * mm, "and enter the room code")
            canvas.setFillColor(theme.NAVY)
            canvas.setFont(theme.BOLD, 40)
            canvas.drawCentredString(width / 2, qr_y - 50 * mm, room_code)
        canvas.setFillColor(theme.MUTED)
        canvas.setFont(theme.FONT, 11)
        canvas.drawCentredString(
            width / 2, m + 4 * mm,
            "Anonymous: no names, no logins, no IP addresses stored. Same Wi-Fi as the room.")
        canvas.showPage()

    return canvas_pdf(info, ctx.page_size, draw)


def _fit(value: str, width: float, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > 10 and stringWidth(value, theme.BOLD, size) > width:
        size -= 1
    return size
