"""A session built in code with one slide of every kind, long enough to stress layout."""

from __future__ import annotations

from facilitator.core.session.model import (
    BulletList,
    Chart,
    ChartItem,
    ChartKind,
    Flow,
    GroupFormat,
    GroupKind,
    Option,
    Paragraph,
    Phase,
    Poll,
    PollType,
    Prompt,
    ResourcesRef,
    Section,
    Session,
    Slide,
    SlideKind,
    Span,
    Table,
)


def t(text: str) -> tuple[Span, ...]:
    return (Span(text),)


FOUR = ("Stressed but engaged", "Occasionally numb", "Persistently numb", "Actively burnt out")


def sample_session() -> Session:
    welcome = Section("Welcome and content note", 5, (
        Slide("Numb in Medicine", SlideKind.TITLE),
        Slide("Before we begin", SlideKind.CONTENT_NOTE, content_note=(
            "Today we talk about burnout, low mood and, briefly, crisis. You can step out at "
            "any time; the quiet room is next door and a co-facilitator will check in."),
            notes="Say where the quiet room is."),
    ))
    feels = Section("How it feels", 10, (
        Slide("The story we were sold", SlideKind.CONTENT, blocks=(
            Paragraph((Span("Medicine is a "), Span("calling", italic=True),
                       Span(": endlessly fascinating, "), Span("deeply moving", bold=True),
                       Span("."))),
            BulletList((t("Then real life: decks, codes, pagers and a shrug"),
                        t("A patient dies on a night shift and you feel… nothing much"),
                        t("You notice the gap, and that worries you more"))),
        ), notes="Say: this gap is where numbness lives."),
        Slide("Normal phase or real problem?", SlideKind.CONTENT, blocks=(
            Table((t(""), t("Normal phase"), t("Real problem")), (
                (t("Scope"), t("Some situations"), t("Almost everything")),
                (t("Duration"), t("Days to weeks"), t("Months, and getting worse")),
                (t("Function"), t("You still do the work well"), t("Mistakes and shortcuts")),
                (t("Values"), t("You still care about doing right"), t("You stop caring")),
                (t("Energy"), t("Tired, recovers with rest"), t("Rest does not help")),
            )),
        )),
        Slide("How people described themselves", SlideKind.CHART, chart=Chart(
            ChartKind.BAR, tuple(ChartItem(label, value) for label, value in
                                 zip(FOUR, (35, 30, 20, 15), strict=True)),
            unit="%", caption="Share of the article's sample in each group")),
        Slide("The same figures as a whole", SlideKind.CHART, chart=Chart(
            ChartKind.DONUT, tuple(ChartItem(label, value) for label, value in
                                   zip(FOUR, (35, 30, 20, 15), strict=True)), unit="%")),
        Slide("How numbness builds", SlideKind.FLOW, flow=Flow((
            "High workload", "Chronic stress", "Less time to process", "Emotional distance",
            "Detachment becomes habit", "Values feel distant", "Numbness"))),
    ))
    talk = Section("Talking about it", 20, (
        Slide("Where are you this term?", SlideKind.POLL, poll=Poll(
            "room-check", "Which of these sounds most like you this term?", PollType.SINGLE,
            options=tuple(Option(f"o{i}", label) for i, label in enumerate(FOUR)),
            sensitive=True)),
        Slide("Still in there", SlideKind.PROMPT, prompt=Prompt(
            "When you hear about a patient being dismissed, does part of you still think "
            "\u201cthat's not okay\u201d?", (Phase(240, GroupFormat(GroupKind.PAIRS)),))),
        Slide("One small thing", SlideKind.PROMPT, prompt=Prompt(
            "What is one small thing that helps you feel like yourself at work?", (
                Phase(60, GroupFormat(GroupKind.SOLO)), Phase(120, GroupFormat(GroupKind.PAIRS)),
                Phase(240, GroupFormat(GroupKind.GROUPS, 4)),
                Phase(300, GroupFormat(GroupKind.ROOM))))),
        Slide("Energy check", SlideKind.POLL, poll=Poll(
            "energy", "How much energy do you have for patients this week?", PollType.SCALE,
            scale_labels=("Running on empty", "Plenty"))),
    ))
    close = Section("Support and close", 10, (
        Slide("If you are struggling right now", SlideKind.RESOURCES,
              resources=ResourcesRef(region="us")),
    ))
    return Session("Numb in Medicine", (welcome, feels, talk, close),
                   subtitle="A small-group session on emotional numbness",
                   credit="Adapted from the article “Numb in Medicine”", minutes=45)
