"""Every sentence the importer writes itself, in English (the reference catalogue)."""

PHRASES: dict[str, str] = {
    "quoted": "“{text}”",
    "subtitle": "A small-group session",
    "credit": "Adapted from the article “{title}”",
    "welcome": "Welcome",
    "welcome_and_note": "Welcome and content note",
    "welcome_notes": "Welcome people as they arrive. Say how long the session runs, that polls "
    "are anonymous, and where people can step out.",
    "before_we_begin": "Before we begin",
    "before_notes": "Read this aloud. Name the quiet space and who will check on anyone who "
    "steps out.",
    "where_we_start": "Where we start",
    "content_note": "This session is about {subject}. Some of it may feel personal. You can "
    "step out at any time, no reason needed, and you only share what you want to.",
    "content_note_topics": "This session is about {subject}. Parts of it touch on {topics}. "
    "Take care of yourself: you can step out at any time, no reason needed, and someone will "
    "check in with you. Support contacts are shown during the session and on your handout.",
    "and": "and",
    "topic_suicide": "suicide",
    "topic_self_harm": "self-harm",
    "topic_not_alive": "not wanting to be alive",
    "topic_crisis": "what to do in a crisis",
    "support_title": "Support is available",
    "support_notes": "Leave this up while the section runs. Name the local options aloud and "
    "say that reaching out early is a strength.",
    "goodbye_title": "Before you go: support",
    "goodbye_notes": "Point to the handout and the local contacts.",
    "reflection_title": "Reflection: write for yourself",
    "writing_private": "Writing stays private: no one will be asked to read theirs out.",
    "article_asks": "The article asks: “{question}”",
    "risk_note": "Not used as a prompt: this asks about self-harm or suicide. Point to the "
    "support resources instead.",
    "quick_poll": "Quick poll",
    "what_found": "What the article found",
    "step_by_step": "Step by step",
    "table_headed": "The article's table is headed '{label}'.",
    "poll_wait": "Open the poll and wait for at least five answers before showing results.",
    "poll_then": "Then show the article's figures on the next slide beside the room's.",
    "poll_question": "Which of these describes you? (The article reports {measure} for each.)",
    "poll_question_quote": "Which of these describes you? (The article: {measure})",
    "poll_question_share": "Which of these describes you? (The article gives {measure}.)",
    "poll_why": "A poll because the rows are groups people can place themselves in and the "
    "figures are {measure}: the room compares itself with the article.",
    "article_figures": "Article's figures",
    "figures_caption": "The article's figures",
    "matrix_title": "Where are you on each?",
    "matrix_question": "For each row, where are you right now?",
    "matrix_scale": "1 means closest to '{low}', 5 closest to '{high}'.",
    "results_hidden": "Results stay hidden until enough people have answered; no one is "
    "identifiable.",
    "question_n": "Question {n} of {total}",
    "question_one": "Question for you",
    "sharing_optional": "Sharing is optional: people may keep their answer to themselves.",
    "or": "or",
    "try_this": "Try this",
    "in_their_words": "In the article's words",
    "react_prompt": "React to this: what rings true for you, and what would you add or "
    "push back on?",
    "why_heading": "Chosen because the article asks this itself, as a heading.",
    "why_run": "Chosen because the article asks these questions together; they are kept whole.",
    "why_reader": "Chosen because the article asks its reader this directly.",
    "why_exercise": "Chosen because the article sets this exercise; people do it alone first, "
    "then compare with a neighbour if they want to.",
    "why_quote": "Chosen because a quoted voice gives the room something concrete to agree "
    "or disagree with.",
    "part": "part {n}",
    "claim_prompt": "Where have you seen this hold true, and where not?",
    "why_claim": (
        "Chosen because this part asks no question of its own: its key claim is something people "
        "can test against their own experience."
    ),
}
