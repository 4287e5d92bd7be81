"""The wordings the risk screen must catch and the everyday idiom it must let through.

Shared by the screen's tests, the `check` tests and the word-cloud tests, so every path is
held to the same list. Counts of these lists go into the issue's closing note.
"""

from __future__ import annotations

from facilitator.core.risk.phrases import Category

S, H, W = Category.SUICIDE, Category.SELF_HARM, Category.WANTING_TO_DIE

# (text, category) per language: screening items, poll wordings, answers people type.
RISKY: dict[str, list[tuple[str, Category]]] = {
    "en": [
        ("Have you wished you could go to sleep and never wake up?", W),
        ("Have you felt that life is not worth living?", W),
        ("Have you thought about ending it?", S),
        ("Have you been cutting?", H),
        ("Have you had suicidal thoughts this year?", S),
        ("Have you ever wanted to die?", W),
        ("Do you sometimes want to be dead?", W),
        ("Have you ever hurt yourself on purpose?", H),
        ("Do you cut yourself?", H),
        ("Have you thought about self-harm?", H),
        ("Have you considered taking your own life?", S),
        ("Have you had thoughts of dying?", W),
        ("Do you ever think about ending it all?", S),
        ("Do you wish you were dead?", W),
        ("Do you feel people would be better off without you?", W),
        ("Are you not wanting to be alive?", W),
        ("Have you thought about killing yourself?", S),
        ("Have you wished you were dead or wished you could go to sleep and not wake up?", W),
        ("Have you had thoughts of killing yourself?", S),
        ("Have you thought about how you might end your life?", S),
        ("Do you feel there is no reason to live?", W),
        ("Have you been harming yourself?", H),
        ("Have you ever injured yourself deliberately?", H),
        ("Do you feel you'd be better off dead?", W),
        ("I don't want to be alive anymore", W),
        ("I want to kill myself", S),
        ("I've been cutting again", H),
        ("I wish I'd never been born", W),
        ("I'm tired of living", W),
        ("an overdose", S),
        ("self harm", H),
        ("burned myself on purpose", H),
        ("Never waking up", W),
        ("I just want to disappear forever", W),
    ],
    "es": [
        ("¿Has pensado en quitarte la vida?", S),
        ("¿Has tenido pensamientos suicidas?", S),
        ("¿Has deseado morir?", W),
        ("A veces quiero morirme", W),
        ("¿Has sentido que la vida no vale la pena?", W),
        ("Dormir y no despertar nunca", W),
        ("¿Te has hecho daño a propósito?", H),
        ("¿Te has autolesionado?", H),
        ("Me quiero matar", S),
        ("Estarían mejor sin mí, mejor muerto", W),
        ("Quiero acabar con todo", S),
        ("No quiero seguir viviendo", W),
    ],
    "fr": [
        ("Avez-vous eu envie de mourir ?", W),
        ("Avez-vous pensé au suicide ?", S),
        ("Avez-vous souhaité ne plus vous réveiller ? ne jamais me réveiller", W),
        ("La vie ne vaut pas la peine d’être vécue", W),
        ("J'ai envie d'en finir", S),
        ("Je veux me tuer", S),
        ("Mettre fin à mes jours", S),
        ("Vous êtes-vous fait du mal ? J'ai voulu me faire du mal", H),
        ("Je m’automutile", H),
        ("Je n'ai plus envie de vivre", W),
        ("Des idées noires", W),
    ],
    "de": [
        ("Hatten Sie Suizidgedanken?", S),
        ("Haben Sie an Selbstmord gedacht?", S),
        ("Wollten Sie schon einmal nicht mehr aufwachen?", W),
        ("Ich möchte sterben", W),
        ("Das Leben ist nicht lebenswert", W),
        ("Haben Sie sich selbst verletzt? Ich wollte mich verletzen", H),
        ("Selbstverletzung", H),
        ("Ich will mich umbringen", S),
        ("Ich will mir das Leben nehmen", S),
        ("Ich wäre lieber tot", W),
        ("Ich ritze mich", H),
    ],
    "ro": [
        ("Te-ai gândit la sinucidere?", S),
        ("Ai vrut să nu te mai trezești?", W),
        ("Vreau să mor", W),
        ("Nu mai vreau să trăiesc", W),
        ("Viața nu merită trăită", W),
        ("Gânduri de moarte", W),
        ("M-am gândit să-mi iau viața", S),
        ("Să pun capăt vieții", S),
        ("Ți-ai făcut rău intenționat? Vreau să îmi fac rău", H),
        ("Autovătămare", H),
        ("Mai bine moartă", W),
    ],
}

