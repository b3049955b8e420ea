"""Figures of a plot summary that no actor introduces: a nickname (`den alle nur Kobo
nennen`), a name given (`Er heißt Jesus`), a given name after adjectives (`die
ehrgeizige Elsa`), names listed after a kin noun (`Ihre Schwestern Ada und Flavia`).
Real persons are named in full or by their surname, with a role; a lone given name in
such a place is someone in the story."""

from __future__ import annotations

from archive.text.german import is_noun
from archive.text.lexicon import ARTICLES, FUNCTION_WORDS, words
from archive.text.view import Candidate, SentenceView, backward_name_run, unknown_word
from archive.text.words import POSSESSIVES, everyday_person, everyday_person_noun, is_adjective, is_given, is_name_word, \
    is_plain_noun, kin
from archive.text.rules.registry import rule


CALL_VERBS = ("nennen", "nennt", "nannte", "nannten", "rufen", "ruft", "riefen", "rief")
CALL_CUES = ("nur", "alle", "bloß", "einfach", "er", "man")  # `den alle nur X nennen`, `das er X nennt`
OBJECT_PRONOUNS = ("ihn", "sie", "es")


@rule("character.called", priority=75, triggers=CALL_VERBS, also=(CALL_CUES + OBJECT_PRONOUNS,), examples={
    "Sein Freund, den alle nur Kobo nennen, schweigt.": {"Kobo": "character"},
    "Sie nennt ihren Retter nur Pim, und er lacht.": {"Pim": "character"},
    "Das Küken schlüpft, und sie nennt es Pipo.": {"Pipo": "character"},
    "Ein Mann, den alle nur den Kranich nennen, führt sie.": {"Kranich": "character"},
    "Da ist ihre Tochter, die man nur Spätzchen ruft.": {"Spätzchen": "character"},
    "Er spielt mit einem Mädchen, das er Engel nennt, weil es weiß trägt.": {"Engel": "character"},
    "Da ist ein Mann ohne Gesicht, den alle nur Schatten nennen.": {"Schatten": "character"},
})
def characters_called(view: SentenceView) -> list[Candidate]:
    """A nickname: `den alle nur Kobo nennen`, `nennt ihren Retter nur Pim,`, `nennt es
    Pipo.` (the name closes the clause); not a noun (`was alle nur Kino nennen`), unless
    it is someone's: called by `rufen`, or in a relative clause on a person (`ein Mann,
    den alle nur den Kranich nennen`; the article stays out)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text not in CALL_VERBS:
            continue
        start = backward_name_run(view, i, limit=2)
        cue = start - 2 if view.word(start - 1) in _NICKNAME_ARTICLES else start - 1  # `nur den Kranich nennen`
        someones = tok.text in CALLING_BY_NAME
        if start < i and view.word(cue) in CALL_CUES:
            someones = someones or _on_a_person(view, cue)
            spans = [(start, i)] if someones or cue == start - 1 else []  # `den Kranich`: a person's only
        else:  # `nennt ihren Retter nur Pim,`, `nennt es Pim,`
            spans = [(m + 1, view.name_run(m + 1, limit=2)) for m in range(i + 1, min(i + 6, len(toks)))
                     if (toks[m].text == "nur" or m == i + 1 and toks[m].text in OBJECT_PRONOUNS)
                     and all(t.text not in ",.;:!?" for t in toks[i + 1 : m])]
            spans = [(s, j) for s, j in spans if j > s and view.word(j) in (",", ".", ";", ":", "!", "?", "")]
        out += [Candidate(*view.span(s, j), "character", "character-cue") for s, j in spans
                if someones or not (j - s == 1 and is_plain_noun(toks[s].text))]
    return out


CALLING_BY_NAME = ("ruft", "rufen", "rief", "riefen")  # one calls someone so, not something
_NICKNAME_ARTICLES = ("den", "die", "der", "das")
_RELATIVE_PERSONS = ("den", "die", "der", "das")  # `ein Mädchen, das er Engel nennt`


def _on_a_person(view: SentenceView, cue: int) -> bool:
    """The clause the cue at token `cue` stands in is a relative clause on a person: a
    comma, `den`/`die`, lower-case words up to the cue, after a noun for someone (`Mann`,
    `Tochter`, `Fischerin`), a given name, or an adjective made a noun (`der Jüngste`)."""
    k = cue - 1
    while k > 0 and view.word(k)[:1].islower() and view.word(k) not in _RELATIVE_PERSONS:
        k -= 1
    if view.word(k) not in _RELATIVE_PERSONS or view.word(k - 1) != ",":
        return False
    return any(_a_person_word(view.word(m)) for m in _owners(view, k - 2))


def _owners(view: SentenceView, m: int) -> list[int]:
    """The word before a relative clause's comma, and the noun before a prepositional
    phrase there (`einem Mann ohne Gesicht, den …`)."""
    if view.word(m - 1) in PREPOSITIONS_BEFORE_NOUN:
        return [m, m - 2]
    if view.word(m - 2) in PREPOSITIONS_BEFORE_NOUN:
        return [m, m - 3]  # `einem Mann mit einem Hut, den …`
    return [m]


PREPOSITIONS_BEFORE_NOUN = ("ohne", "mit", "aus", "von", "im", "vom")


def _a_person_word(owner: str) -> bool:
    """A noun for someone (`Mann`, `Tochter`, `Fischerin`), a given name, or an adjective
    made a noun (`der Jüngste`)."""
    return kin(owner) or everyday_person_noun(owner) and is_noun(owner) or owner[:1].isupper() and (
        is_given(owner) or not is_noun(owner) and owner.endswith(("ste", "sten", "ere", "eren")))  # `der Jüngste`


NAMING_VERBS = ("heißt", "hieß", "heißen", "hießen")
SUBJECT_PRONOUNS = ("er", "sie", "es", "Er", "Sie", "Es")
_CLAUSE_END = (",", ".", ";", ":", "!", "?", "", "und")


@rule("character.name-given", priority=75, triggers=NAMING_VERBS, examples={
    "Sie sucht den Vater. Er heißt Jonah, und er ist Fischer.": {"Jonah": "character"},
    "Es ist Sommer. Tonio heißt der Junge, und er ist zwölf.": {"Tonio": "character"},
})
def characters_by_name_given(view: SentenceView) -> list[Candidate]:
    """`Er heißt Jonah,` (a pronoun says whom; `Der Regisseur heißt X` may be real) and
    `Tonio heißt der Junge` (a noun for someone after the verb): a name the story gives."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text not in NAMING_VERBS:
            continue
        k = i + 2 if view.word(i + 1) in ("auch", "übrigens", "eigentlich", "tatsächlich") else i + 1
        j = view.name_run(k, limit=2) if k < len(toks) and is_name_word(toks[k]) else k
        if view.word(i - 1) in SUBJECT_PRONOUNS and j > k and view.word(j) in _CLAUSE_END \
                and (is_given(toks[k].text) or unknown_word(toks[k])):
            out.append(Candidate(*view.span(k, j), "character", "character-cue"))
        start = backward_name_run(view, i, limit=2)
        if start < i and (start == 0 or toks[start - 1].text in ",;:") and view.word(i + 1) in ("der", "die") \
                and (everyday_person(view.word(i + 2)) or kin(view.word(i + 2))) and not is_plain_noun(toks[start].text):
            out.append(Candidate(*view.span(start, i), "character", "character-cue"))
    return out


