"""Titles as franchises write them: a sequel's number, a colon's subtitle, a list of
films under a heading. Invented sentences only."""

from analysed import kinds


def test_a_sequels_number_belongs_to_the_title_found_again():
    found = kinds("Die Nachtmahr-Reihe begann 2004. Nachtmahr III war schwächer, "
                  "Nachtmahr 2 dagegen der beste Teil.")
    assert {("Nachtmahr III", "film"), ("Nachtmahr 2", "film")} <= found
    assert ("Nachtmahr", "film") in found  # in the series compound


def test_a_number_before_a_noun_or_a_lone_I_is_no_sequel():
    found = kinds("Der Film Nachtmahr kam 2004. Nach Nachtmahr 2 Jahre Pause, dann Nachtmahr I.")
    assert ("Nachtmahr 2", "film") not in found and ("Nachtmahr I", "film") not in found


def test_a_subtitle_after_a_colon_or_a_dash_belongs_to_the_title():
    found = kinds("Nach dem Film Sternfall: Die Rückkehr kam der Film Nordlicht – Die Jagd.")
    assert {("Sternfall: Die Rückkehr", "film"), ("Nordlicht – Die Jagd", "film")} <= found


def test_a_list_under_a_films_heading_is_a_list_of_titles_but_not_under_another_heading():
    found = kinds("Ein Fazit.\n\nWEITERE FILME\nDer Nachtzug · Stille Wasser · Ein Tag im Mai (2001)")
    assert {("Der Nachtzug", "film"), ("Stille Wasser", "film"), ("Ein Tag im Mai", "film")} <= found
    assert not any(kind == "film" for _, kind in kinds("Ein Fazit.\n\nWEITERE TERMINE\nStille Wasser · Ein Tag im Mai"))