# Spellings made to slip past a filter: chat words, leetspeak, spaced and stretched letters.
CHAT: list[str] = [
    "kms", "KMS", "kys", "unalive", "unaliving myself", "un-alive", "sewerslide", "sewer slide",
    "su1cide", "SU1C1DE", "$uicide", "s u i c i d e", "s.u.i.c.i.d.e", "s-u-i-c-i-d-e",
    "suiciiide", "sucide", "suiside", "hang myself", "k m s", "k.m.s", "kill my self",
    "k1ll myself", "self delete", "wanna die", "want 2 die", "ctb", "sh urges",
    "w4nt t0 d!e", "k!ll mys3lf",
]

# One-word answers held back only when they are the whole answer (a word cloud's words).
WORD_ANSWERS: list[str] = ["die", "d1e", "cutting", "Ritzen"]

# Everyday idiom, grief, burnout and medicine words that must pass.
FALSE_ALARMS: dict[str, list[str]] = {
    "en": [
        "killing it at work", "dying to know", "cutting-edge", "cut costs", "hang out",
        "I'm dead tired", "this rota is killing me", "kmsl", "cutting back on coffee",
        "cutting corners", "cut the meeting short", "burned myself out", "I burn myself out",
        "a patient died on my ward", "grief after a death", "I never wake up early",
        "I don't wake up before 7", "take care of yourself", "end the stigma",
        "ending it at five", "hang in there", "my phone died", "dead on arrival",
        "shoot me an email", "I could kill for a coffee", "harm reduction", "first do no harm",
        "cutting the cord", "deadline", "I'm done", "numb", "exhausted", "burnout",
        "support line", "prevention", "self-care", "self-compassion", "24/7",
        "How numb do you feel about medicine this term?", "What stops people from getting support?",
        "What would it take to end the stigma?", "kill the lights", "cutting remarks",
        "dead end", "life is worth living", "a suitcase", "subside",
    ],
    "es": ["me muero de ganas de saber", "me muero de hambre", "cortar costos",
           "cortarme el pelo", "matar el tiempo", "no despertar a los niños", "estoy muerto de cansancio",
           "se me murió el móvil", "un corte de pelo", "cortarse las uñas", "el proyecto está muerto"],
    "fr": ["mourir de rire", "je meurs d'envie de savoir", "couper les coûts", "tuer le temps",
           "me couper les cheveux", "je me suis blessé au foot", "crevé", "tu me tues",
           "me couper du monde", "je suis mort de fatigue", "une idée de génie"],
    "de": ["todmüde", "ich sterbe vor Neugier", "Kosten senken", "in den Ritzen",
           "ich habe mich beim Sport verletzt", "die Zeit totschlagen", "Die Schicht war lang",
           "ich lach mich tot", "das bringt mich um den Schlaf", "ein Todesfall auf Station"],
    "ro": ["mor de curiozitate", "sunt mort de oboseală", "tăiem costurile",
           "mă tai la deget când gătesc", "obosit", "nu mă trezesc devreme", "mor de râs",
           "m-am tăiat la deget", "viața e frumoasă", "tura de noapte m-a omorât"],
}
