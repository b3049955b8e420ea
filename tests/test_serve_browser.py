"""`archive serve` in a real browser: the test starts the server on a free loopback
port, waits until it answers, and drives headless Chromium (Debian's chromium and
chromium-driver, through selenium) as a visitor would: searching, reading a review
with its names marked, following a mention to its person.

Every wait is for a state (the server answers, the results are on the page), with a
generous deadline, never for a time: the machine may be loaded."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

DEADLINE = 120  # seconds: for the server to answer, for a page to show what it should

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Chromium is not installed here (apt-get install chromium chromium-driver; .ci/run does it as root)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start_server(db: str, log: Path) -> tuple[subprocess.Popen, str]:
    """`archive serve` on a free port, once it answers; another port if one was taken meanwhile."""
    for _ in range(5):
        port = free_port()
        out = log.open("w")
        process = subprocess.Popen([sys.executable, "-m", "archive", "--db", db, "serve", "--port", str(port)],
                                   stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        out.close()
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline and process.poll() is None:
            if answers(f"{base}/archive.json"):
                return process, base
            try:
                process.wait(timeout=0.2)  # the pause between two tries; ends at once if the server stopped
            except subprocess.TimeoutExpired:
                pass
        if process.poll() is None:
            stop(process)
            raise AssertionError(f"archive serve did not answer in {DEADLINE} s: {log.read_text()}")
        if "in use" not in log.read_text():
            raise AssertionError(f"archive serve stopped: {log.read_text()}")
    raise AssertionError("no free port found")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def served(built, tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    db = folder / "archive.db"
    shutil.copy(built.path, db)
    process, base = start_server(str(db), folder / "serve.log")
    try:
        yield base, built
    finally:
        stop(process)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1200,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    os.environ.setdefault("SE_AVOID_STATS", "true")  # selenium sends nothing anywhere
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(DEADLINE)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(browser, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, DEADLINE, poll_frequency=0.2).until(condition)


def by_css(selector: str):
    from selenium.webdriver.common.by import By

    return lambda driver: driver.find_elements(By.CSS_SELECTOR, selector)


def test_the_search_box_returns_ranked_hits_with_the_words_marked(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, archive = served
    browser.get(f"{base}/archive/search")
    box = wait_for(browser, by_css("input[name=q]"))[0]
    box.clear()
    box.send_keys("Gewalt* OR Liebe", Keys.ENTER)
    cells = wait_for(browser, by_css("td.col-snippet"))
    # by hand, on the search keys (docs/schema.md, sentence_stem): the stems of the words
    expected = archive.sql("""SELECT s.text FROM sentence_stem JOIN sentence s ON s.id = sentence_stem.rowid
                              WHERE sentence_stem MATCH '"gewalt"* OR "lieb"' ORDER BY bm25(sentence_stem)""")
    assert len(cells) == len(expected) >= 5
    for cell, (sentence,) in zip(cells, expected):  # best hit first, as bm25 ranks them
        assert " ".join(cell.text.split()) == " ".join(sentence.split())
        marks = [m.text for m in cell.find_elements(By.TAG_NAME, "mark")]
        assert marks and all(m.casefold().startswith(("gewalt", "lieb")) for m in marks)
        assert all(m.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
                   for m in cell.find_elements(By.TAG_NAME, "mark"))
    assert "Gewalt* OR Liebe" in browser.current_url.replace("%2A", "*").replace("+", " ")


def test_a_review_page_shows_its_names_marked(served, browser):
    base, archive = served
    review_id = archive.ids["sturm"]
    browser.get(f"{base}/-/review/{review_id}")
    marks = wait_for(browser, by_css(".review-text mark.entity"))
    expected = archive.sql("SELECT surface FROM mention WHERE review_id = ? ORDER BY start_char", (review_id,))
    assert [m.text for m in marks] == [s for (s,) in expected]
    assert "Sandra Hüller" in [m.text for m in marks]
    # marked as a visitor sees it: a background colour the plain text does not have
    text_background = browser.find_element("css selector", ".review-text").value_of_css_property("background-color")
    assert all(m.value_of_css_property("background-color") not in (text_background, "rgba(0, 0, 0, 0)")
               for m in marks)
    assert browser.find_element("css selector", ".review-text").text.strip() == archive.texts["sturm"].strip()


def test_a_mention_leads_to_its_person(served, browser):
    base, archive = served
    (person_id,) = archive.sql("SELECT id FROM person WHERE name = 'Sandra Hüller'")[0]
    browser.get(f"{base}/-/review/{archive.ids['ufer']}")
    mark = next(m for m in wait_for(browser, by_css(".review-text mark.entity a")) if m.text == "Sandra Hüller")
    mark.click()
    heading = wait_for(browser, lambda d: [h for h in d.find_elements("css selector", "h1")
                                           if h.text == "Sandra Hüller"])
    assert heading
    assert browser.current_url == f"{base}/-/person/{person_id}"
    contexts = browser.find_elements("css selector", "ul.in-context li")
    assert len(contexts) == archive.sql("SELECT count(*) FROM mention WHERE person_id = ?", (person_id,))[0][0]


def test_a_person_link_in_the_mention_table_leads_to_the_person(served, browser):
    base, archive = served
    (person_id,) = archive.sql("SELECT id FROM person WHERE name = 'Lars Eidinger'")[0]
    browser.get(f"{base}/archive/mention?person_id={person_id}")
    link = wait_for(browser, by_css("td.col-person_id a"))[0]
    assert link.text == "Lars Eidinger"  # the label column: a name, not a number
    link.click()
    wait_for(browser, lambda d: [h for h in d.find_elements("css selector", "h1") if h.text == "Lars Eidinger"])
    assert browser.current_url == f"{base}/-/person/{person_id}"
