"""How good are `facilitator import`'s drafts on real articles? Per article and in total:
sections, activities (prompts), polls, charts, slides that fit at 1280x720 (the projector's
own renderer, offscreen), words on screen per slide, and whether `check` passes.

Run: python benchmarks/import_quality.py [FOLDER]   (default: benchmarks/articles)
Prints a Markdown table; not part of the test run. Drafts go to a temporary folder, or to
--keep FOLDER to read them.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from facilitator.cli.check_cmd import load_checked
from facilitator.core.importer.draft import ArticleError, import_to_file
from facilitator.core.session.model import SlideKind
from facilitator.ingest.article_file import SUFFIXES, read_article
from facilitator.qt.slides.export import fit_problems, gui_application
from facilitator.qt.style import theme_named
from facilitator.services.support_source import SupportSource

HERE = Path(__file__).resolve().parent


@dataclass
class Row:
    name: str
    language: str = "-"
    sections: int = 0
    activities: int = 0
    polls: int = 0
    charts: int = 0
    slides: int = 0
    fitting: int = 0
    words: float = 0.0
    check: str = "no"
    minutes: int = 0

    def cells(self) -> list[str]:
        return [self.name, self.language, str(self.sections), str(self.activities),
                str(self.polls), str(self.charts), f"{self.fitting}/{self.slides}",
                f"{self.words:.0f}", str(self.minutes), self.check]


def measure(article: Path, out: Path) -> Row:
    row = Row(article.name)
    try:
        import_to_file(article, out, None, "us", True, None, read_article)
    except ArticleError as error:
        row.check = f"import failed: {error}"
        return row
    checked = load_checked(out)
    session = checked.session
    if session is None:
        row.check = f"no ({len(checked.errors)} errors)"
        return row
    slides = session.slides
    row.language = session.language
    row.sections = len(session.sections)
    row.activities = len(session.prompts)
    row.polls = len(session.polls)
    row.charts = sum(1 for slide in slides if slide.kind is SlideKind.CHART)
    row.slides = len(slides)
    problems = fit_problems(session, 1280, 720, theme_named("dark"), SupportSource("us"))
    row.fitting = row.slides - len(problems)
    row.words = sum(len(slide.text.split()) for slide in slides) / max(1, row.slides)
    row.minutes = int(session.minutes)
    row.check = f"yes ({len(checked.warnings)} warnings)"
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(HERE / "articles"))
    parser.add_argument("--keep", metavar="FOLDER", help="write the drafts here")
    args = parser.parse_args()
    gui_application()
    articles = sorted(p for p in Path(args.folder).iterdir() if p.suffix.lower() in SUFFIXES
                      and p.is_file() and p.name not in ("SOURCES.md", "README.md"))
    with tempfile.TemporaryDirectory() as temp:
        drafts = Path(args.keep or temp)
        drafts.mkdir(parents=True, exist_ok=True)
        rows = [measure(a, drafts / f"{a.name}.session.md") for a in articles]
    header = ["article", "lang", "sections", "activities", "polls", "charts", "fit 1280x720",
              "words/slide", "minutes", "check passes"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")
    done = [row for row in rows if row.slides]
    total = Row("total", "-", sum(r.sections for r in done), sum(r.activities for r in done),
                sum(r.polls for r in done), sum(r.charts for r in done),
                sum(r.slides for r in done), sum(r.fitting for r in done),
                sum(r.words * r.slides for r in done) / max(1, sum(r.slides for r in done)),
                f"{sum(r.check.startswith('yes') for r in rows)}/{len(rows)}",
                sum(r.minutes for r in done))
    print("| " + " | ".join(f"**{cell}**" for cell in total.cells()) + " |")
    two = sum(1 for row in done if row.activities >= 2)
    print(f"\n{two} of {len(rows)} drafts have 2 or more activities.")


if __name__ == "__main__":
    main()
