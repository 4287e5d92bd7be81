"""How fast the presenter draws: ms per slide (paint only) and per PNG written.

Run: python benchmarks/render_speed.py [SESSION]. Prints one line per size. The projector
repaints a prompt slide every timer tick (200 ms), so painting must stay far below that.
"paint" is a slide's first paint into a new image (its text parsed and laid out);
"repaint" paints it again, as the projector does at a tick, a resize or a slide change
back (laid-out text is kept: qt/slides/text.py `document`).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QPainter

from facilitator.core.session.loader import load_session
from facilitator.qt.slides.render import SlideContext, paint_slide, render_image
from facilitator.qt.style import DARK
from facilitator.services import assets
from facilitator.services.support_source import SupportSource


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else assets.slide_file()
    session = load_session(path).session
    if session is None:
        print(f"cannot load {path}", file=sys.stderr)
        return 1
    ctx = SlideContext(session, DARK, SupportSource(session.region))
    with tempfile.TemporaryDirectory() as folder:
        for width, height in ((1280, 720), (1920, 1080)):
            paint, repaint, save = [], [], []
            for index, slide in enumerate(session.slides):
                start = time.perf_counter()
                image, _ = render_image(slide, ctx, width, height)
                paint.append((time.perf_counter() - start) * 1000)
                painter = QPainter(image)
                start = time.perf_counter()
                paint_slide(painter, width, height, slide, ctx)
                repaint.append((time.perf_counter() - start) * 1000)
                painter.end()
                start = time.perf_counter()
                image.save(str(Path(folder) / f"slide-{index:03d}.png"))
                save.append((time.perf_counter() - start) * 1000)
            print(f"{width}x{height}: {len(paint)} slides, "
                  f"paint median {statistics.median(paint):.1f} ms max {max(paint):.1f} ms; "
                  f"repaint median {statistics.median(repaint):.1f} ms "
                  f"max {max(repaint):.1f} ms; "
                  f"PNG write median {statistics.median(save):.1f} ms")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