@rule("character.adjective-given", priority=52, triggers=is_given, examples={
    "Sie überzeugt die ehrgeizige Elsa und den stillen Fred.": {"Elsa": "character", "Fred": "character"},
})
def given_names_after_adjectives(view: SentenceView) -> list[Candidate]:
    """`die ehrgeizige Elsa`, `des verletzten Ovidiu`: an article or possessive,
    adjectives, then a given name alone (no surname after it). A critic writes a real
    person in full (`die großartige Ute Klasen`) or by the surname."""
    out, toks = [], view.tokens
    for i in range(2, len(toks)):
        tok = toks[i]
        if not (tok.is_cap and is_given(tok.text)) or not is_adjective(toks[i - 1].text) \
                or toks[i - 1].text in FUNCTION_WORDS or i + 1 < len(toks) and is_name_word(toks[i + 1]):
            continue
        k = i - 1
        while k > 0 and is_adjective(toks[k].text) and toks[k].text not in FUNCTION_WORDS:
            k -= 1
        if toks[k].text.lower() in ARTICLES | POSSESSIVES and not is_noun(tok.text):  # `ihr neuer Roman`
            out.append(Candidate(tok.start, tok.end, "character", "lone-given"))  # a title's word wins
    return out


KIN_PLURALS = words("kin_plurals")
SIBLINGS = frozenset({"Brüder", "Brüdern", "Schwestern", "Geschwister", "Geschwistern"})
NUMBERS = ("zwei", "drei", "vier", "fünf", "Zwei", "Drei", "Vier", "Fünf")  # `zwei alte Brüder, Ota und Vlasta`


