"""The Datasette plugin of `archive serve`: a page per review (its text with the
mentions marked and linked) and per person, character and film (its mentions in
context), and cells that link names to those pages."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

import markupsafe
from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response

from archive.site import pages
from archive.site.metadata import DATABASE

# Which page a column of ids leads to.
ID_PAGES = {"person_id": "person", "character_id": "character", "actor_id": "person", "film_id": "film",
            "review_id": "review"}
# A column of names or titles beside the column of ids it names, in a view or a query.
NAMED_BY = {"actor": "actor_id", "character": "character_id", "film": "film_id", "source": "review_id",
            "title": "review_id"}
# In the tables: the columns that name the row, and the page of the row.
ROW_NAMES = {"person": (("name",), "person"), "film": (("title",), "film"), "review": (("title", "source"), "review")}


def page_path(datasette, page: str, entity_id) -> str:
    return datasette.urls.path(f"/-/{page}/{entity_id}")


def link(datasette, page: str, entity_id, text) -> markupsafe.Markup:
    return markupsafe.Markup('<a href="{}">{}</a>').format(page_path(datasette, page, entity_id), text)


def marked(snippet: str) -> markupsafe.Markup:
    """A snippet with <mark> around the words found, everything else escaped."""
    escaped = str(markupsafe.escape(snippet))
    return markupsafe.Markup(escaped.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


def _get(row, key):
    try:
        return row[key]
    except (IndexError, KeyError):
        return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database != DATABASE or value is None:
        return None
    if isinstance(value, dict):  # a foreign key Datasette has labelled: link to the page, not the row
        page = ID_PAGES.get(column)
        if page is None:
            return None
        label = value.get("label")
        if not label and page == "review":  # a review without a title: its source
            return _review_by_source(datasette, value["value"])
        return markupsafe.Markup("{}&nbsp;<em>{}</em>").format(
            link(datasette, page, value["value"], label or value["value"]), value["value"])
    if column == "snippet" and isinstance(value, str):
        return marked(value)
    if table in ROW_NAMES:
        name_columns, page = ROW_NAMES[table]
        if column in name_columns and _get(row, "id") is not None:
            return link(datasette, page, _get(row, "id"), value)
        return None
    # views and queries: a name beside its id, and the ids themselves
    if column in ("name", "entity_id") and _get(row, "type") in ("person", "character", "film") \
            and _get(row, "entity_id") is not None:
        return link(datasette, _get(row, "type"), _get(row, "entity_id"), value)
    if column in NAMED_BY and _get(row, NAMED_BY[column]) is not None:
        return link(datasette, ID_PAGES[NAMED_BY[column]], _get(row, NAMED_BY[column]), value)
    if column in ID_PAGES and isinstance(value, int):
        return link(datasette, ID_PAGES[column], value, value)
    return None


async def _review_by_source(datasette, review_id) -> markupsafe.Markup:
    found = await datasette.get_database(DATABASE).execute("SELECT source FROM review WHERE id = ?", [review_id])
    label = found.rows[0][0] if found.rows else review_id
    return markupsafe.Markup("{}&nbsp;<em>{}</em>").format(link(datasette, "review", review_id, label), review_id)


async def _allowed(datasette, request, table: str) -> None:
    await datasette.ensure_permissions(request.actor, [("view-table", (DATABASE, table)),
                                                       ("view-database", DATABASE), "view-instance"])


def _page_id(request, kind: str) -> int:
    """The id in the page's URL; a 404 that names it when there is no such id (`abc`,
    or past SQLite's integers), not Datasette's "Database not found"."""
    given = request.url_vars["id"]
    if not given.isdigit() or not given.isascii() or int(given) > 2**63 - 1:
        raise NotFound(f"There is no {kind} {given}: the pages are /-/{kind}/ and a number")
    return int(given)


async def review_page(datasette, request):
    await _allowed(datasette, request, "review")
    review_id = _page_id(request, "review")
    data = await datasette.get_database(DATABASE).execute_fn(lambda conn: pages.review(conn, review_id))
    if data is None:
        raise NotFound(f"There is no review {review_id}")
    return Response.html(await datasette.render_template(
        "archive_review.html", {**data, "page": lambda p, i: page_path(datasette, p, i), "database": DATABASE},
        request=request))


async def entity_page(datasette, request):
    kind = request.url_vars["type"]
    table = "film" if kind == "film" else "person"
    await _allowed(datasette, request, table)
    entity_id = _page_id(request, kind)
    data = await datasette.get_database(DATABASE).execute_fn(lambda conn: pages.entity(conn, table, entity_id))
    if data is None:
        raise NotFound(f"There is no {kind} {entity_id}")
    if data["entity"]["type"] != kind:  # a person's id under /-/character/, or the other way round
        raise NotFound(f"There is no {kind} {entity_id}; {entity_id} is a {data['entity']['type']}:"
                       f" {page_path(datasette, data['entity']['type'], entity_id)}")
    return Response.html(await datasette.render_template(
        "archive_entity.html",
        {**data, "table": table, "page": lambda p, i: page_path(datasette, p, i), "database": DATABASE},
        request=request))


def archive_match(text: str) -> str | None:
    """The sentence_stem query for a search as `query sentences --text` takes it; NULL
    for a malformed one, which FTS5 then reports as a syntax error (an exception from
    here would only say "user-defined function raised exception", and log a traceback)."""
    from archive.search import SearchError, parse

    try:
        return parse(text).match
    except SearchError:
        return None


def archive_marked(text: str, highlighted: str | None, sentence: str) -> str:
    """The sentence with <mark> around the words the search found, as written."""
    from archive.search import SearchError, marked_spans, parse

    try:
        search = parse(text)  # read once per search, not once per row: parse keeps the last ones
    except SearchError:
        return sentence
    pieces, at = [], 0
    for start, end in marked_spans(search, highlighted, sentence):
        pieces += [sentence[at:start], "<mark>", sentence[start:end], "</mark>"]
        at = end
    return "".join(pieces + [sentence[at:]])


# The two searches, as a page or as data: /archive/search, /archive/search_exact.json, …
SEARCH_PATH = re.compile(rf"^/{DATABASE}/(?P<query>search|search_exact)(?:\.(?P<format>json|csv))?$")


def _asked(query_string: str) -> str:
    return parse_qs(query_string, keep_blank_values=True).get("q", [""])[0]


async def search_problem(datasette, query: str, text: str) -> str | None:
    """What `query sentences --text` would say of the search `text` (archive.search.problem)."""
    from archive.search import problem

    if not text:
        return None
    return await datasette.get_database(DATABASE).execute_fn(
        lambda conn: problem(conn, text, exact=query == "search_exact"))


@hookimpl
def asgi_wrapper(datasette):
    """A malformed search asked as JSON or CSV is refused before Datasette runs it, with
    status 400 and the archive's message: Datasette gave FTS5's raw error in JSON, and
    in CSV, whose rows it streams after the status, an empty page with status 200."""
    def wrap(app):
        async def checked(scope, receive, send):
            found = SEARCH_PATH.match(scope.get("path", "")) if scope["type"] == "http" else None
            if found and found["format"]:
                text = _asked(scope.get("query_string", b"").decode("utf-8", "replace"))
                message = await search_problem(datasette, found["query"], text)
                if message:
                    response = (Response.json({"ok": False, "error": message, "status": 400,
                                               "title": "Malformed search"}, status=400)
                                if found["format"] == "json" else Response.text(f"Error: {message}\n", status=400))
                    await response.asgi_send(send)
                    return
            await app(scope, receive, send)
        return checked
    return wrap


@hookimpl
def extra_template_vars(database, request, datasette):
    """On the search page, for a malformed search, the archive's message, not FTS5's
    (`fts5: syntax error near ""` for `"offen`), with Datasette's status 400."""
    found = SEARCH_PATH.match(request.path) if request is not None and database == DATABASE else None
    if not found or found["format"]:
        return {}

    async def message():
        problem = await search_problem(datasette, found["query"], _asked(request.query_string))
        return {"error": problem} if problem else {}
    return message


@hookimpl
def prepare_connection(conn):
    conn.create_function("archive_match", 1, archive_match, deterministic=True)
    conn.create_function("archive_marked", 3, archive_marked, deterministic=True)


@hookimpl
def register_facet_classes():
    from archive.site.facets import YearFacet

    return [YearFacet]


@hookimpl
def register_routes():
    return [
        (r"^/-/review/(?P<id>[^/]+)$", review_page),
        (r"^/-/(?P<type>person|character|film)/(?P<id>[^/]+)$", entity_page),
    ]
