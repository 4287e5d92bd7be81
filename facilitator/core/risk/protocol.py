"""The safety protocol: what a facilitator does when someone is distressed or an answer
names a risk. One text, so the printed guide and the console's dialog never differ."""

from __future__ import annotations

# (what happened, what to do). Plain text: the guide bolds the first part, the console
# shows both as plain labels.
STEPS: tuple[tuple[str, str], ...] = (
    ("Someone leaves the room.",
     "The co-facilitator follows after a moment, checks in privately and away from the "
     "group, and asks only “Are you okay? Do you want company or space?”. Nobody comments "
     "on it in the room."),
    ("Someone is upset in the room.",
     "No spotlight. Offer the quiet space quietly; keep the activity going or move to the "
     "next slide. Never ask them to explain to the group."),
    ("Someone says they might not be safe.",
     "Stay with them; do not leave them alone. Call or text a crisis line together, or the "
     "emergency number if there is immediate danger. Tell the session lead afterwards."),
    ("Something worrying arrives in an anonymous answer.",
     "It cannot be traced, and must not be: do not show it and do not ask who wrote it. "
     "Calmly repeat the support contacts to the whole room (press R to put them on the "
     "screen) and leave them up; mention the cards; stay after the session for anyone who "
     "wants to talk."),
    ("Afterwards.",
     "Stay ten minutes for anyone who wants to talk. Debrief with the co-facilitator; look "
     "after yourselves too."),
)


def notice_text(category: str) -> str:
    """The console's calm line when an answer names a risk ("self-harm", "suicide"...)."""
    return f"An answer mentions {category}: see the guide’s safety protocol"