@rule("character.kin-listed", priority=75, triggers=KIN_PLURALS, also=(("und",),), examples={
    "Ihre Schwestern Ada und Flavia sehen zu.": {"Ada": "character", "Flavia": "character"},
    "Doch Lukes Eltern Gerry und Barb Hadler bitten ihn zu bleiben.": {"Gerry": "character",
                                                                      "Barb Hadler": "character"},
    "Er erzählt von zwei alten Brüdern, Ota und Vlasta, die einen Hof haben.": {"Ota": "character",
                                                                               "Vlasta": "character"},
    "Seine beiden Töchter Rezvan und Sana schweigen.": {"Rezvan": "character", "Sana": "character"},
})
def kin_listed(view: SentenceView) -> list[Candidate]:
    """`Ihre Schwestern Ada und Flavia`, `die Zwillinge Jeanne und Simon`, `zwei Brüdern,
    Ota und Vlasta,`: a plural kin noun, then (after a comma too) two names joined by
    `und`. Siblings named in full may be film makers (`die Brüder Joel und Ethan Coen`):
    then only after a possessive or a given name's genitive; twins after an article too
    when named with their surname (a musical duo, twin actors). Names no given name
    list knows need a possessive (`seine Töchter Rezvan und Sana`)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks[:-3]):
        if tok.text not in KIN_PLURALS:
            continue
        k = i - 1
        while k > 0 and is_adjective(toks[k].text) and toks[k].text not in FUNCTION_WORDS:
            k -= 1  # `die beiden Cousins`
        owner = view.word(k)
        possessed = owner.lower() in POSSESSIVES
        owned = possessed or owner.endswith("s") and owner[:1].isupper() and is_given(owner[:-1])
        at = i + 2 if toks[i + 1].text == "," else i + 1  # `zwei Brüdern, Ota und Vlasta,`
        first = view.name_run(at, limit=2) if at < len(toks) and is_name_word(toks[at]) else at
        if first == at or view.word(first) != "und" or first + 1 >= len(toks) or not is_name_word(toks[first + 1]):
            continue
        second = view.name_run(first + 1, limit=2)
        if tok.text in SIBLINGS and not owned and (first - at > 1 or second - first > 2 or owner not in NUMBERS):
            continue  # `die Brüder Joel und Ethan (Coen)`: siblings with no one's make films; a story's are counted
        if tok.text.startswith("Zwilling") and not owned and second - (first + 1) >= 2:
            continue  # `die Zwillinge Ben und Jonas Kroll`: twins named in full, with no one's, are real
        names = [(at, first), (first + 1, second)]
        if any(j - s == 1 and is_plain_noun(toks[s].text) for s, j in names) \
                or not possessed and not any(is_given(toks[s].text) for s, _ in names):
            continue
        out += [Candidate(*view.span(s, j), "character", "character-cue") for s, j in names]
    return out


def _kin_or_everyday(word: str) -> bool:
    return kin(word) or everyday_person_noun(word)


@rule("character.noun-apposed", priority=75, triggers=_kin_or_everyday, also=((",",),), examples={
    "Sie hat eine Tochter, Jule, und einen kleinen Hof.": {"Jule": "character"},
    "Ein schüchterner Junge, Tarik, gerät ins Visier.": {"Tarik": "character"},
})
def given_name_apposed(view: SentenceView) -> list[Candidate]:
    """`eine Tochter, Jule, …`: an article or possessive, adjectives, a kin or everyday
    person noun, then a given name alone between commas (a real person gets a full name:
    `der Regisseur, Tom Ellery, …`)."""
    out, toks = [], view.tokens
    for i in range(1, len(toks) - 3):
        if toks[i + 1].text != "," or not _kin_or_everyday(toks[i].text):
            continue
        name = toks[i + 2]
        if not (name.is_cap and is_given(name.text)) or is_noun(name.text) or view.word(i + 3) not in (",", "und"):
            continue
        k = i - 1
        while k > 0 and is_adjective(toks[k].text) and toks[k].text not in FUNCTION_WORDS:
            k -= 1
        if toks[k].text.lower() in ARTICLES | POSSESSIVES:
            out.append(Candidate(name.start, name.end, "character", "character-cue"))
    return out


INVENTED = ("erfunden", "fiktiv")  # the critic says the figure is invented


def _invented(word: str) -> bool:
    return word.startswith(INVENTED)


@rule("character.invented", priority=75, triggers=_invented, also=((",",),), examples={
    "Dann spricht Tom Olt, ein erfundener Musikkritiker, in die Kamera.": {"Tom Olt": "character"},
    "Seine Freundin Mara Lind, eine fiktive Figur, fehlt im Buch.": {"Mara Lind": "character"},
})
def invented_in_apposition(view: SentenceView) -> list[Candidate]:
    """`Tom Olt, ein erfundener Musikkritiker`: the critic calls the figure invented
    (GUIDELINES: an invented person is a character, though modelled on a real one)."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text != "," or i == 0 or view.word(i + 1).lower() not in ("ein", "eine", "der", "die"):
            continue
        k = i + 2
        while k < len(toks) and is_adjective(toks[k].text) and toks[k].text not in FUNCTION_WORDS:
            k += 1
        if k == i + 2 or k >= len(toks) or not toks[k].is_cap \
                or not any(toks[m].text.startswith(INVENTED) for m in range(i + 2, k)):
            continue
        start = backward_name_run(view, i, limit=3)
        if start < i and (i - start >= 2 or is_given(toks[start].text) or unknown_word(toks[start])):
            out.append(Candidate(*view.span(start, i), "character", "character-cue"))
    return out


