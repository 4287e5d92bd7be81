"""The session model: what a session file says, as immutable values.

Everything else (presenter, phone server, printouts, importer) reads these types, so they
hold data only. The loader (`core.session.loader`) builds them from a session file; nothing else
mutates them. Line numbers are kept so later checks can point at the source.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Span:
    """A run of inline text with its emphasis; views turn spans into their own markup."""

    text: str
    bold: bool = False
    italic: bool = False


Inline = tuple[Span, ...]


def plain(inline: Inline) -> str:
    """The text of an inline run without its emphasis."""
    return "".join(span.text for span in inline)


@dataclass(frozen=True)
class Paragraph:
    text: Inline
    line: int = 0


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inline, ...]
    ordered: bool = False
    line: int = 0


@dataclass(frozen=True)
class Table:
    """A pipe table; with three or more columns and a label column it reads as a comparison."""

    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    line: int = 0


Block = Paragraph | BulletList | Table


class GroupKind(StrEnum):
    SOLO = "solo"
    PAIRS = "pairs"
    GROUPS = "groups"
    ROOM = "room"


@dataclass(frozen=True)
class GroupFormat:
    """Who talks to whom during a prompt phase."""

    kind: GroupKind
    size: int = 0  # people per group; only meaningful for GROUPS

    @property
    def label(self) -> str:
        match self.kind:
            case GroupKind.SOLO:
                return "On your own"
            case GroupKind.PAIRS:
                return "Pairs"
            case GroupKind.GROUPS:
                return f"Groups of {self.size}" if self.size else "Small groups"
            case GroupKind.ROOM:
                return "Whole room"


@dataclass(frozen=True)
class Phase:
    seconds: int
    group: GroupFormat


@dataclass(frozen=True)
class Prompt:
    """A timed discussion prompt; one phase for plain prompts, several for 1-2-4-All."""

    text: str
    phases: tuple[Phase, ...]
    line: int = 0

    @property
    def seconds(self) -> int:
        return sum(phase.seconds for phase in self.phases)

    @property
    def multi_phase(self) -> bool:
        return len(self.phases) > 1


class PollType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    SCALE = "scale"
    MATRIX = "matrix"
    YES_NO = "yes-no"
    WORD = "word"
    TEXT = "text"


# The option id a phone sends for "prefer not to say"; reserved, never a user option id.
PREFER_NOT_TO_SAY = "prefer-not-to-say"
DEFAULT_MIN_RESPONSES = 5
WORD_MAX_WORDS = 3
TEXT_MAX_CHARS = 280


@dataclass(frozen=True)
class Option:
    id: str
    label: str


@dataclass(frozen=True)
class Poll:
    """An anonymous poll. Which fields matter depends on `type`:

    single / multiple / yes-no: `options` (yes-no gets Yes, No, Unsure from the loader);
    multiple: `max_choices`; scale: `scale_min`..`scale_max` with `scale_labels` for the ends;
    matrix: `rows`, each answered on the scale; word / text: free text, no options.
    """

    id: str
    question: str
    type: PollType
    options: tuple[Option, ...] = ()
    rows: tuple[Option, ...] = ()
    max_choices: int = 1
    scale_min: int = 1
    scale_max: int = 5
    scale_labels: tuple[str, str] = ("", "")
    reference: tuple[float, ...] = ()
    reference_label: str = ""
    min_responses: int = DEFAULT_MIN_RESPONSES
    prefer_not_to_say: bool = True
    sensitive: bool = False
    # Word polls: approve each word before the room sees it (text polls always are).
    # None until the loader decides: on in a session with a content note, else off.
    moderate: bool | None = None
    # Results reach phones and projector only when the poll closes (`reveal: on-close`):
    # nobody can watch the chart move as a neighbour answers. Sensitive polls default to it.
    reveal_on_close: bool = False
    # Evaluation items (from an ```evaluation block) are polls like any other, so they are
    # anonymous, journaled, thresholded and moderated the same way; `evaluation` says when
    # the item is asked ("before", "after" or "end") and `pair` joins a before item to its
    # after item by question, never by person.
    evaluation: str = ""
    pair: str = ""
    line: int = 0

    @property
    def moderated(self) -> bool:
        return self.type is PollType.TEXT or bool(self.moderate)

    @property
    def scale_points(self) -> tuple[int, ...]:
        return tuple(range(self.scale_min, self.scale_max + 1))

    @property
    def has_reference(self) -> bool:
        return bool(self.reference)


class ChartKind(StrEnum):
    BAR = "bar"
    DONUT = "donut"


@dataclass(frozen=True)
class ChartItem:
    label: str
    value: float


@dataclass(frozen=True)
class Chart:
    kind: ChartKind
    items: tuple[ChartItem, ...]
    unit: str = ""
    caption: str = ""
    line: int = 0


@dataclass(frozen=True)
class Flow:
    """Ordered steps, drawn as boxes and arrows."""

    steps: tuple[str, ...]
    line: int = 0


@dataclass(frozen=True)
class ResourcesRef:
    """Which support resources a slide shows: a region and optionally a subset of ids."""

    region: str = ""  # empty = the session's region
    include: tuple[str, ...] = ()  # empty = all of the region's entries
    line: int = 0


@dataclass(frozen=True)
class TakeHomeBlock:
    """Phones show the take-home page while this slide is current (see `core.takehome`);
    `points` replaces the session's objectives as the page's key points when given."""

    points: tuple[str, ...] = ()
    line: int = 0


class SlideKind(StrEnum):
    TITLE = "title"
    CONTENT = "content"
    CONTENT_NOTE = "content-note"
    RESOURCES = "resources"
    CHART = "chart"
    FLOW = "flow"
    POLL = "poll"
    PROMPT = "prompt"


@dataclass(frozen=True)
class Slide:
    title: str
    kind: SlideKind
    blocks: tuple[Block, ...] = ()
    notes: str = ""
    prompt: Prompt | None = None
    poll: Poll | None = None
    chart: Chart | None = None
    flow: Flow | None = None
    resources: ResourcesRef | None = None
    content_note: str = ""
    line: int = 0
    takehome: TakeHomeBlock | None = None

    @property
    def text(self) -> str:
        """All audience-visible text, for searches such as the safe-messaging check."""
        parts = [self.title, self.content_note]
        for block in self.blocks:
            match block:
                case Paragraph(text=inline):
                    parts.append(plain(inline))
                case BulletList(items=items):
                    parts.extend(plain(item) for item in items)
                case Table(header=header, rows=rows):
                    parts.extend(plain(cell) for cell in header)
                    parts.extend(plain(cell) for row in rows for cell in row)
        if self.prompt:
            parts.append(self.prompt.text)
        if self.flow:
            parts.extend(self.flow.steps)
        if self.chart:
            parts.extend(item.label for item in self.chart.items)
        return "\n".join(part for part in parts if part)


@dataclass(frozen=True)
class Section:
    """One agenda item: a title, its planned minutes and its slides."""

    title: str
    minutes: float
    slides: tuple[Slide, ...]
    line: int = 0


@dataclass(frozen=True)
class Session:
    title: str
    sections: tuple[Section, ...]
    subtitle: str = ""
    credit: str = ""
    minutes: float = 0.0  # planned total; the loader fills it from the sections if absent
    region: str = "us"
    language: str = "en"
    source: str = ""  # the file it came from, for messages
    # The workshop pack (front matter): when, where, who, what people leave with, and the
    # work the session is built on (`source:` in the file, a citation, not a path).
    date: str = ""
    venue: str = ""
    facilitators: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    citation: str = ""
    questions: bool = True  # anonymous questions from phones (`questions: off` to refuse)
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def slides(self) -> tuple[Slide, ...]:
        return tuple(slide for section in self.sections for slide in section.slides)

    def slides_with_sections(self) -> Iterator[tuple[int, Section, Slide]]:
        """(index in the whole session, its section, the slide) for every slide in order."""
        index = 0
        for section in self.sections:
            for slide in section.slides:
                yield index, section, slide
                index += 1

    def section_of(self, slide_index: int) -> int:
        """Index of the section that holds the slide at `slide_index`."""
        for index, section in enumerate(self.sections):
            if slide_index < len(section.slides):
                return index
            slide_index -= len(section.slides)
        raise IndexError(slide_index)

    @property
    def polls(self) -> tuple[Poll, ...]:
        return tuple(slide.poll for slide in self.slides if slide.poll)

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        return tuple(slide.prompt for slide in self.slides if slide.prompt)

    @property
    def evaluation_polls(self) -> tuple[Poll, ...]:
        """The session's own evaluation items, in the order they are asked."""
        return tuple(poll for poll in self.polls if poll.evaluation)

    def poll(self, poll_id: str) -> Poll | None:
        return next((poll for poll in self.polls if poll.id == poll_id), None)

    def poll_slide_index(self, poll_id: str) -> int | None:
        for index, slide in enumerate(self.slides):
            if slide.poll and slide.poll.id == poll_id:
                return index
        return None
