"""Die Sätze, die der Importer selbst schreibt, auf Deutsch."""

PHRASES: dict[str, str] = {
    "quoted": "„{text}“",
    "subtitle": "Eine Sitzung in kleiner Gruppe",
    "credit": "Nach dem Artikel „{title}“",
    "welcome": "Willkommen",
    "welcome_and_note": "Willkommen und Inhaltshinweis",
    "welcome_notes": "Begrüßen Sie die Ankommenden. Sagen Sie, wie lange die Sitzung dauert, "
    "dass Umfragen anonym sind und wo man kurz hinausgehen kann.",
    "before_we_begin": "Bevor wir beginnen",
    "before_notes": "Lesen Sie dies laut vor. Nennen Sie den ruhigen Raum und wer nach "
    "jemandem schaut, der hinausgeht.",
    "where_we_start": "Wo wir anfangen",
    "content_note": "In dieser Sitzung geht es um {subject}. Manches kann persönlich werden. "
    "Sie können jederzeit hinausgehen, ohne Begründung, und teilen nur, was Sie möchten.",
    "content_note_topics": "In dieser Sitzung geht es um {subject}. Teile davon berühren "
    "{topics}. Achten Sie auf sich: Sie können jederzeit hinausgehen, ohne Begründung, und "
    "jemand sieht nach Ihnen. Hilfsangebote werden während der Sitzung gezeigt und stehen "
    "auf Ihrem Handout.",
    "and": "und",
    "topic_suicide": "Suizid",
    "topic_self_harm": "Selbstverletzung",
    "topic_not_alive": "nicht mehr leben wollen",
    "topic_crisis": "was in einer Krise zu tun ist",
    "support_title": "Es gibt Hilfe",
    "support_notes": "Lassen Sie dies stehen, solange der Teil läuft. Nennen Sie die "
    "örtlichen Angebote laut und sagen Sie, dass frühes Hilfesuchen eine Stärke ist.",
    "goodbye_title": "Bevor Sie gehen: Hilfe",
    "goodbye_notes": "Zeigen Sie auf das Handout und die örtlichen Kontakte.",
    "reflection_title": "Reflexion: für sich schreiben",
    "writing_private": "Das Geschriebene bleibt privat: niemand muss seines vorlesen.",
    "article_asks": "Der Artikel fragt: „{question}“",
    "risk_note": "Nicht als Aufgabe verwendet: Die Frage betrifft Selbstverletzung oder "
    "Suizid. Verweisen Sie stattdessen auf die Hilfsangebote.",
    "quick_poll": "Kurze Umfrage",
    "what_found": "Was der Artikel berichtet",
    "step_by_step": "Schritt für Schritt",
    "table_headed": "Die Tabelle des Artikels heißt „{label}“.",
    "poll_wait": "Öffnen Sie die Umfrage und warten Sie mindestens fünf Antworten ab, bevor "
    "Sie Ergebnisse zeigen.",
    "poll_then": "Zeigen Sie dann die Zahlen des Artikels auf der nächsten Folie neben denen "
    "der Gruppe.",
    "poll_question": "Welche dieser Gruppen beschreibt Sie? (Der Artikel nennt {measure} für "
    "jede.)",
    "poll_question_quote": "Welche dieser Gruppen beschreibt Sie? (Der Artikel: {measure})",
    "poll_question_share": "Welche dieser Gruppen beschreibt Sie? (Der Artikel nennt "
    "{measure}.)",
    "poll_why": "Eine Umfrage, weil man sich in einer Zeile wiederfinden kann und die Zahlen "
    "{measure} sind: die Gruppe vergleicht sich mit dem Artikel.",
    "article_figures": "Zahlen des Artikels",
    "figures_caption": "Die Zahlen des Artikels",
    "matrix_title": "Wo stehen Sie jeweils?",
    "matrix_question": "Wo stehen Sie bei jeder Zeile gerade?",
    "matrix_scale": "1 heißt am nächsten an „{low}“, 5 am nächsten an „{high}“.",
    "results_hidden": "Ergebnisse bleiben verborgen, bis genug Antworten da sind; niemand ist "
    "erkennbar.",
    "question_n": "Frage {n} von {total}",
    "question_one": "Eine Frage an Sie",
    "sharing_optional": "Teilen ist freiwillig: jede und jeder darf die Antwort für sich "
    "behalten.",
    "or": "oder",
    "try_this": "Probieren Sie es",
    "in_their_words": "In den Worten des Artikels",
    "react_prompt": "Reagieren Sie: Was stimmt für Sie, und was würden Sie ergänzen oder "
    "bestreiten?",
    "why_heading": "Gewählt, weil der Artikel diese Frage selbst als Überschrift stellt.",
    "why_run": "Gewählt, weil der Artikel diese Fragen zusammen stellt; sie bleiben ganz.",
    "why_reader": "Gewählt, weil der Artikel diese Frage direkt an die Lesenden richtet.",
    "why_exercise": "Gewählt, weil der Artikel diese Übung vorschlägt; erst allein, dann auf "
    "Wunsch mit der Nachbarin oder dem Nachbarn vergleichen.",
    "why_quote": "Gewählt, weil ein Zitat der Gruppe etwas Konkretes gibt, dem sie zustimmen "
    "oder widersprechen kann.",
    "part": "Teil {n}",
    "claim_prompt": "Wo haben Sie erlebt, dass das zutrifft, und wo nicht?",
    "why_claim": (
        "Gewählt, weil dieser Teil keine eigene Frage stellt: seine Kernaussage lässt sich an der"
        " eigenen Erfahrung prüfen."
    ),
}
