"""Titles cited as film writing cites them (archive.text.rules.citations), headings with
a kicker or a tagline, and noun titles that a review always quotes. Every sentence is
invented for the test; each test says what must be found, not only what must not."""

from __future__ import annotations

from archive.text import analyse


def kinds(text: str) -> dict[str, str]:
    return {m.surface: m.kind for m in analyse(text).mentions}


def films(text: str) -> list[str]:
    return [m.surface for m in analyse(text).mentions if m.kind == "film"]


def test_a_list_of_titles_with_director_and_year_is_films_not_figures():
    text = ("Erwähnt in dieser Folge\n\nOjuju (Tom Ellery, 2014)\nDie Frau, die wartet – Nachtweg (Ute Klasen, 2010)\n"
            "Harbour Lights (Kemi Abarowa, 2016)\n\nDanach spricht Irene (Carey Mulligan) mit ihm.")
    found = kinds(text)
    assert found["Ojuju"] == "film"
    assert found["Die Frau, die wartet – Nachtweg"] == "film"
    assert found["Harbour Lights"] == "film"
    assert found["Tom Ellery"] == "person" and found["Kemi Abarowa"] == "person"
    assert found["Irene"] == "character"  # no year in the brackets: a figure and its actor


def test_a_place_and_a_year_in_brackets_is_no_director():
    assert films("Sie lebte in der Stadt (New York, 2014) allein.") == []


def test_one_unknown_word_after_a_full_name_in_the_genitive_is_a_title():
    text = "Sie verweist auf Ilse Kowalczyks Vasquinha, in dem das Meer eine Macht hat."
    assert films(text) == ["Vasquinha"]
    assert films("Das zeigt Ilse Kowalczyks Karriere.") == []  # a noun
    assert films("Die Kamera führt José Luis Alcaine, wie so oft.") == []  # `Luis` is no genitive


def test_an_original_title_after_its_cue():
    assert "Kynodontas" in films("Der Durchbruch kam mit Nachtfähre (2009), im Original Kynodontas.")
    assert films("Original: Nu ploua niciodata la mare. Rumänien 2023.") == ["Nu ploua niciodata la mare"]
    assert films("Im Original leiht Tom Ellery dem Reiher seine Stimme.") == []
    assert films("Im Original Englisch, sonst nichts.") == []  # a language


def test_an_english_title_runs_over_its_function_words_and_stops_before_a_platform():
    assert films("Wer Filme wie Ute Klasens Serie Top of the Lake mag, ist hier richtig.") == ["Top of the Lake"]
    assert films("Ihre Empfehlung: die Serie Blood Sisters auf Netflix, eine Thrillerserie.") == ["Blood Sisters"]


def test_an_adverb_opening_the_sentence_is_not_part_of_a_title_before_a_year():
    assert films("Schon Kinetta (2005) aber zeigt die Handschrift.") == ["Kinetta"]


def test_an_adjective_put_first_is_no_title_said_to_be_a_film():
    assert films("Der Abend war lang. Komisch ist der Film vor allem, weil er niemanden schont.") == []
    assert films("Getragen wird der Film von seinen Laiendarstellern.") == []
    assert films("Trotzdem: Nachtfähre ist einer dieser kleinen Filme.") == ["Nachtfähre"]


def test_a_kicker_in_capitals_leaves_the_heading_to_the_next_line():
    text = ("TV-TIPP DES TAGES\n\nHarbour Lights\nArte, 20:15 Uhr · Drama, Schweden 1998 · 110 Min.\n\n"
            "Ein Drama über zwei Schwestern, die nach Jahren des Schweigens an die Küste zurückkehren, wo alles begann.\n"
            "Die Kamera bleibt dabei ruhig, die Musik leise, und am Ende weiß man mehr über sie als sie selbst.")
    a = analyse(text)
    assert films(text) == ["Harbour Lights"]
    assert a.subject == "Harbour Lights"


def test_a_tagline_after_a_colon_leaves_the_title_before_it():
    text = "Nordwind Zero: Wenn das Essen zur Glaubensfrage wird\n\nEin Film über Schule.\n\nNordwind Zero. AT 2023. 110 Min."
    assert films(text)[0] == "Nordwind Zero"
    assert films("Drei Farben: Blau\n\nDer Film „Drei Farben: Blau“ ist kühl.")[0] == "Drei Farben: Blau"


def test_a_noun_title_the_review_always_quotes_is_the_noun_when_bare():
    text = "Edgar Reitz hat in seiner «Heimat» viel erzählt. Was ist Heimat, wenn man geht?"
    assert films(text) == ["Heimat"]
    text = "Der Film „Systemsprenger“ ist laut. Systemsprenger bleibt lange im Kopf."
    assert films(text) == ["Systemsprenger", "Systemsprenger"]  # a sentence's first word: the title


