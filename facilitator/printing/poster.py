"""Join poster: a big QR code, the URL to type and the room code, from the running server."""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from facilitator.core.session import model
from facilitator.printing import theme
from facilitator.printing.context import PrintContext, canvas_pdf
from facilitator.printing.qr import draw_qr
from facilitator.printing.theme import PrintError, styles, text


def build_poster(session: model.Session, ctx: PrintContext, url: str, room_code: str = "",
                 allow_local: bool = False) -> bytes:
    """`url` is what the QR opens (it may carry the join token); `room_code` is typed by
    people whose camera will not scan. A URL no phone in the room can open (this machine
    only, or a link-local address) is refused unless `allow_local` (tests)."""
    if not url.startswith(("http://", "https://")):
        raise PrintError(f"join URL must start with http:// or https://, got {url!r}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it checks the port (0-65535, digits only)
    except ValueError as error:
        raise PrintError(f"join URL {url!r} is not a valid address ({error})") from None
    if not parts.hostname:
        raise PrintError(f"join URL {url!r} has no host: use the address `facilitator "
                         "serve` prints")
    where = unreachable(url)
    if where and not allow_local:
        raise PrintError(
            f"join URL {url!r} points at {where}, which phones in the room cannot open: use "
            "the address `facilitator serve` prints for the room's network (or --allow-local "
            "to print it anyway, for a test)")
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

        # Below the code: the address, the room code and the anonymity line (about 70 mm
        # on Letter, the shorter paper); the QR takes what is left, up to 140 mm.
        below = (62 if room_code else 34) * mm + m + 12 * mm
        qr = min(width - 2 * m - 20 * mm, 140 * mm, height - band - 12 * mm - below)
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
            # A long code (typed on the command line) shrinks rather than run off the paper.
            canvas.setFont(theme.BOLD, _fit(room_code, width - 2 * m, 40))
            canvas.drawCentredString(width / 2, qr_y - 50 * mm, room_code)
        canvas.setFillColor(theme.MUTED)
        canvas.setFont(theme.FONT, 11)
        canvas.drawCentredString(
            width / 2, m + 4 * mm,
            "Anonymous: no names, no logins, no IP addresses stored. Same Wi-Fi as the room.")
        canvas.showPage()

    return canvas_pdf(info, ctx.page_size, draw)


def unreachable(url: str) -> str:
    """Why phones cannot reach `url`'s host ("" when they may): this machine itself, or a
    link-local address that only exists on one cable or when DHCP failed."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return f"{host} (this computer only)"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if not re.fullmatch(r"[0-9.]+", host):
            return ""  # a name: the facilitator's network may well resolve it
        try:  # browsers read "127.1" as 127.0.0.1, as inet_aton does
            address = ipaddress.ip_address(socket.inet_aton(host))
        except OSError:
            return ""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # "::ffff:127.0.0.1" is still this computer
    if address.is_loopback or address.is_unspecified:
        return f"{host} (this computer only)"
    if address.is_link_local:
        return f"{host} (a link-local address)"
    return ""


def _fit(value: str, width: float, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > 10 and stringWidth(value, theme.BOLD, size) > width:
        size -= 1
    return size
