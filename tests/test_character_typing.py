"""Person or character, and characters no actor introduces: the cues and the
arbitration between them (GUIDELINES.md). Invented sentences only."""

from archive.text import analyse
from analysed import kinds



def test_a_title_with_its_maker_and_year_in_brackets_is_a_film_not_a_part():
    found = kinds("Erwähnt werden:\n\nNordlicht (Greta Lindholm, 2014)\nDie stille Bucht (Tom Ellery, 2019)\n\n"
                  "Wer Nordlicht mag, mag auch das.")
    assert ("Nordlicht", "film") in found and ("Greta Lindholm", "person") in found
    assert not any(kind == "character" for _, kind in found)


def test_an_actor_in_brackets_without_a_year_still_makes_a_character():
    found = kinds("Im Haus wohnt Mira (Ute Klasen, 28) mit ihrem Hund.")
    assert ("Mira", "character") in found and ("Ute Klasen", "person") in found


def test_figures_the_review_calls_historical_are_persons():
    text = ("In Rom ermitteln zwei Männer. Tom Ellery spielt Aurelio Fanti, Ute Klasen die Gräfin Ada Lindqvist.\n\n"
            "Beide Hauptfiguren sind übrigens historische Persönlichkeiten. Später flieht Fanti allein.")
    found = kinds(text)
    assert ("Aurelio Fanti", "person") in found and ("Ada Lindqvist", "person") in found
    assert ("Fanti", "person") in found  # the surname alone is the same real man
    assert not any(kind == "character" for _, kind in found)


def test_figures_said_not_to_be_historical_or_only_modelled_on_one_stay_characters():
    for said in ("Beide sind keine historischen Figuren.", "Aurelio Fanti ist an eine reale Person angelehnt."):
        found = kinds("Tom Ellery spielt Aurelio Fanti, einen Schmuggler. " + said)
        assert ("Aurelio Fanti", "character") in found, said


def test_a_dated_death_in_the_past_tense_makes_a_figure_real_and_the_present_tense_does_not():
    past = kinds("Ute Klasen ist als Fluchthelferin Hanna Sarnow, die 1944 in Berlin hingerichtet wurde, zu sehen. "
                 "Tom Ellery spielt ihren Mann Jakob Sarnow.")
    assert ("Hanna Sarnow", "person") in past and ("Jakob Sarnow", "person") in past  # her family too
    present = kinds("Ute Klasen ist als Fluchthelferin Hanna Sarnow, die 1944 in Berlin verhaftet wird, zu sehen.")
    assert ("Hanna Sarnow", "character") in present


def test_nicknames_and_cover_names_are_characters():
    found = kinds("Sein Freund, den alle nur Kobo nennen, schweigt. Sie nennt ihren Retter nur Pim, und er lacht. "
                  "In Oslo lebt er unter dem Decknamen Varek.")
    assert {("Kobo", "character"), ("Pim", "character"), ("Varek", "character")} <= found


def test_what_is_only_called_by_a_noun_is_no_nickname():
    found = kinds("Was alle nur Kino nennen, ist hier Theater. Man nennt ihn den deutschen Spielberg.")
    assert not any(kind == "character" for _, kind in found)