def test_a_quoted_label_after_als_or_a_contracted_article_is_no_title():
    assert films("Der Abspann führt ihn nur als „Unseen Harbour Prisoner“.") == []
    assert films("Die Schulleitung geht zur „Null-Toleranz-Politik“ über.") == []
    assert films("Die Vorlage, die Biografie „Dark Prometheus“ von Tom Ellery, ist dick.") == []
    assert films("Der Film lief im Wettbewerbsprogramm «Encounters» in Berlin.") == []
    assert films("Sie mochte den Thriller „Nebelhafen“ sehr.") == ["Nebelhafen"]


def test_an_info_block_names_the_film_on_its_first_line():
    body = "Ein starker Film über zwei Schwestern an der Küste, die lange schweigen.\n\n"
    assert films(body + "Nordwind Zero. AT/DE 2023. 110 Min. Von Ilse Kowalczyk.") == ["Nordwind Zero"]
    assert films(body + "Der stille Hafen (The Quiet Harbour). GB 1949. Regie: Tom Ellery.") == [
        "Der stille Hafen", "The Quiet Harbour"]
    assert films(body + "Vasquinha\nItalien/Frankreich 2024 · R: Ute Klasen · 119 Min.") == ["Vasquinha"]
    assert films(body + "Ilse Marie Kowalczyk, BRD 1974 – Neuauflage") == []  # the director first
    assert films(body + "Regie Tom 2023 war gut.") == []  # no country


def test_a_heading_in_capitals_that_is_a_rubric_names_no_film():
    text = "NEU IM KINO\n\nDiese Woche: Intrigen im Vatikan und eine Hochzeit in den Bergen, dazu ein Winter im Dorf.\n\nMehr folgt."
    assert films(text) == []


def test_a_title_that_is_a_persons_surname_is_the_person_when_bare():
    text = ("Ute Klasen hat sich durch den Nachlass von Leni Brennwald gearbeitet. Ihr Dokumentarfilm „Brennwald“ zeigt "
            "eine Frau. Brennwald hat später alles bestritten.")
    a = analyse(text)
    assert [(m.surface, m.kind) for m in a.mentions if "Brennwald" in m.surface] == [
        ("Leni Brennwald", "person"), ("Brennwald", "film"), ("Brennwald", "person")]


def test_titles_in_capitals_in_prose_but_not_abbreviations_or_labels():
    text = "Die FBI-Agentin aus der USA erinnert an IT FOLLOWS, irgendwo zwischen NORDWIND und GRETEL & HANSEL."
    assert films(text) == ["IT FOLLOWS", "NORDWIND", "GRETEL & HANSEL"]
    assert films("AUTORIN: Ute Klasen schreibt das hier für uns alle.") == []
    assert films("Die FSK gibt ihn ab zwölf, der ZDF zeigt ihn spät.") == []
    assert films("Er schrieb \x1b]0;PWNED\x07 auf die Wand und ging dann weiter.") == []  # inside a control sequence


def test_an_english_title_after_a_work_noun_holds_a_given_name():
    text = "Es ist das Remake des koreanischen Films Save the Green Planet von Jang Joon-hwan."
    assert films(text) == ["Save the Green Planet"]


def test_the_original_title_after_a_dash_is_a_short_form_of_the_full_title():
    text = "Erwähnt\n\nDie Frau, die wartet – Nachtweg (Ute Klasen, 2010)\n\nIn Nachtweg geht es um Zwillinge."
    assert [(m.surface, m.name) for m in analyse(text).mentions if m.kind == "film"] == [
        ("Die Frau, die wartet – Nachtweg", "Die Frau, die wartet – Nachtweg"),
        ("Nachtweg", "Die Frau, die wartet – Nachtweg")]


def test_a_quoted_sentence_with_its_own_full_stop_is_no_title():
    text = "Ali sagt den Satz, der dem Film seinen Titel gab: „Angst haben Menschen nie.“ Sie mochte „Nebelhafen“."
    assert films(text) == ["Nebelhafen"]


def test_a_quotation_read_as_no_title_is_not_found_again_where_its_words_are_a_title():
    # the club in the story and the title; a sentence quoted with its own full stop
    story = "In „Club Nebel“ gründet eine Lehrerin einen Kreis. Die Schüler treten den „Club Nebel“ bei, bald hungern sie."
    assert [(m.surface, m.rule) for m in analyse(story).mentions if m.kind == "film"] == [("Club Nebel", "film.quoted")]
    said = "Der Film „Angst essen Seele auf“ ist alt. Sie sagt „Angst essen Seele auf.“ und lacht."
    assert len(films(said)) == 1
    # unquoted, the words are the title again
    assert len(films("Der Film „Angst essen Seele auf“ ist alt. Heute wirkt Angst essen Seele auf jung.")) == 2


