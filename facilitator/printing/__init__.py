"""Printouts (reportlab): handout, resource cards, facilitator guide, join poster, results.

Each `build_*` takes core values and a `PrintContext` and returns PDF bytes; nothing here
reads settings or finds files (the composition root, `facilitator.services.materials`, does).
"""

from facilitator.printing.cards import build_cards
from facilitator.printing.context import PrintContext, reflection_prompt
from facilitator.printing.evaluation_form import build_evaluation_form
from facilitator.printing.guide import build_guide
from facilitator.printing.handout import build_handout
from facilitator.printing.poster import build_poster
from facilitator.printing.report import build_report
from facilitator.printing.theme import PrintError

__all__ = [
    "PrintContext",
    "PrintError",
    "build_cards",
    "build_evaluation_form",
    "build_guide",
    "build_handout",
    "build_poster",
    "build_report",
    "reflection_prompt",
]