NICKNAMING = ("genannt", "nennen", "nennt")
_NICK_FILLERS = frozenset("von allen alle nur bloß einfach man sie ihn den die der gern meist".split())
_QUOTES = "„“”\"«»‚‘’"
_NICK_END = (",", ".", ";", ":", "!", "?", "(", ")", "und", "")


def _before_bracket(view: SentenceView, end: int) -> int:
    """Where the name before token `end` ends: `end`, or the opening of a bracket that
    closes right before it (the actor: `Paul Kranich (Tom Ellery), genannt Pit`)."""
    if view.word(end - 1) != ")":
        return end
    opening = next((m for m in range(end - 2, max(-1, end - 10), -1) if view.word(m) == "("), None)
    return end if opening is None else opening


@rule("character.nicknamed", priority=76, triggers=NICKNAMING, also=((",",),), examples={
    "Dazu kommt Lotte Braake, genannt Motte, die Wirtin.": {"Lotte Braake": "character", "Motte": "character"},
    "Er findet Paul Kranich (Tom Ellery), genannt Pit, einen Freund.": {"Paul Kranich": "character", "Pit": "character",
                                                                         "Tom Ellery": "person"},
    "Sein Opfer ist Ewald Kranich, von allen nur Schnecke genannt, ein Bürobote.": {"Ewald Kranich": "character"},
    "Hinzu kommt Gerda Fuhrmann, die alle nur Bommel nennen, mit ihrem Hund.": {"Gerda Fuhrmann": "character"},
})
def nicknamed_in_apposition(view: SentenceView) -> list[Candidate]:
    """`Lotte Braake, genannt Motte,`, `Ewald Kranich, von allen nur Schnecke genannt`,
    `Gerda Fuhrmann, die alle nur Bommel nennen`: a name, then in apposition the nickname
    the story's people give it. Both are figures of the story (a real person's nickname
    is rarely told so, and then as a title: `den alle nur den Kaiser nennen`), and the
    nickname is that figure's: its name is the full name."""
    out, toks = [], view.tokens
    for i, tok in enumerate(toks):
        if tok.text not in NICKNAMING:
            continue
        if tok.text == "genannt" and view.word(i - 1) == ",":
            comma, s = i - 1, i + 1  # `X, genannt Y`: the nickname after the verb
            s += view.word(s) in _QUOTES
            j = view.name_run(s, limit=2) if s < len(toks) and is_name_word(toks[s]) else s
            if j == s or view.word(j + (view.word(j) in _QUOTES)) not in _NICK_END:
                continue
        else:  # `X, von allen nur Y genannt`, `X, die alle nur Y nennen`: the nickname before it
            j = i - (view.word(i - 1) in _QUOTES)
            s = backward_name_run(view, j, limit=2)
            if s == j:
                continue
            comma = s - 1 - (view.word(s - 1) in _QUOTES)
            if view.word(comma) in _NICKNAME_ARTICLES:
                continue  # `Franz Beckenbauer, den alle nur den Kaiser nennen`: a title of honour, a real man's
            while comma > 0 and toks[comma].text in _NICK_FILLERS:
                comma -= 1
            if view.word(comma) != "," or comma == s - 1 or not {"nur", "alle", "allen"} & {t.text for t in toks[comma:s]}:
                continue
        named = _before_bracket(view, comma)  # `Stanislaus Katczinsky (Albrecht Schuch), genannt Kat`
        start = backward_name_run(view, named, limit=3)
        if start == named or view.word(start - 1) == "von" \
                or not (named - start >= 2 or is_given(toks[start].text) or unknown_word(toks[start])):
            continue
        full = Candidate(*view.span(start, named), "character", "character-cue")
        nick = Candidate(toks[s].start, toks[j - 1].end, "character", "character-cue")
        full.nickname = (nick.start, nick.end)
        out += [full, nick]
    return out
