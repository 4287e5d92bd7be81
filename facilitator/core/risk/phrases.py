"""The wordings the risk screen looks for, by language and category.

Patterns run on `normalise.variants` output: lower case, no accents (ș -> s, ö -> o,
ß -> ss), punctuation as spaces, apostrophes kept. Each list is deliberately broad where a
miss would project harm and deliberately narrow where everyday idiom would cry wolf: the
false alarms ("killing it at work", "dying to know", "cutting-edge", "me muero de ganas")
are tested beside these lists in tests/core/risk.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    """What a risky text is about; the value is how the console names it."""

    SUICIDE = "suicide"
    SELF_HARM = "self-harm"
    WANTING_TO_DIE = "wanting to die"


@dataclass(frozen=True)
class Phrases:
    language: str  # "en", "es", "fr", "de", "ro", or "chat" for spellings made to slip past
    category: Category
    patterns: tuple[str, ...]


S, H, W = Category.SUICIDE, Category.SELF_HARM, Category.WANTING_TO_DIE

# Reflexive objects: "kill myself", "hurt yourself", "kill my self" (spaced-out spellings).
_SELF = r"(?:my ?self|your ?self|him ?self|her ?self|them ?sel(?:f|ves)|our ?selves|one ?self)"
_SOMEONE = r"(?:i|you|he|she|they|we)"
_NEVER = r"(?:never|not|wouldn't|wouldnt|won't|wont|don't|dont|not to|didn't)"

ENGLISH = (
    Phrases("en", S, (
        r"\bsu+[iy]?[cs]+[iy]?d(?:e|es|al|ality|ally|ed|ing)?\b",  # suicide, sucide, suiside
        rf"\b(?:kill|kills|killed|killing|off|offed|offing|neck|necking|hang|hangs|hanged|hanging"
        rf"|drown|drowning|shoot|shooting|poison|poisoning) ?{_SELF}\b",
        r"\b(?:end|ends|ending|ended|take|takes|taking|took|taken) (?:my|your|his|her|their|one's"
        r"|ones|our) (?:own )?li(?:fe|ves)\b",
        r"\bend(?:s|ing|ed)? it all\b",
        r"\b(?:thought|thoughts|think|thinking|thinks|considered|considering|consider|plan"
        r"|planning|planned|want|wanted|wanting|wants|going|gonna|just|about|of)"
        r" (?:about |of |to )?"
        r"(?:end|ending) it\b",
        r"\boverdos\w*",
        r"\bjump(?:s|ed|ing)? (?:off|from) (?:a|the) (?:bridge|roof|building|cliff)\b",
    )),
    Phrases("en", W, (
        r"\b(?:want|wants|wanted|wanting|wanna|wish|wishes|wished|wishing|would like|long|longing)"
        r" (?:to |2 )?(?:die|be dead|not exist|not be alive|stop existing|disappear forever"
        r"|not wake up|never wake up|go to sleep forever)\b",
        rf"\bwish(?:ed|es|ing)?(?: that)? {_SOMEONE} (?:was|were|had been|could be) dead\b",
        rf"\bwish(?:ed|es|ing)?(?: that)? {_SOMEONE} (?:could|would) (?:just )?die\b",
        rf"\bwish(?:ed|es|ing)?(?: that)? {_SOMEONE}(?:'d| had| was| were)? (?:never|not)"
        r" (?:been |be )?born\b",
        rf"\b{_NEVER} (?:ever )?wak(?:e|ing) up(?! (?:early|before|on time|in time|at \d|at \w+ "
        r"(?:am|pm)|rested|refreshed|feeling|until|till|for|when|without|in the|on the))",
        r"\b(?:not|isn't|isnt|is not|ain't|aint|wasn't|no longer) worth (?:living|being alive"
        r"|going on|waking up)\b",
        r"\b(?:no|any) (?:reason|point) (?:to |in |of )?(?:live|living|being alive|going on"
        r"|carrying on|waking up)\b",
        r"\bbetter off (?:dead|gone|without (?:me|you|him|her|them|us))\b",
        r"\b(?:do not|don't|dont|not|never|no longer|doesn't|doesnt|didn't|didnt) (?:want|wants"
        r"|wanting|wanna|wanted|wish|care) (?:to )?(?:be alive|live|live anymore|be here anymore"
        r"|exist|exist anymore|go on living|keep living|wake up|be around anymore)\b",
        r"\bthoughts? (?:of|about) (?:dying|death|being dead|not being here|not being alive)\b",
        r"\bdeath wish\b",
        r"\btired of (?:living|being alive)\b",
        r"^(?:die|to die)$",  # one word in a word cloud
        r"\b(?:fantasi[sz]\w*|dream\w*|wish\w*|hop\w*|imagin\w*) (?:about |of )?(?:getting|being)"
        r" hit by a (?:bus|car|train|truck)\b",
    )),
    Phrases("en", H, (
        r"\bself ?(?:harm\w*|injur\w*|mutilat\w*|inflicted)",
        rf"\b(?:hurt|hurts|hurting|harm|harms|harmed|harming|cut|cuts|cutting|burn|burns|burned"
        rf"|burnt|burning|injure|injured|injuring|mutilate|mutilating) ?{_SELF}\b(?! out\b)",
        r"\b(?:been|started|start|starting|stop|stopped|keep|kept|still|quit|quitting|i'm|im|was"
        r"|relapsed|relapse|urge to|urges to|thoughts of|thought of|thinking of|about|the) cutting"
        r"\b(?! (?:edge|back|down|costs?|corners?|out|off|it|up|the|a|an|through|across|hair"
        r"|my hair|class|classes|shifts?|hours|budgets?|spending|ties|carbs|sugar|deals?|loose"
        r"|short|in line|and pasting|room|board)\b)",
        r"^cutting$",
        r"\b(?:cut|cuts|cutting|slit|slitting|slash|slashing) (?:my|your|his|her|their|on my"
        r"|on your) (?:wrists?|arms?|legs?|thighs?|skin)\b",
    )),
)

# Spellings made to get past a filter. Leetspeak ("su1c1de") and spaced letters
# ("s u i c i d e") are undone by `normalise`; these are the words themselves.
CHAT = (
    Phrases("chat", S, (
        r"\bkms\b", r"\bkys\b", r"\bctb\b",
        r"\bsewer ?slid\w*", r"\bsewer side\b",
        r"\bun ?aliv(?:e|es|ed|ing)\b",
        r"\bself ?delet(?:e|es|ed|ing|ion)\b",
        r"\bsooey ?side\b", r"\bsu ?icide\b",
    )),
    Phrases("chat", W, (r"\bwanna (?:die|be dead)\b", r"\bwant (?:2|to) d(?:ie|y)\b")),
    Phrases("chat", H, (r"\bs ?h urges?\b", r"\bsh relapse\b")),
)

SPANISH = (
    Phrases("es", S, (
        r"\bsuicid\w*",
        r"\b(?:quitar|quitarme|quitarse|quitarte|quite|quito|quitado) (?:la|mi|su|tu)"
        r" (?:propia )?vida\b",
        r"\bmatar(?:me|se|te)\b", r"\bme (?:quiero|voy a|vaya a) matar\b",
        r"\b(?:acabar|terminar|acabe|acabo) con (?:mi|su|tu) (?:propia )?vida\b",
        r"\bacabar con todo\b", r"\bponer fin a (?:mi|su|tu) vida\b",
        r"\bahorcar(?:me|se|te)\b",
    )),
    Phrases("es", W, (
        r"\b(?:quiero|quisiera|queria|quieres|quiere|deseo|deseas|desearia|deseado|deseaba|desee"
        r"|ganas de) morir"
        r"(?:me|se|te)?\b",
        r"\bno (?:quiero|quisiera|quieres|quiere|deseo) (?:seguir )?(?:vivir|viviendo|estar vivo"
        r"|estar viva|existir|despertar)\b",
        r"\b(?:no|nunca) (?:volver a )?despertar(?:me|se|te)?\b(?! (?:a|al|temprano|antes|tarde))",
        r"\bno vale la pena (?:vivir|seguir viviendo)\b", r"\bla vida no vale la pena\b",
        r"\bno (?:tiene|tengo) sentido (?:vivir|seguir viviendo)\b",
        r"\bno hay (?:razon|motivo) para vivir\b",
        r"\bmejor muert[oa]s?\b",
        r"\bpensamientos (?:de|sobre la) muerte\b",
        r"\bdesaparecer para siempre\b", r"\bdejar de existir\b",
    )),
    Phrases("es", H, (
        r"\bautolesi\w*", r"\bautolastim\w*", r"\bautoagresi\w*",
        r"\bhacer(?:me|se|te) dano\b", r"\bhecho dano (?:a proposito|adrede|intencionadamente)\b",
        r"\bme hago dano\b", r"\blastimar(?:me|se|te)\b",
        r"\bcortar(?:me|se|te)\b(?! (?:el|la|las|los|un|una)\b)",
        r"\bme corto\b(?! (?:el|la|las|los)\b)",
    )),
)

FRENCH = (
    Phrases("fr", S, (
        r"\bsuicid\w*",
        r"\b(?:me|te|se) tuer\b",
        r"\b(?:mettre|mets|met|mis|mettrai) fin a (?:mes|ses|tes|leurs) jours\b",
        r"\b(?:mettre|mets|met|mis|mettrai) fin a (?:ma|sa|ta) vie\b",
        r"\ben finir avec (?:la vie|tout|ma vie|moi)\b",
        r"\b(?:veux|voulais|voudrais|envie d'|pense a|penser a|pensees d'|idee d') ?en finir\b",
        r"\bme pendre\b",
    )),
    Phrases("fr", W, (
        r"\b(?:veux|voulais|voudrais|veut|envie de|souhaite|souhaiterais|desir de) mourir\b",
        r"\b(?:ne plus|ne jamais|ne pas|jamais|plus jamais) me reveiller\b",
        r"\bla vie ne vaut (?:pas|plus) la peine\b",
        r"\bne vaut (?:pas|plus) la peine d'etre vecue\b",
        r"\b(?:plus|pas) envie de vivre\b", r"\bmieux (?:mort|morte|morts|mortes)\b",
        r"\bidees (?:noires|de mort)\b", r"\bpensees (?:de mort|morbides)\b",
        r"\bdisparaitre pour toujours\b", r"\bne plus exister\b",
    )),
    Phrases("fr", H, (
        r"\b(?:m'|t'|s')?automutil\w*", r"\b(?:me |se )?scarifi\w*", r"\bme mutiler\b",
        r"\bme faire du mal\b", r"\bme blesser (?:volontairement|expres)\b",
        r"\bme couper\b(?! (?:les|la|le|du|de|des|un|une)\b)",
    )),
)

GERMAN = (
    Phrases("de", S, (
        r"\bsuizid\w*", r"\bselbstmord\w*", r"\bfreitod\w*",
        r"\bmich (?:selbst )?(?:umbringen|toten|erhangen|aufhangen)\b", r"\bbringe mich um\b",
        r"\bmir das leben (?:zu )?nehmen\b",
        r"\b(?:meinem|seinem|ihrem|deinem) leben ein ende (?:zu )?(?:setzen|machen|bereiten)\b",
    )),
    Phrases("de", W, (
        r"\b(?:will|mochte|mochtest|wollte|wunsche mir|wunschte mir) (?:ich )?(?:nur )?(?:noch )?"
        r"(?:sterben|tot sein)\b",
        r"\bsterben (?:wollen|will|mochte|mochten)\b",
        r"\bnicht mehr (?:leben|da sein|existieren) (?:will|mochte|wollen|mochten)\b",
        r"\b(?:nie mehr|nie wieder|nicht mehr|niemals) aufwachen\b",
        r"\bnicht (?:mehr )?lebenswert\b",
        r"\btodeswunsch\w*", r"\btodesgedanken\b", r"\b(?:besser|lieber) tot\b",
    )),
    Phrases("de", H, (
        r"\bselbstverletz\w*", r"\bselbstschadig\w*",
        r"\b(?:mich|sich|dich) (?:selbst )?(?:zu )?(?:verletzen|ritzen|schneiden)\b",
        r"\britze mich\b", r"\bgeritzt\b", r"^ritzen$",
    )),
)

ROMANIAN = (
    Phrases("ro", S, (
        r"\bsinucid\w*", r"\bsuicid\w*",
        r"\bsa ma (?:omor|sinucid|spanzur)\b",
        r"\b(?:mi|imi|isi|si|iti|ti) (?:iau|ia|lua|ieu) viata\b",
        r"\bcapat (?:vietii|zilelor)\b",
    )),
    Phrases("ro", W, (
        r"\b(?:vreau|vrea|vrei|voiam|as vrea|ar vrea|doresc) sa mor\b",
        r"\bnu mai vreau sa (?:traiesc|fiu in viata|exist|ma trezesc)\b",
        r"\bsa nu (?:ma |te |se )?mai (?:trezesc|trezeasca|trezesti|trezeste)\b",
        r"\bganduri (?:de moarte|de sinucidere)\b",
        r"\bviata nu (?:mai )?merita\b", r"\bnu (?:mai )?merita sa traiesc\b",
        r"\bmai bine (?:mort|moarta|morti)\b",
        r"\bsa dispar (?:pentru totdeauna|definitiv)\b",
    )),
    Phrases("ro", H, (
        r"\bautovatam\w*", r"\bautomutil\w*",
        r"\bsa ma (?:ranesc|tai|ard)\b", r"\b(?:mi|imi) fac rau\b",
    )),
)

ALL: tuple[Phrases, ...] = (*ENGLISH, *CHAT, *SPANISH, *FRENCH, *GERMAN, *ROMANIAN)
LANGUAGES = ("en", "es", "fr", "de", "ro")
