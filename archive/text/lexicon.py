"""Word knowledge the extractor uses: given names (shipped by Faker, MIT), and small
hand-written lists of German words that cue a person, a character or a work.

The lists name kinds of words (role nouns, function words), never names or titles of
any particular review: the extractor must generalize to reviews it has not seen."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from dataclasses import dataclass, field

# Words that look like given names in some locale but are German words first.
NOT_GIVEN_NAMES = frozenset(
    """Man Mark Will Sommer Roman Fee Engel Rose Heide Kurz Lange Grau Weiß Wolf Fuchs Stern Glück
    Hoffnung Gnade Treue Ehre Christ Frieden Friede Sonne Mond Mai August Juni Juli April Winter Herbst
    Frühling Sonntag Montag Freitag Tag Nacht Mutter Vater Sohn Tochter Schwester Bruder Herr Frau Dame
    Mann Kind Kinder Paris Texas Rom London Berlin Wien Hollywood Amerika Europa Afrika Asien Florenz Venedig
    Neben Nach Kino Film Liebe Star Stars Gott Teufel Bella Nova Ende Anfang Prinz Prinzessin König
    Königin Kaiser Papst Richter Jäger Meister Schneider Müller Fischer Weber Becker Wagner Schulz Koch
    Bauer Schmidt Schröder Neumann Krüger Braun Hofmann Lang Hahn Vogel Keller Kraus Böhm Berger Roth
    Beck Lorenz Baumann Franke Albrecht Ludwig Otto Simon Peters Arnold Martin Jung Kühn Pohl Hoch Paul
    Titel Held Heldin Chance Geschichte Serie Welt Leben Zeit Hauptrolle Rolle Figur Regie Drama Musik
    Dora Grace Hope Faith Joy Rain Summer Autumn Story Dash Sky River Ocean Storm Blue Gray""".split()
) - {"Martin", "Otto", "Simon", "Paul", "Ludwig", "Arnold", "Albrecht", "Lorenz", "August", "Dora", "Grace", "Hope", "Roman",
     "Mark", "Will"}
# ^ the last group are given names far more often than words in film writing; they stay names.

FUNCTION_WORDS = frozenset(
    """der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem keinen
    er sie es wir ihr ich du man mich dich sich uns euch ihm ihn ihnen mir dir
    mein meine sein seine seiner seines seinem seinen ihre ihrer ihres ihrem ihren unser unsere unserer
    unseres unserem unseren euer eure dies diese dieser dieses diesem diesen jene jener jenes jenem jenen
    welche welcher welches welchem welchen was wer wem wen wessen wo wie warum wann woher wohin
    und oder aber doch denn sondern noch auch nur schon so da dann wenn als ob weil dass daß obwohl
    während bis seit nach vor von vom zu zum zur mit bei beim aus auf in im an am um für gegen ohne
    über unter zwischen durch hinter neben trotz wegen statt gen ab per pro via samt
    nicht nie kaum sehr ganz gar fast eher mal nun hier dort jetzt heute immer wieder bereits erst
    selbst sogar zwar etwa je desto""".split()
)
ARTICLES = frozenset("der die das den dem des ein eine einer eines einem einen".split())

# Before these in a compound, a capitalized word is a title: `Pusher-Reihe`.
SERIES_HEADS = frozenset(
    "Reihe Serie Saga Trilogie Franchise Remake Sequel Prequel Fortsetzung Verfilmung Universum".split()
)
# A name in a compound before these is a mention: Pusher-Reihe, Tarantino-Film, Gosling-Faible.
COMPOUND_HEADS = SERIES_HEADS | frozenset(
    """Zyklus Reboot Adaption Adaptation Staffel Staffeln Folge Folgen Episode Episoden Filme Teil Teile""".split()
) | frozenset(
    """Film Filme Films Filmen Faible Fan Fans Stil Manier Kosmos Welt Werk Werke Klassiker Debüt
    Figur Figuren Rolle Rollen Darsteller Darstellerin Regisseur Regisseurin Produktion Szene Szenen
    Ästhetik Musik Soundtrack Komödie Drama Thriller Western Krimi Epos Kult Hommage Zitat Zitate
    Vorlage Stoff Roman Double Look Effekt Moment Momente Kino Schule Show Team Crew Ensemble Cast
    Besetzung Gesicht Interpretation Biografie Biographie Porträt Portrait Doku Dokumentation Retrospektive
    Touch Land Ära Phase Kopie Imitat Parodie Persiflage Variante Version Anleihen Motiv Motive""".split()
)

# Given names that are German nouns too: after an article they are the noun (`der Roman`).
GIVEN_NAMES_THAT_ARE_NOUNS = frozenset("Roman Mark Rose Hans Grace Hope Dora Lotte Heide Gabriel Engel".split())

# Nouns that introduce a work: `sein neuer Film Drive`, `der Thriller „Shut In“`.
WORK_NOUNS = frozenset(
    """Film Films Filme Filmen Spielfilm Spielfilms Spielfilmdebüt Kinofilm Kinofilms Streifen Serie Serien
    Fernsehserie Miniserie Staffel Dokumentarfilm Dokumentarfilms Dokumentation Doku Debüt Debüts Debütfilm
    Erstling Erstlings Erstlingswerk Remake Remakes Fortsetzung Sequel Prequel Thriller Thrillers
    Psychothriller Drama Dramas Krimidrama Krimidramas Familiendrama Liebesdrama Komödie Tragikomödie
    Filmkomödie Liebeskomödie Actionkomödie Western Westerns Spätwestern Science-fiction Science-Fiction
    Sciencefiction Sci-Fi Horrorfilm Horrorfilms Actionfilm Actionfilms Actionthriller Actionkrimi Krimi
    Krimis Großstadtkrimi Kriegsfilm Animationsfilm Trickfilm Zeichentrickfilm Kurzfilm Kurzfilms
    Roadmovie Roadmovies Melodram Melodrama Musical Biopic Mockumentary Märchen Fantasyfilm Epos
    Klassiker Kultfilm Meisterwerk Werk Werks Abschlussfilm Eröffnungsfilm Wettbewerbsfilm Blockbuster
    Sitcom Show Casting-Show Mehrteiler Zweiteiler Fernsehfilm TV-Film Tatort-Folge Folge Episode
    Filmdrama Jugendfilm Kinderfilm Heimatfilm Historienfilm Historiendrama Gangsterfilm Film-noir
    Satire Gesellschaftssatire Mystery-Thriller Horror-Thriller Spionagethriller Politthriller
    Literaturverfilmung Verfilmung Adaption Neuverfilmung Porträt Kinodebüt Regiedebüt Spielfilmdebüt
    Oscar-Gewinner Kassenschlager Kassenhit Hit Mystery-Serie Anthologie Dokumentarserie Titel Originaltitel
    Arbeitstitel Verleihtitel Produktion Koproduktion""".split()
)

# Nouns that introduce a real person: `Regisseur Refn`, `der britische Darsteller Rupert Everett`.
PERSON_NOUNS = frozenset(
    """Regisseur Regisseurin Regisseurs Regisseure Jungregisseur Jungregisseurin Filmemacher Filmemacherin
    Filmregisseur Filmregisseurin Autorenfilmer Autorenfilmerin Dokumentarfilmer Dokumentarfilmerin
    Schauspieler Schauspielerin Schauspielers Darsteller Darstellerin Hauptdarsteller Hauptdarstellerin
    Nebendarsteller Nebendarstellerin Drehbuchautor Drehbuchautorin Autor Autorin Co-Autor Co-Autorin
    Kameramann Kamerafrau Kameramanns Komponist Komponistin Produzent Produzentin Produzenten
    Cutter Cutterin Editor Editorin Szenenbildner Szenenbildnerin Star Stars Superstar Filmstar
    Altmeister Kultregisseur Meisterregisseur Oscar-Preisträger Oscar-Preisträgerin Oscarpreisträger
    Preisträger Preisträgerin Schriftsteller Schriftstellerin Dichter Dichterin Sänger Sängerin
    Musiker Musikerin Rapper Rapperin Komiker Komikerin Kabarettist Kabarettistin Moderator Moderatorin
    Kritiker Kritikerin Filmkritiker Filmkritikerin Fotograf Fotografin Maler Malerin Choreograf
    Choreografin Tänzer Tänzerin Showrunner Showrunnerin Schauspielstar Hollywoodstar Newcomer
    Newcomerin Debütant Debütantin Filmemachers Regisseurs Drehbuchautors Komponisten""".split()
)

# Nouns that introduce a fictional person: `Figur des Travis Bickle`, `Nachbarin Irene`.
CHARACTER_NOUNS = frozenset(
    """Figur Figuren Filmfigur Titelfigur Hauptfigur Hauptfiguren Protagonist Protagonistin Held Heldin
    Titelheld Titelheldin Antiheld Antiheldin Rolle Titelrolle Hauptrolle""".split()
)
KIN_NOUNS = frozenset(
    """Frau Mann Ehefrau Ehemann Gattin Gatte Sohn Tochter Vater Mutter Bruder Schwester Onkel Tante
    Neffe Nichte Großvater Großmutter Opa Oma Enkel Enkelin Cousin Cousine Freund Freundin Geliebte
    Geliebter Nachbar Nachbarin Kollege Kollegin Chef Chefin Partner Partnerin Verlobte Verlobter
    Witwe Witwer Schwiegersohn Schwiegertochter Stiefvater Stiefmutter Stiefsohn Stieftochter
    Ex-Frau Ex-Mann Exfrau Exmann Kumpel Mitbewohner Mitbewohnerin Assistent Assistentin
    Kommissar Kommissarin Inspektor Inspektorin Detective Agent Agentin Sheriff Captain Kapitän
    Leutnant Sergeant Doktor Professor Professorin Pfarrer Lehrer Lehrerin Schüler Schülerin
    Teenager Mädchen Junge""".split()
)
# Everyday person nouns: `Brad Sloan, ein Mann in den besten Jahren` introduces a
# character; real people are introduced by role nouns (`Refn, der Regisseur`).
EVERYDAY_PERSON_NOUNS = frozenset(
    """Mann Frau Junge Mädchen Teenager Jugendliche Jugendlicher Witwe Witwer Mutter Vater Lehrer Lehrerin
    Polizist Polizistin Polizisten Arzt Ärztin Anwalt Anwältin Student Studentin Schüler Schülerin Bauer
    Bäuerin Soldat Soldatin Krankenschwester Pfleger Pflegerin Kellner Kellnerin Taxifahrer Fahrer
    Fahrerin Arbeiter Arbeiterin Angestellte Angestellter Beamter Beamtin Ermittler Ermittlerin Detektiv
    Detektivin Mörder Mörderin Killer Profikiller Gangster Gauner Dieb Diebin Einzelgänger Einzelgängerin
    Außenseiter Außenseiterin Aussteiger Flüchtling Migrant Migrantin Rentner Rentnerin Unternehmer
    Unternehmerin Geschäftsmann Geschäftsfrau Hausfrau Hausmann Priester Nonne Mönch Prostituierte Tänzerin
    Sängerin Sänger Veteran Kriegsveteran Waise Single Vierzigjähriger Vierzigjährige Familienvater
    Kleinkriminelle Kleinkrimineller Ex-Häftling Häftling Hacker Hackerin Spion Spionin Agent Agentin
    Hotelier Wirt Wirtin Fischer Jäger Koch Köchin Bäcker Bäckerin Metzger Friseur Friseurin
    Journalist Journalistin Reporter Reporterin Lokalreporter Pilot Pilotin Astronaut Astronautin Witwe
    Erbin Erbe Prinz Prinzessin König Königin Kaiser Kaiserin Graf Gräfin Kommissar Kommissarin""".split()
) | KIN_NOUNS
# Forms of address and ranks: before a name, never part of it (`Madame Swiney`, `General Friedrichs`).
ADDRESS_TITLES = frozenset("""Madame Monsieur Mademoiselle Mister Miss Mrs Mr Sir Lord General Generalin Marschall
    Oberst Major Baron Baronin Freiherr Fürst Fürstin Abbé Pater Signora Signore Señor Señora Senhor""".split())
# Before a play verb these make the names after it the actors: `Die Hauptrollen spielen X und Y`.
CAST_NOUNS = frozenset("Rolle Rollen Hauptrolle Hauptrollen Nebenrolle Nebenrollen Titelrolle Titelrollen".split())
PLAY_VERBS = frozenset(
    "spielt spielte spielen verkörpert verkörperte verkörpern mimt mimte gibt gab darstellt stellt".split()
)
NAME_PARTICLES = frozenset("von van de da del della di du dos le la zu ten ter vom zum y al el bin ibn ben mac".split())
# Only after one of the above: `von der Leyen`, `van den Berg`, `de la Iglesia`.
SECOND_PARTICLES = frozenset("der den la le las los de".split())
# Broadcasters and streaming services: `Netflix-Serie` names no title.
CHANNELS = frozenset(
    """Netflix Amazon Prime Disney Apple Hulu Paramount Sky Arte Mubi Joyn Magenta Peacock Canal
    Sat Pro Kabel Vox Tele Warner Universal Sony Fox Pixar Marvel DreamWorks Ufa Constantin""".split()
)
ENGLISH_TITLE_STARTS = frozenset(("The", "A", "An"))
# Credit lines at the end of a review: `Regie: …`, `Mit: …`; `Originaltitel: …`.
CREDIT_LABELS = frozenset(
    """Regie Buch Drehbuch Kamera Musik Schnitt Montage Darsteller Darstellerin Mit Besetzung Cast
    Produktion Produzent Produzentin Produzenten Szenenbild Kostüme Ton Sprecher Sprecherin Idee
    Showrunner Creator Schöpfer Autor Autorin Autoren Vorlage Hauptrolle Hauptrollen Nebenrollen Rollen""".split()
)
TITLE_LABELS = frozenset("Originaltitel OT Titel Film Serie".split())

@functools.cache
def given_names() -> frozenset[str]:
    """Given names of every locale Faker ships (about 30,000), minus German words."""
    import faker.providers.person as person_providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        try:
            provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        except Exception:  # a locale that fails to import only costs its names
            continue
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = next((base.__dict__[attr] for base in provider.__mro__ if attr in base.__dict__), None)
            if isinstance(value, dict):
                value = value.keys()
            if isinstance(value, (list, tuple, set, frozenset, type({}.keys()))):
                names.update(n for n in value if isinstance(n, str) and n[:1].isupper() and " " not in n)
    return frozenset(names - NOT_GIVEN_NAMES)


@dataclass(frozen=True)
class Known:
    """What the archive already knows, so a later review finds it without any cue:
    real persons by their full name, films by their title (both of more than one word:
    a single word is too often also a German word), and the characters of each film,
    found again in a review that names that film."""

    persons: frozenset[str] = field(default_factory=frozenset)
    films: frozenset[str] = field(default_factory=frozenset)
    characters: dict[str, frozenset[str]] = field(default_factory=dict)
    # What one review's metadata names (its director and cast, its characters, the films
    # it is about): taken as written out in that review, so every further occurrence is
    # found, a surname or a first name alone too.
    review_persons: frozenset[str] = field(default_factory=frozenset)
    review_characters: frozenset[str] = field(default_factory=frozenset)
    review_films: frozenset[str] = field(default_factory=frozenset)

    @functools.cached_property
    def by_first_word(self) -> dict[str, list[tuple[str, str]]]:
        """Known persons and films by the first word of their name, longest name first."""
        index: dict[str, list[tuple[str, str]]] = {}
        for names, kind in ((self.persons, "person"), (self.films, "film")):
            for name in names:
                index.setdefault(name.split(" ")[0], []).append((name, kind))
        for entries in index.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        return index

    @classmethod
    def from_database(cls, conn) -> "Known":
        persons = frozenset(r[0] for r in conn.execute("SELECT name FROM person WHERE kind = 'person' AND name LIKE '% %'"))
        films = frozenset(r[0] for r in conn.execute("SELECT DISTINCT title FROM film WHERE title LIKE '% %'"))
        characters: dict[str, set[str]] = {}
        for title, name in conn.execute(
            "SELECT f.title, p.name FROM person p JOIN film f ON f.id = p.film_id WHERE p.kind = 'character'"
        ):
            characters.setdefault(title, set()).add(name)
        return cls(persons, films, {t: frozenset(names) for t, names in characters.items()})
