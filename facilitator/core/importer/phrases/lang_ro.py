"""Frazele pe care importatorul le scrie singur, în română."""

PHRASES: dict[str, str] = {
    "quoted": "„{text}”",
    "subtitle": "O sesiune în grup mic",
    "credit": "Adaptat după articolul „{title}”",
    "welcome": "Bun venit",
    "welcome_and_note": "Bun venit și avertisment",
    "welcome_notes": "Întâmpinați oamenii când sosesc. Spuneți cât durează sesiunea, că "
    "sondajele sunt anonime și unde se poate ieși un moment.",
    "before_we_begin": "Înainte de a începe",
    "before_notes": "Citiți cu voce tare. Spuneți unde este spațiul liniștit și cine va "
    "verifica cum se simte cineva care iese.",
    "where_we_start": "De unde pornim",
    "content_note": "Această sesiune este despre {subject}. Unele părți pot fi personale. "
    "Puteți ieși oricând, fără să explicați, și spuneți doar ce doriți.",
    "content_note_topics": "Această sesiune este despre {subject}. Unele părți ating "
    "{topics}. Aveți grijă de dumneavoastră: puteți ieși oricând, fără să explicați, și cineva "
    "va veni să vadă cum sunteți. Contactele de sprijin apar în timpul sesiunii și pe fișa "
    "dumneavoastră.",
    "and": "și",
    "topic_suicide": "sinuciderea",
    "topic_self_harm": "autovătămarea",
    "topic_not_alive": "dorința de a nu mai trăi",
    "topic_crisis": "ce e de făcut într-o criză",
    "support_title": "Există sprijin",
    "support_notes": "Lăsați acest ecran cât durează partea. Numiți opțiunile locale și "
    "spuneți că a cere ajutor devreme este un semn de putere.",
    "goodbye_title": "Înainte să plecați: sprijin",
    "goodbye_notes": "Arătați fișa și contactele locale.",
    "reflection_title": "Reflecție: scrieți pentru dumneavoastră",
    "writing_private": "Ce scrieți rămâne privat: nimeni nu va fi rugat să citească.",
    "article_asks": "Articolul întreabă: „{question}”",
    "risk_note": "Nu este folosită ca activitate: întrebarea privește autovătămarea sau "
    "sinuciderea. Trimiteți la resursele de sprijin.",
    "quick_poll": "Sondaj rapid",
    "what_found": "Ce arată articolul",
    "step_by_step": "Pas cu pas",
    "table_headed": "Tabelul articolului se numește „{label}”.",
    "poll_wait": "Deschideți sondajul și așteptați cel puțin cinci răspunsuri înainte de a "
    "arăta rezultatele.",
    "poll_then": "Apoi arătați cifrele articolului pe diapozitivul următor, lângă cele ale "
    "grupului.",
    "poll_question": "Care dintre acestea vă descrie? (Articolul dă {measure} pentru fiecare.)",
    "poll_question_quote": "Care dintre acestea vă descrie? (Articolul: {measure})",
    "poll_question_share": "Care dintre acestea vă descrie? (Articolul dă {measure}.)",
    "poll_why": "Un sondaj, pentru că fiecare se poate regăsi într-un rând, iar cifrele sunt "
    "{measure}: grupul se compară cu articolul.",
    "article_figures": "Cifrele articolului",
    "figures_caption": "Cifrele articolului",
    "matrix_title": "Unde vă aflați la fiecare?",
    "matrix_question": "Pentru fiecare rând, unde vă aflați acum?",
    "matrix_scale": "1 înseamnă cel mai aproape de „{low}”, 5 cel mai aproape de „{high}”.",
    "results_hidden": "Rezultatele rămân ascunse până răspund destui oameni; nimeni nu poate "
    "fi identificat.",
    "question_n": "Întrebarea {n} din {total}",
    "question_one": "O întrebare pentru dumneavoastră",
    "sharing_optional": "Împărtășirea e opțională: fiecare își poate păstra răspunsul.",
    "or": "sau",
    "try_this": "Încercați",
    "in_their_words": "În cuvintele articolului",
    "react_prompt": "Reacționați: ce vi se pare adevărat și ce ați adăuga sau contesta?",
    "why_heading": "Aleasă pentru că articolul pune chiar el această întrebare, ca titlu.",
    "why_run": "Alese pentru că articolul pune aceste întrebări împreună; rămân întregi.",
    "why_reader": "Aleasă pentru că articolul îi pune cititorului direct această întrebare.",
    "why_exercise": "Ales pentru că articolul propune acest exercițiu; fiecare îl face singur, "
    "apoi compară cu un vecin dacă vrea.",
    "why_quote": "Aleasă pentru că un citat îi dă grupului ceva concret cu care să fie sau "
    "nu de acord.",
    "part": "partea {n}",
    "claim_prompt": "Unde ați văzut că asta se confirmă și unde nu?",
    "why_claim": (
        "Aleasă pentru că această parte nu pune nicio întrebare: ideea ei principală poate fi "
        "pusă față în față cu experiența fiecăruia."
    ),
}