def test_both_names_of_a_part_joined_by_a_slash_in_a_cast_list_are_the_characters():
    analysis = analyse("Mit: Pit (Tom Ellery), Kara Vogt / Nachtfalke (Ute Klasen), Jonas Haase (Lena Kurz)\n\n"
                       "Kara Vogt lacht.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert ("Kara Vogt", "character") in found and ("Kara Vogt", "person") not in found
    assert {(r.character, r.actor) for r in analysis.roles} >= {("Kara Vogt", "Ute Klasen"), ("Nachtfalke", "Ute Klasen")}


def test_a_unit_after_a_number_never_recurs_as_a_figure():
    text = ("Drei Filme der Woche\n\nNordlicht\nR: Greta Lindholm · 120 Min.\n\nKobo wartet. Kobo lacht. Dann geht Kobo.\n\n"
            "Südwind\nR: Tom Ellery · 98 Min.\n\nEs regnet.\n\nWestwind\nR: Ute Klasen · 101 Min.\n\nEs schneit.")
    found = kinds(text)
    assert ("Kobo", "character") in found  # a lone name that recurs is still a figure
    assert not any(surface == "Min" for surface, _ in found)


def test_a_crew_credit_outweighs_a_noun_that_made_the_name_a_figure():
    found = kinds("Die Journalistin Greta Lindholm hat den Nachlass gesichtet.\n\n"
                  "Regie: Tom Ellery. Produktion: Greta Lindholm. 98 Minuten.")
    assert ("Greta Lindholm", "person") in found and ("Greta Lindholm", "character") not in found


def test_an_actor_named_like_the_part_stays_a_person():
    analysis = analyse("Julia Kurz und Tom Ellery spielen die Eltern Julia und Tobias. Julia schweigt.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert ("Julia Kurz", "person") in found and ("Julia Kurz", "character") not in found
    assert ("Julia", "character") in found


def test_a_part_with_its_actor_stays_a_character_though_a_credit_names_it():
    found = kinds("Mit: Tom Ellery (Jonas Haase), Ute Klasen (Mira Olt)\n\nJonas Haase, ein Bäcker, lacht.")
    assert ("Jonas Haase", "character") in found and ("Jonas Haase", "person") not in found


def test_the_real_one_beside_the_part_makes_the_figure_a_person():
    text = ("Ute Klasen spielt Vera Lind als eine, die nie Nein sagt. Vera Lind lacht.\n\n"
            "Die echte Vera Lind, inzwischen über siebzig, hat den Film gesehen.")
    found = kinds(text)
    assert ("Vera Lind", "person") in found and ("Vera Lind", "character") not in found


def test_an_animal_with_a_name_is_a_character_and_the_noun_alone_is_none():
    found = kinds("Mit ihnen zieht der dreibeinige Hund Baldo. Baldo bellt. Später kauft sie einen Esel.")
    assert ("Baldo", "character") in found
    assert not any(surface == "Esel" for surface, _ in found)


def test_lone_given_names_a_story_gives_are_characters():
    found = kinds("Sie überzeugt die ehrgeizige Elsa und den stillen Fred. Sie sucht den Vater. Er heißt Jonah, "
                  "und er ist Fischer. Das Küken schlüpft, und sie nennt es Pipo.")
    assert {("Elsa", "character"), ("Fred", "character"), ("Jonah", "character"), ("Pipo", "character")} <= found


def test_given_names_that_are_nouns_or_full_names_after_adjectives_are_no_figures():
    found = kinds("Sie schreibt an ihrem neuen Roman. Der Regisseur heißt Tom Ellery. Die großartige Ute Klasen spielt.")
    assert not any(surface == "Roman" for surface, _ in found)
    assert ("Tom Ellery", "person") in found and ("Ute Klasen", "person") in found


def test_names_listed_after_a_plural_kin_noun_are_characters_but_film_making_brothers_are_not():
    found = kinds("Ihre Schwestern Ada und Flavia sehen zu. Die Zwillinge Jeanne und Simon reisen. "
                  "Die Brüder Tom und Jonas Ellery drehen seit Jahren zusammen.")
    assert {("Ada", "character"), ("Flavia", "character"), ("Jeanne", "character"), ("Simon", "character")} <= found
    assert ("Jonas Ellery", "character") not in found and ("Tom", "character") not in found


def test_a_form_of_address_stays_out_of_the_span():
    analysis = analyse("Bei der Beerdigung trifft er auf Major Brzęczyk (Tom Ellery) von der Polizei. "
                       "Nebenan wohnt Herr Olt, ein Journalist.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert ("Brzęczyk", "character") in found and ("Olt", "character") in found
    assert not any(surface.startswith(("Major", "Herr")) for surface, _ in found)


def test_a_part_after_a_full_name_and_als_needs_no_given_name():
    analysis = analyse("Dazu Tom Ellery als Brzęczyk, Ute Klasen als strenge Dr. Haase. Tom Ellery als Regisseur ist "
                       "besser, Ute Klasen als Berlinerin auch.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert ("Brzęczyk", "character") in found and ("Haase", "character") in found
    assert {(r.character, r.actor) for r in analysis.roles} == {("Brzęczyk", "Tom Ellery"), ("Haase", "Ute Klasen")}


def test_actors_and_parts_alternating_with_als_and_und():
    analysis = analyse("In kleinen Rollen sind Ute Klasen als Irene und Tom Ellery als gutmütiger Fahrer Cesar zu sehen.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert ("Tom Ellery", "person") in found and ("Tom Ellery", "character") not in found
    assert {(r.character, r.actor) for r in analysis.roles} == {("Irene", "Ute Klasen"), ("Cesar", "Tom Ellery")}


def test_a_full_name_then_a_given_name_alone_in_brackets_is_actor_then_part():
    analysis = analyse("In den Rückblenden sieht man Tom Ellery (Jonas) und Ute Klasen (Mira).")
    assert {(r.character, r.actor) for r in analysis.roles} == {("Jonas", "Tom Ellery"), ("Mira", "Ute Klasen")}


def test_a_part_no_lexicon_knows_after_ist_als_when_it_is_seen_or_heard():
    analysis = analyse("Die Sängerin Mioko ist als Himari zu hören. Ute Klasen ist als Zorrax die beste Besetzung. "
                       "Der Film ist als Stream erhältlich.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert ("Himari", "character") in found and ("Zorrax", "character") in found
    assert not any(surface == "Stream" for surface, _ in found)


def test_an_everyday_noun_after_a_contracted_article_makes_a_figure():
    found = kinds("Der Film erzählt vom Kohlenhändler Jonas Brenning, der friert.")
    assert ("Jonas Brenning", "character") in found


def test_someone_of_a_named_figure_is_no_name_but_the_figure_is():
    found = kinds("Ute Klasen hat als Jonas Vermieterin einen Auftritt. Tom Ellery spielt Liisa, Ansas Kollegin "
                  "und Freundin, mit Witz.")
    assert ("Jonas", "character") in found
    assert not any(" " in surface and surface.split(" ")[0] in ("Jonas", "Ansas") for surface, _ in found)


def test_a_figure_the_critic_calls_invented_is_a_character():
    found = kinds("Dann spricht Tom Olt, ein erfundener Musikkritiker, in die Kamera. Olt lacht.")
    assert ("Tom Olt", "character") in found and ("Tom Olt", "person") not in found


def test_an_actor_with_initials_a_suffix_or_particles_in_brackets_still_makes_the_part():
    for actor in ("N. T. Tama Veer Jr.", "J. K. Holmstad", "Pit Arnold jr.", "Tom Ellery Sr., 40",
                  "Ute Maria von Klasen", "Lena Maria de la Vega"):
        text = f"Im Dorf kämpft Komar Tesh ({actor}) gegen die Händler. Später flieht Komar Tesh allein."
        found = kinds(text)
        assert ("Komar Tesh", "character") in found, actor
        assert ("Komar Tesh", "person") not in found, actor  # the second pass spreads the right type
        name = actor.split(",")[0]
        assert (name, "person") in found, actor


def test_a_place_after_a_particle_in_brackets_is_no_part_of_the_actor_name():
    found = kinds("Im Dorf lebt Mira (Ute Klasen aus Berlin) mit ihrem Hund.")
    assert ("Ute Klasen aus Berlin", "person") not in found


def test_twins_named_with_their_surname_and_no_owner_are_real_siblings():
    for text in ("Die Musik stammt von den Zwillingen Ben und Jonas Kroll.",
                 "Die Zwillinge Mara und Lisa Rott spielen die Schwestern."):
        assert not any(kind == "character" for _, kind in kinds(text)), text
    found = kinds("Ihre Zwillinge Mara und Lisa Rott sehen zu. Die Zwillinge Jeanne und Simon reisen.")
    assert {("Mara", "character"), ("Lisa Rott", "character"), ("Jeanne", "character"), ("Simon", "character")} <= found


def test_a_credit_line_opening_mit_without_a_colon_lists_actors_first():
    analysis = analyse("Heute im Kino.\n\nMit Tom Ellery (Jonas Haase), Ute Klasen (Mira), Lena Kurz.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert {("Tom Ellery", "person"), ("Jonas Haase", "character"), ("Mira", "character")} <= found
    assert {(r.character, r.actor) for r in analysis.roles} >= {("Jonas Haase", "Tom Ellery"), ("Mira", "Ute Klasen")}


def test_mit_before_one_bracket_in_prose_is_no_credit_line():
    found = kinds("Mit Kommissarin Brenning (Ute Klasen) im Wald beginnt es.")
    assert ("Ute Klasen", "person") in found and ("Ute Klasen", "character") not in found


def test_a_cast_list_leaves_out_a_rank_and_takes_an_actor_with_an_initial_whole():
    analysis = analyse("Regie: Greta Lindholm.\n\nMit: Tom Ellery (Prof. Jonas Haase), Walter B. Brenning (Kurt Olt), "
                       "Ute Klasen (Mira Olt).")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert {("Jonas Haase", "character"), ("Walter B. Brenning", "person"), ("Kurt Olt", "character")} <= found
    assert not any(surface.startswith("Prof") for surface, _ in found)
    assert ("Kurt Olt", "Walter B. Brenning") in {(r.character, r.actor) for r in analysis.roles}


def test_a_bracket_pair_turns_round_when_the_review_credits_the_name_taken_for_the_part():
    analysis = analyse("Buch: Greta Lindholm, Tom Ellery.\n\nAm Ende sieht man Tom Ellery (Jonas Haase) im Regen.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert ("Tom Ellery", "person") in found and ("Tom Ellery", "character") not in found
    assert ("Jonas Haase", "character") in found
    assert [(r.character, r.actor) for r in analysis.roles] == [("Jonas Haase", "Tom Ellery")]


def test_a_bracket_pair_the_review_says_nothing_else_of_keeps_the_part_first():
    analysis = analyse("Am Ende sieht man Jonas Haase (Tom Ellery) im Regen.")
    assert [(r.character, r.actor) for r in analysis.roles] == [("Jonas Haase", "Tom Ellery")]


def test_a_list_turns_round_as_a_whole_when_one_entry_is_contradicted():
    analysis = analyse("Tom Ellery spielt den Schmuggler Jonas Haase.\n\n"
                       "Im Kino: Tom Ellery (Jonas Haase), Ute Klasen (Mira Olt).")
    assert {(r.character, r.actor) for r in analysis.roles} == {("Jonas Haase", "Tom Ellery"), ("Mira Olt", "Ute Klasen")}


def test_a_surname_in_brackets_after_a_full_name_is_the_actor_when_the_review_names_that_person():
    found = kinds("Es gibt Tom Ellery. Kurt Haase (Ellery) will fliehen, und Haase schafft es.")
    assert {("Kurt Haase", "character"), ("Ellery", "person"), ("Haase", "character")} <= found
    assert not any(kind == "film" for _, kind in found)
    title_read = kinds("Es gibt Tom Zandor. Kurt Haase (Zandor) will fliehen.")
    assert {("Kurt Haase", "character"), ("Zandor", "person")} <= title_read
    titles = kinds("Es gibt Tom Ellery. Dass Julia Brandt (Hidden Harbour) hier überzeugt, freut uns.")
    assert ("Hidden Harbour", "film") in titles and ("Julia Brandt", "person") in titles


def test_a_given_name_a_part_holds_in_full_makes_no_other_full_name_of_it_a_part():
    found = kinds("Mit Kurt Ellery hat dieser Otto nichts zu tun. Dann kommt Otto Haase (Tom Ellery). Otto lacht. "
                  "Otto weint. Mit Otto Waalkes hat er nichts zu tun.")
    assert ("Otto Waalkes", "person") in found and ("Otto Haase", "character") in found
    assert ("Otto Waalkes", "character") not in found


def test_a_play_verb_with_a_pronoun_subject_plays_the_name_right_after_it():
    found = kinds("In „Nordlicht“ spielt er Kjell Brzęczyk, einen Fallensteller.")
    assert ("Kjell Brzęczyk", "character") in found
    beside = kinds("In „Nordlicht“ spielt er neben Tom Ellery einen Arzt.")
    assert ("Tom Ellery", "person") in beside and ("Tom Ellery", "character") not in beside


def test_an_accusative_apposition_after_a_play_verb_makes_its_name_the_part():
    found = kinds("Ellery spielt Maro Zandek, einen jungen Heimatarmisten, der zu spät kommt.")
    assert ("Maro Zandek", "character") in found
    assert ("Maro Zandek", "character") not in kinds("Ellery spielt Maro Zandek zuliebe Klavier.")


def test_two_full_names_that_share_a_surname_are_no_evidence_for_each_other():
    analysis = analyse("Jürgen Dietrich, gespielt von Franziska Ziegler, kommt dazu. "
                       "Dann kommt Wolfgang Haase (Olivier Dietrich) ins Spiel.")
    assert ("Wolfgang Haase", "Olivier Dietrich") in {(r.character, r.actor) for r in analysis.roles}


def test_the_people_a_documentary_films_are_persons_though_a_kin_noun_names_them():
    doc = kinds("Ein stiller Dokumentarfilm aus Polen. Greta Lindholm hat ihren Grossvater Kjell Brzęczyk gefilmt, "
                "einen alten Bergmann. Seine Schwester Wibbe kocht.")
    assert {("Kjell Brzęczyk", "person"), ("Wibbe", "person")} <= doc
    fiction = kinds("Ein stilles Drama aus Polen. Greta Lindholm erzählt von ihrem Grossvater Kjell Brzęczyk, "
                    "einem alten Bergmann. Seine Schwester Wibbe kocht.")
    assert {("Kjell Brzęczyk", "character"), ("Wibbe", "character")} <= fiction


def test_a_documentary_review_in_which_someone_is_played_keeps_its_figures():
    found = kinds("Ein Dokumentarfilm über das Kino. Darin ist auch Wibbe (Ute Klasen) zu sehen, "
                  "und seine Schwester Mira kocht.")
    assert {("Wibbe", "character"), ("Mira", "character")} <= found


def test_the_other_name_of_a_part_joined_by_alias_is_the_part_too():
    analysis = analyse("Worum geht es? Kurt Zandek alias Zorrax (Tom Ellery, wer sonst) verkauft Autos. "
                       "Reginald Dwight alias Elton John singt.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert {("Kurt Zandek", "character"), ("Zorrax", "character"), ("Tom Ellery", "person")} <= found
    assert {("Reginald Dwight", "person"), ("Elton John", "person")} <= found
    assert ("Kurt Zandek", "Tom Ellery") in {(r.character, r.actor) for r in analysis.roles}


def test_an_adverb_before_a_play_verb_is_no_subject_so_the_name_after_it_plays():
    for text in ("Damals spielte Ute Klasen in einem Kurzfilm.", "Später spielt Ute Klasen in Wien Theater.",
                 "Zuletzt verkörperte Ute Klasen eine Ärztin."):
        found = kinds(text)
        assert ("Ute Klasen", "person") in found and ("Ute Klasen", "character") not in found, text


def test_stellt_plays_only_with_dar_and_a_genitive_owner_in_the_object_is_no_part():
    found = kinds("Der Film spielt zwischen Tag und Nacht und stellt Lena Varek (Ute Klasen) ins Zentrum.")
    assert ("Lena Varek", "character") in found and ("Ute Klasen", "person") in found
    assert ("Anna Zandek", "character") in kinds("Tom Ellery stellt Anna Zandek mit großer Ruhe dar.")
    found = kinds("Tom Ellery spielt in Jonas Bergs Komödie einen Hotelerben.")
    assert ("Jonas Bergs", "person") in found and ("Jonas Bergs", "character") not in found


def test_a_note_in_a_cast_lists_brackets_is_no_part():
    found = kinds("Ein Film.\n\nMit: Tom Ellery (Jonas Haase), Jenna Davis (Stimme), Ute Klasen (Mira)")
    assert {("Jonas Haase", "character"), ("Mira", "character"), ("Jenna Davis", "person")} <= found
    assert not any(surface == "Stimme" for surface, _ in found)


def test_a_full_name_bearing_the_surname_of_a_part_is_of_its_family_in_the_story():
    found = kinds("Rosa Kellmann (Ute Klasen) sucht seit einem Jahr. Gefunden wird ein Foto, auf dem Jule Kellmann lacht.")
    assert ("Jule Kellmann", "character") in found and ("Ute Klasen", "person") in found
    found = kinds("Rosa Kellmann (Ute Klasen) sucht seit einem Jahr. Gedreht hat Ute Klasen in Köln, mit Tom Ellery.")
    assert ("Tom Ellery", "person") in found


def test_a_name_in_brackets_that_the_review_credits_is_the_actor_of_the_name_before():
    text = "Mit: Orvila Banyatsch, Tom Ellery\n\nSeine Partnerin Kira Sahl (Orvila Banyatsch), die ermittelt, zögert."
    found = kinds(text)
    assert ("Kira Sahl", "character") in found and ("Orvila Banyatsch", "person") in found
    assert not any(kind == "film" for _, kind in found)


def test_a_surname_after_a_play_verb_and_an_article_is_the_part_and_its_full_name_too():
    text = "Im Büro herrscht Ewald Kralowitz. Tom Ellery spielt den Kralowitz mit Schnauzbart, und Kralowitz lügt."
    found = kinds(text)
    assert ("Kralowitz", "character") in found and ("Ewald Kralowitz", "character") in found
    assert ("Tom Ellery", "person") in found
    assert ("Rolle", "character") not in kinds("Tom Ellery spielt die Rolle mit Schnauzbart.")


def test_a_makers_genitive_before_a_work_noun_in_a_play_verbs_object_is_no_part():
    found = kinds("Tom Ellery spielt in Ewald Kranichs Komödie „Hotel“ einen Erben.")
    assert ("Ewald Kranichs", "person") in found
    assert not any(kind == "character" for _, kind in found)


def test_a_cast_label_on_a_line_of_its_own_makes_each_line_below_actor_then_part():
    analysis = analyse("Ein Fazit.\n\nDarsteller:\nUte Klasen (Mira Brenning)\n- Jördis Haase (Kara Vogt)\n\n"
                       "Paul Lorenz (Tom Ellery) lacht am Ende.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert {("Ute Klasen", "person"), ("Mira Brenning", "character"),
            ("Jördis Haase", "person"), ("Kara Vogt", "character")} <= found
    assert {(r.character, r.actor) for r in analysis.roles} >= {("Mira Brenning", "Ute Klasen"), ("Kara Vogt", "Jördis Haase")}
    assert {("Paul Lorenz", "character"), ("Tom Ellery", "person")} <= found  # prose after the list: part first


def test_the_tv_guide_shorthand_d_lists_the_cast_actor_first():
    analysis = analyse("Nordlicht\nKrimi, D 2023. R: Greta Lindholm. D: Ute Klasen (Mira Brenning), Tom Ellery (Pit Lorenz).\n\n"
                       "Mira Brenning ermittelt.")
    found = {(m.surface, m.kind) for m in analysis.mentions}
    assert {("Greta Lindholm", "person"), ("Ute Klasen", "person"), ("Tom Ellery", "person")} <= found
    assert ("Mira Brenning", "character") in found and ("Mira Brenning", "person") not in found
    assert {(r.character, r.actor) for r in analysis.roles} >= {("Mira Brenning", "Ute Klasen"), ("Pit Lorenz", "Tom Ellery")}


def test_a_given_name_that_recurs_as_a_part_does_not_turn_round_an_actress_of_that_surname():
    found = kinds("Der Student Konrad Vestergaard kommt im Sommer an. Dort warten die Schwester Venetia (Ute Konrad), "
                  "die nachts im Garten liegt, und der Cousin Farleigh (Tom Ellery), der alles durchschaut.\n\n"
                  "Lena Kurz spielt Konrad mit kalter Ruhe.")
    assert {("Ute Konrad", "person"), ("Tom Ellery", "person"), ("Venetia", "character"), ("Farleigh", "character")} <= found
    assert ("Ute Konrad", "character") not in found and ("Tom Ellery", "character") not in found


def test_a_noun_alone_before_the_actors_full_name_in_brackets_is_a_code_name():
    text = ("Sie nennen einander nur bei Decknamen. Pfau (Tom Ellery) ist der Kopf der Bande. "
            "Elster (Ute Klasen Fischer) knackt Tresore, und Funk (Jonas Haase) filmt alles. "
            "Kamera (Mira Kurz) ist grandios, und Mutter (Ilse Obradović) kocht.")
    a = analyse(text)
    found = {(m.surface, m.kind) for m in a.mentions}
    assert {("Pfau", "character"), ("Elster", "character"), ("Funk", "character"),
            ("Ute Klasen Fischer", "person"), ("Jonas Haase", "person")} <= found
    assert ("Kamera", "character") not in found and ("Mutter", "character") not in found
    assert {(r.character, r.actor) for r in a.roles} >= {("Elster", "Ute Klasen Fischer"), ("Funk", "Jonas Haase")}
