"""Deterministic synthetic German film reviews, shaped like seeds/drive-refn.txt.

    python3 benchmarks/generate.py OUT_DIR -n 10000 --seed 1

Each review is about one film and runs to about 20-30 sentences: its director
(`Regisseur Anna Berger`, genitive `Bergers`), its characters introduced with their
actors (`Irene (Carey Mulligan)`, `gespielt von`, `X spielt Y`) and named again later
(`Irenes Sohn`), other films with years (`Walhalla Rising (2009)`), quoted titles
(`„Die stille Stadt“`), and plenty of sentences that name nobody. Half the files have
one sentence per line (like the sample), half are paragraphs.

Persons, films and characters come from fixed pools drawn with a Zipf-like skew,
so a few names recur in thousands of reviews and most in a handful, as in a real
magazine archive. Review i depends only on the seed and i: the first 10,000 of a
40,000 corpus are the 10,000 corpus. Standard library only.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
from pathlib import Path

GIVEN = """Anna Julia Laura Sarah Lena Lisa Marie Sophie Hannah Lea Katharina Johanna Clara Nina Eva Paula
Carla Emma Mia Greta Helene Charlotte Franziska Miriam Sandra Nadine Petra Sabine Claudia Andrea Barbara
Isabelle Juliette Camille Chloé Léa Giulia Chiara Elena Sofia Lucia Carmen Pilar Irene Olivia Emily
Jessica Jennifer Rebecca Rachel Naomi Scarlett Cate Tilda Kirsten Nicole Frances Meryl Saoirse Florence
Thomas Michael Andreas Stefan Christian Markus Daniel Alexander Tobias Jan Jonas Lukas Felix Maximilian
Florian Sebastian Matthias Moritz Jakob Benedikt Tom David Peter Jürgen Wolfgang Dieter Uwe Klaus Ulrich
Matthew Ryan Oscar Adam Jake Joaquin Robert Christopher Steven Quentin Denis Pedro Luca Paolo Nanni
Olivier François Jacques Pierre Vincent Mathieu Emmanuel Lars Thomas Mads Nikolaj Ingmar Aki Bong Hirokazu
Ethan Joel Wes Sofia Kathryn Greta Chloé Céline Jessica Maren Nora Valeska Sandra Nina Fatih Christian
Tom Edgar Dominik Andreas Ulrich Michael Werner Rainer Wim Margarethe Doris Caroline Ina Burhan Ilker""".split()

SURNAMES = """Berger Hartmann Lehmann Krause Richter Wolff Schäfer Zimmermann Brandt Vogt Seidel Winkler
Lorenz Sauer Dietrich Kaiser Brenner Haas Fiedler Engel Busch Walter Kuhn Pfeiffer Ziegler Brückner
Hübner Lindner Jansen Petersen Thiele Graf Reuter Ebert Kessler Adler Stein Horn Albers Marquardt
Gosling Mulligan Isaac Phoenix Driver Chastain Swinton Blanchett Dunst Kidman McDormand Ronan Pugh
Refn Scorsese Romanek Lanthimos Villeneuve Almodóvar Guadagnino Sorrentino Moretti Audiard Assayas
Dardenne Ozon Vinterberg Mikkelsen Kaurismäki Haneke Seidl Akin Petzold Schanelo Grisebach Ade Maccarone
Köhler Arslan Tykwer Dresen Wenders Herzog Trotta Link Gansel Reitz Kluge Fassbinder Schlöndorff
Moreau Laurent Dubois Lefebvre Garnier Rossi Bianchi Romano Greco Ferrari Fernández García Navarro
Hansen Nielsen Eriksson Lindqvist Virtanen Novak Kowalski Horváth Popescu Petrov Ivanova Yilmaz Demir
Anderson Coppola Bigelow Gerwig Baumbach Reichardt Jenkins Peele Chazelle Aster Eggers Safdie Nolan""".split()

TITLE_WORDS = """Abendrot Nachtfalter Grenzland Eisblumen Sturmflut Zwielicht Wolfsjahre Blutmond Kaltfront
Sommerhaus Fernweh Heimkehr Funkstille Nebelwald Wüstenwind Stadtrand Seelenfrieden Mitternacht Irrlicht
Salzwasser Glutnest Querschläger Spiegelbild Nordlicht Hafenkante Trugbild Feuerprobe Schattenmann
Driftwood Undertow Afterglow Lowlands Nightcrawl Sundown Backwater Homecoming Faultline Stillwater""".split()
TITLE_ADJ = "stille letzte lange kalte weiße dunkle zweite verlorene blaue ferne leise".split()
TITLE_NOUN_F = "Stadt Nacht Grenze Reise Insel Stunde Küste Wahrheit Jagd Brücke Schwester".split()
TITLE_NOUN_M = "Sommer Winter Weg Fluss Fremde Sturm Tag Zug Bruder Wald Himmel".split()
EN_ADJ = "Quiet Broken Last Hollow Silent Burning Distant Wild Cold Golden".split()
EN_NOUN = "Hour Lines Harbor Season Road Country Water Light Summer River".split()

GENRES = ("Thriller", "Drama", "Krimi", "Actionkrimi", "Western", "Melodram", "Familiendrama", "Roadmovie",
          "Psychothriller", "Liebesfilm", "Horrorfilm", "Komödie", "Tragikomödie", "Science-fiction")
JOBS = ("Automechaniker", "Krankenschwester", "Taxifahrer", "Polizistin", "Lehrerin", "Kellner", "Journalistin",
        "Anwalt", "Fischer", "Soldat", "Hotelier", "Studentin", "Ärztin", "Fotograf", "Pilotin")
PLACES = ("Kopenhagen", "Los Angeles", "Marseille", "Neapel", "einer Kleinstadt in Brandenburg", "Ostberlin",
          "einem Dorf in den Abruzzen", "Glasgow", "Istanbul", "Lissabon", "Hamburg-Wilhelmsburg", "Detroit",
          "der bretonischen Küste", "einer Vorstadt von Lyon", "Helsinki", "Wien")
RELATIONS = ("Nachbarin", "Schwester", "Ehemann", "Bruder", "Tochter", "Kollegin", "Chef", "Freundin", "Vater",
             "Mutter", "Geliebte", "Mitbewohner")
THEMES = ("Schuld und Vergebung", "einer Liebe unter schweren Vorzeichen", "dem Ende einer Kindheit",
          "Gewalt und ihren Folgen", "einer Familie, die an ihren Geheimnissen zerbricht", "Arbeit und Würde",
          "dem langsamen Verschwinden einer Stadt", "Freundschaft und Verrat", "Herkunft und Heimat")

FILLER = [
    "Der Film startet ganz langsam, fast beiläufig, und nimmt sich Zeit für seine Figuren.",
    "Doch die Ruhe trügt.",
    "Man macht Ausflüge, lädt einander zum Essen ein.",
    "Langsam entwickeln sich zwischen den beiden zärtliche Bande.",
    "Die Kamera bleibt dabei stets auf Augenhöhe, ohne je aufdringlich zu werden.",
    "Das überrascht nicht, wenn man die bisherigen Arbeiten kennt.",
    "Gewalt setzt der Film nur in wenigen Momenten ein, dann aber als höchst effektiven Schock.",
    "Die Dialoge sind knapp, oft bleibt das Wichtigste ungesagt.",
    "Blicke und Gesten sagen hier mehr als Worte.",
    "Der Soundtrack aus pulsierenden Synthesizern trägt viel zur Stimmung bei.",
    "Bald schon gerät alles aus den Fugen.",
    "Und kurze Zeit später endet die Partystimmung.",
    "Das Drehbuch verzichtet wohltuend auf Erklärungen.",
    "Manche Szenen wirken allerdings etwas zu lang geraten.",
    "Gegen Ende verliert die Geschichte ein wenig an Spannung.",
    "Trotzdem bleibt man bis zur letzten Einstellung gebannt.",
    "Die Bilder sind von einer kühlen, fast abstrakten Schönheit.",
    "Nachts leuchtet die Stadt in kaltem Neonlicht.",
    "Es ist ein Film über Einsamkeit, aber auch über die Sehnsucht nach Nähe.",
    "Wer hier einen schnellen Genrefilm erwartet, wird enttäuscht.",
    "Die Nebenfiguren sind glänzend besetzt und mit wenigen Strichen gezeichnet.",
    "Die Montage lässt den Zuschauer oft im Unklaren, wo und wann man sich befindet.",
    "Humor blitzt nur selten auf, dann aber umso wirkungsvoller.",
    "Der Schluss ist offen und lässt viel Raum für eigene Gedanken.",
    "Man spürt in jeder Einstellung die Liebe zum Kino der siebziger Jahre.",
    "Selten hat man eine Verfolgungsjagd so präzise inszeniert gesehen.",
    "So funktioniert der Film als Genrestück ebenso wie als Charakterstudie.",
    "Das Tempo zieht in der zweiten Hälfte deutlich an.",
    "Vieles wird nur angedeutet, manches bleibt rätselhaft.",
    "Die Farben sind entsättigt, der Himmel ist fast immer grau.",
    "Dazu passt die reduzierte, beinahe minimalistische Ausstattung.",
    "In den besten Momenten erinnert das an einen Traum, aus dem man nicht erwachen will.",
    "Die Musik setzt sparsam ein und verzichtet auf jede Überwältigung.",
    "Lange Plansequenzen wechseln mit hektisch geschnittenen Actionszenen.",
    "Erzählt wird streng chronologisch, ohne Rückblenden.",
    "Es ist ein leiser Film, der lange nachwirkt.",
    "Nicht alles gelingt, aber vieles ist mutig.",
    "Der Film hat beim Festival in Cannes für Diskussionen gesorgt.",
    "Ein Kinostart ist für den Herbst angekündigt.",
    "Am Ende steht die Frage, was ein Mensch für die Liebe aufzugeben bereit ist.",
]


class Zipf:
    """Items drawn with weight 1/rank**s: the first few very often, the tail rarely."""

    def __init__(self, items: list, s: float = 1.05):
        self.items = items
        self.cum = list(itertools.accumulate(1.0 / (rank**s) for rank in range(1, len(items) + 1)))

    def draw(self, rng: random.Random):
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1])]


class Pools:
    """The fixed world the reviews write about: persons, films with director, year and cast."""

    def __init__(self, seed: int, persons: int = 12_000, films: int = 15_000):
        rng = random.Random(f"pools-{seed}")
        names: list[str] = []
        seen: set[str] = set()
        while len(names) < persons:
            name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
            if name not in seen:
                seen.add(name)
                names.append(name)
        self.persons = names
        directors = names[: persons // 6]
        actors = names[persons // 6 :]
        self.director_pick = Zipf(directors, 0.9)
        self.actor_pick = Zipf(actors, 0.9)
        self.films = []
        titles: set[tuple[str, int]] = set()
        while len(self.films) < films:
            title, year = _title(rng), rng.randint(1955, 2024)
            if (title, year) in titles:
                continue
            titles.add((title, year))
            cast = []
            for _ in range(rng.randint(2, 4)):
                character = rng.choice(GIVEN) if rng.random() < 0.6 else f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
                if all(character != c for c, _ in cast):
                    cast.append((character, self.actor_pick.draw(rng)))
            self.films.append({"title": title, "year": year, "director": self.director_pick.draw(rng),
                               "genre": rng.choice(GENRES), "cast": cast})
        self.film_pick = Zipf(self.films, 0.8)  # the film a review is about
        self.classic_pick = Zipf(self.films[:400], 1.1)  # films cited for comparison


def _title(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(TITLE_WORDS)
    if roll < 0.6:
        article, noun = ("Die", rng.choice(TITLE_NOUN_F)) if rng.random() < 0.5 else ("Der", rng.choice(TITLE_NOUN_M))
        return f"{article} {rng.choice(TITLE_ADJ)} {noun}"
    if roll < 0.8:
        return f"{rng.choice(EN_ADJ)} {rng.choice(EN_NOUN)}"
    return f"{rng.choice(TITLE_WORDS)} {rng.choice(['Rising', 'Blues', 'Express', 'Protokoll', 'Story', 'Code'])}"


def genitive(name: str) -> str:
    return name + ("’" if name[-1] in "sxzß" else "s")


def surname(name: str) -> str:
    return name.split(" ")[-1]


def review(pools: Pools, seed: int, index: int) -> str:
    """The text of review `index`: depends only on the pools, the seed and the index."""
    rng = random.Random(f"review-{seed}-{index}")
    film = pools.film_pick.draw(rng)
    title, year, director, genre = film["title"], film["year"], film["director"], film["genre"]
    d_last = surname(director)
    cast = film["cast"]
    earlier = [pools.classic_pick.draw(rng) for _ in range(3)]
    other_person = pools.actor_pick.draw(rng)
    quoted = f"„{title}“"
    deck = rng.sample(FILLER, k=len(FILLER))  # each filler sentence at most once per review
    s: list[str] = []
    s.append(rng.choice([
        f"Mit {quoted} legt Regisseur {director} seinen neuen Film vor, ein Genrestück über {rng.choice(THEMES)}.",
        f"Das überrascht nicht, denn wer die bisherigen Arbeiten des 19{rng.randint(50, 89)} in {rng.choice(PLACES)} "
        f"geborenen Regisseurs {director} kennt, der weiß, dass Gewalt und Schönheit bei ihm zusammengehören.",
        f"Regisseur {director} erzählt in seinem neuen Film {title} von {rng.choice(THEMES)}.",
        f"{genitive(director)} {genre} {quoted} ({year}) beginnt mit einer langen Einstellung auf {rng.choice(PLACES)}.",
    ]))
    prev = earlier[0]
    s.append(f"Das trifft auf {prev['title']} ({prev['year']}) ebenso zu wie auf die frühen Kurzfilme.")
    s.append(f"Dennoch gleitet sein neuer Film {title} keinesfalls ins Klischee ab.")
    intro = []
    for n, (character, actor) in enumerate(cast):
        c_first = character.split(" ")[0]
        form = rng.random()
        if n == 0:
            intro.append(f"Der Film erzählt von {character} ({actor}), der tagsüber als {rng.choice(JOBS)} "
                         f"in {rng.choice(PLACES)} arbeitet.")
        elif form < 0.4:
            intro.append(f"In dieser Zeit lernt {cast[0][0].split(' ')[0]} zufällig seine {rng.choice(RELATIONS)} "
                         f"{character} ({actor}) kennen, eine alleinerziehende {rng.choice(JOBS)}.")
        elif form < 0.7:
            intro.append(f"{actor} spielt {character}, die mehr weiß, als sie zugibt.")
        else:
            intro.append(f"Dazu kommt {character}, gespielt von {actor}, ein {rng.choice(JOBS)} mit Vergangenheit.")
        intro.append(deck.pop())
        if rng.random() < 0.7:
            intro.append(f"{genitive(c_first)} Vergangenheit holt die Figuren schließlich ein.")
    s += intro
    later = [
        f"{cast[0][0].split(' ')[0]} zieht sich zurück, während die anderen feiern.",
        f"Regisseur {d_last} präsentiert einen gebrochenen Helden, der an die Figur des "
        f"{earlier[1]['cast'][0][0]} in {genitive(earlier[1]['director'])} {earlier[1]['title']} von "
        f"{earlier[1]['year']} erinnert.",
        f"Wie schon in „{earlier[2]['title']}“ ({earlier[2]['year']}) vertraut {d_last} ganz auf seine Darsteller.",
        f"Und so ist es {cast[-1][1]} vorbehalten, den Ruhepol als Gegengewicht zu liefern.",
        f"{surname(cast[-1][1])} brillierte erst vor kurzem in {genitive(other_person)} Drama "
        f"{pools.classic_pick.draw(rng)['title']}.",
        f"Nun kann {surname(cast[0][1])} in der Rolle des {cast[0][0].split(' ')[0]} erneut sein Talent zeigen.",
        f"So trägt das Ensemble dazu bei, {genitive(d_last)} {genre} zu einem kleinen Meisterwerk werden zu lassen.",
        f"Kameramann {pools.actor_pick.draw(rng)} taucht {rng.choice(PLACES)} in kaltes Licht.",
        f"{genitive(surname(cast[0][1]))} Spiel ist von einer Intensität, die an {cast[-1][1]} in "
        f"{genitive(earlier[2]['director'])} {earlier[2]['title']} erinnert.",
    ]
    rng.shuffle(later)
    body_len = rng.randint(20, 30)
    need = body_len - len(s) - 2
    extra = later[: max(3, min(len(later), need // 2))]
    fillers = [deck.pop() for _ in range(max(0, min(len(deck) - 1, need - len(extra))))]
    middle = extra + fillers
    rng.shuffle(middle)
    s += middle
    s.append(f"{cast[0][0].split(' ')[0]} findet sich in einer lebensgefährlichen Situation wieder.")
    s.append(deck.pop())
    if rng.random() < 0.5:
        return "\n".join(s) + "\n"
    paragraphs, i = [], 0
    while i < len(s):
        k = rng.randint(3, 6)
        paragraphs.append(" ".join(s[i : i + k]))
        i += k
    return "\n\n".join(paragraphs) + "\n"


def generate(out: Path, n: int, seed: int, start: int = 0) -> list[Path]:
    """Write reviews start..start+n-1 as OUT/YYYY/NNNNNN.txt (a folder per 'year' of 2,000)."""
    pools = Pools(seed)
    paths = []
    for i in range(start, start + n):
        folder = out / f"{2000 + i // 2000}"
        if i % 2000 == 0 or i == start:
            folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i:06d}.txt"
        path.write_text(review(pools, seed, i), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the reviews into (created)")
    parser.add_argument("-n", type=int, default=10_000, help="how many reviews (default 10,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="index of the first review (default 0)")
    args = parser.parse_args(argv)
    generate(args.out, args.n, args.seed, args.start)
    print(f"{args.n} reviews in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