def test_a_title_in_capitals_is_found_but_not_an_organisation_an_acronym_or_a_name():
    assert films("Zwischen SIEBEN und ZODIAC liegt für sie ein ganzes Jahrzehnt.") == ["SIEBEN", "ZODIAC"]
    assert films("Danach sah ich SCHREI und war den ganzen Abend entsetzt.") == ["SCHREI"]
    assert films("Die Organisation UNESCO hat den Ort geschützt, sagt sie.") == []  # organisation_acronyms.txt
    assert films("Der Film lief bei den BAFTA und gewann dort nichts.") == []
    assert films("Das war in der NSDAP so üblich, heißt es im Film.") == []  # no word begins `NS`
    assert films("Ein Bündnis wie die NATO hat das nicht gewollt, sagt er.") == []  # the lexicon's abbreviation
    # the review writes the word as a plain name elsewhere: a name, not a title
    assert films("Er arbeitet in Genf für MERIDIAN, seit Jahren. Meridian zahlt ihm gut.") == []
    assert films("Er arbeitet in Genf für MERIDIAN, seit Jahren, und es zahlt ihm gut.") == ["MERIDIAN"]


def test_capitals_in_a_credit_line_are_no_title():
    assert films("Produktion: KINOWELT, gedreht in den Bergen und mit viel Geduld") == []


def test_a_title_run_past_und_is_two_films_when_one_side_is_a_title_named_elsewhere():
    from archive.text import Known
    pair = "Er liegt zwischen Der graue Hafen und Das kalte Herz der Stadt."
    assert films("Der Film „Der graue Hafen“ ist neu. " + pair)[1:] == ["Der graue Hafen", "Das kalte Herz der Stadt"]
    archived = Known(films=frozenset({"Das kalte Herz der Stadt"}))
    assert [m.name for m in analyse(pair, archived).mentions] == ["Der graue Hafen", "Das kalte Herz der Stadt"]
    assert films(pair) == ["Der graue Hafen und Das kalte Herz der Stadt"]  # no evidence: left as it runs
    whole = Known(films=frozenset({"Der graue Hafen und Das kalte Herz der Stadt", "Der graue Hafen"}))
    assert [m.name for m in analyse(pair, whole).mentions] == ["Der graue Hafen und Das kalte Herz der Stadt"]


def test_a_noun_title_always_quoted_is_the_title_when_listed_with_another_film():
    known = "Der Film „Nachtfalter“ ist neu, „Der graue Hafen“ ist alt. "
    listed = films(known + "Irgendwo zwischen Nachtfalter und Der graue Hafen liegt er.")
    assert listed == ["Nachtfalter", "Der graue Hafen", "Nachtfalter", "Der graue Hafen"]
    assert films(known + "Irgendwo zwischen Nachtfalter und Libelle liegt er.") == ["Nachtfalter", "Der graue Hafen"]
    assert films(known + "Er sucht Nachtfalter und findet sie nicht.") == ["Nachtfalter", "Der graue Hafen"]  # the noun


def test_a_quotation_read_as_no_title_takes_no_title_from_the_archive_either():
    from archive.text import Known
    archived = Known(films=frozenset({"Club Nebel"}))
    assert [m.surface for m in analyse("Die Schüler treten dem „Club Nebel“ bei, bald hungern sie.", archived).mentions] == []
    assert [m.rule for m in analyse("Wie in „Club Nebel“ hungern sie.", archived).mentions] == ["film.quoted"]
    assert [m.kind for m in analyse("Die Schüler treten dem Club Nebel bei, bald hungern sie.", archived).mentions] == ["film"]


def test_a_bracket_after_a_quoted_title_holds_its_original_unless_it_is_a_remark():
    text = ("Sie spielte schon in „Ein stiller Morgen“ (Un matin tranquille) die Tochter, "
            "in „Nordwind“ (Vindar från norr) die Mutter.")
    assert films(text) == ["Ein stiller Morgen", "Un matin tranquille", "Nordwind", "Vindar från norr"]
    remarks = ("Er sah „Nordwind“ (Arte), „Das Boot“ (Director’s Cut), „Wellen“ (Polen), „Kai“ (Tom Ellery) "
               "und „Hafen“ (Ute Klasen in einem Kurzauftritt).")
    assert films(remarks) == ["Nordwind", "Das Boot", "Wellen", "Kai", "Hafen"]
    assert kinds(remarks).get("Tom Ellery") == "person"
