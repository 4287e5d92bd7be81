"""Les phrases que l'importateur écrit lui-même, en français."""

PHRASES: dict[str, str] = {
    "quoted": "« {text} »",
    "subtitle": "Une séance en petit groupe",
    "credit": "Adapté de l'article « {title} »",
    "welcome": "Accueil",
    "welcome_and_note": "Accueil et avertissement",
    "welcome_notes": "Accueillez les personnes à leur arrivée. Dites combien de temps dure la "
    "séance, que les sondages sont anonymes et où l'on peut sortir un moment.",
    "before_we_begin": "Avant de commencer",
    "before_notes": "Lisez ceci à voix haute. Indiquez l'espace calme et qui ira voir une "
    "personne qui sort.",
    "where_we_start": "Point de départ",
    "content_note": "Cette séance porte sur {subject}. Certains passages peuvent toucher de "
    "près. Vous pouvez sortir à tout moment, sans donner de raison, et vous ne partagez que "
    "ce que vous voulez.",
    "content_note_topics": "Cette séance porte sur {subject}. Certains passages abordent "
    "{topics}. Prenez soin de vous : vous pouvez sortir à tout moment, sans donner de raison, "
    "et quelqu'un viendra vous voir. Des contacts d'aide sont affichés pendant la séance et "
    "figurent sur votre document.",
    "and": "et",
    "topic_suicide": "le suicide",
    "topic_self_harm": "l'automutilation",
    "topic_not_alive": "le fait de ne plus vouloir vivre",
    "topic_crisis": "que faire en cas de crise",
    "support_title": "De l'aide est disponible",
    "support_notes": "Laissez ceci affiché pendant la partie. Citez les ressources locales à "
    "voix haute et dites que demander de l'aide tôt est une force.",
    "goodbye_title": "Avant de partir : de l'aide",
    "goodbye_notes": "Montrez le document et les contacts locaux.",
    "reflection_title": "Réflexion : écrire pour soi",
    "writing_private": "L'écrit reste privé : personne ne devra lire le sien.",
    "article_asks": "L'article demande : « {question} »",
    "risk_note": "Pas utilisé comme consigne : la question porte sur l'automutilation ou le "
    "suicide. Renvoyez plutôt vers les ressources d'aide.",
    "quick_poll": "Sondage rapide",
    "what_found": "Ce que rapporte l'article",
    "step_by_step": "Étape par étape",
    "table_headed": "Le tableau de l'article s'intitule « {label} ».",
    "poll_wait": "Ouvrez le sondage et attendez au moins cinq réponses avant de montrer les "
    "résultats.",
    "poll_then": "Montrez ensuite les chiffres de l'article sur la diapositive suivante, à "
    "côté de ceux du groupe.",
    "poll_question": "Lequel de ces groupes vous décrit ? (L'article indique {measure} pour "
    "chacun.)",
    "poll_question_quote": "Lequel de ces groupes vous décrit ? (L'article : {measure})",
    "poll_question_share": "Lequel de ces groupes vous décrit ? (L'article donne {measure}.)",
    "poll_why": "Un sondage, car chacun peut se situer dans une ligne et les chiffres sont "
    "{measure} : le groupe se compare à l'article.",
    "article_figures": "Chiffres de l'article",
    "figures_caption": "Les chiffres de l'article",
    "matrix_title": "Où en êtes-vous ?",
    "matrix_question": "Pour chaque ligne, où en êtes-vous en ce moment ?",
    "matrix_scale": "1 signifie le plus proche de « {low} », 5 le plus proche de « {high} ».",
    "results_hidden": "Les résultats restent cachés tant qu'il n'y a pas assez de réponses ; "
    "personne n'est identifiable.",
    "question_n": "Question {n} sur {total}",
    "question_one": "Une question pour vous",
    "sharing_optional": "Le partage est facultatif : chacun peut garder sa réponse pour soi.",
    "or": "ou",
    "try_this": "À essayer",
    "in_their_words": "Dans les mots de l'article",
    "react_prompt": "Réagissez : qu'est-ce qui sonne juste pour vous, et qu'ajouteriez-vous "
    "ou contesteriez-vous ?",
    "why_heading": "Choisi parce que l'article pose lui-même cette question, en titre.",
    "why_run": "Choisi parce que l'article pose ces questions ensemble ; elles sont gardées "
    "entières.",
    "why_reader": "Choisi parce que l'article pose directement cette question au lecteur.",
    "why_exercise": "Choisi parce que l'article propose cet exercice ; chacun le fait seul, "
    "puis compare avec un voisin s'il le souhaite.",
    "why_quote": "Choisi parce qu'une citation donne au groupe quelque chose de concret avec "
    "quoi être d'accord ou non.",
    "part": "partie {n}",
    "claim_prompt": "Où avez-vous vu cela se vérifier, et où pas ?",
    "why_claim": (
        "Choisi parce que cette partie ne pose pas de question : son idée clé peut être "
        "confrontée à l'expérience de chacun."
    ),
}
