"""archive serve: the archive in a browser, through Datasette."""

from __future__ import annotations

import errno
import socket

import click

INSTALL = "archive serve needs Datasette: pip install 'film-review-archive[serve]' (in the project folder: pip install '.[serve]')"


def port_free(host: str, port: int) -> str | None:
    """None if `host:port` can be listened on, else why not (one line)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"cannot listen on {host}: {exc.strerror}; give --host an address of this machine"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is in use; give another with --port"
            return f"cannot listen on {host}:{port}: {exc.strerror}"
    return None


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADDRESS",
              help="The address to listen on: 127.0.0.1 shows the archive to this machine only, 0.0.0.0 to "
                   "your whole network.")
@click.option("--port", "-p", type=click.IntRange(1, 65535), default=8001, show_default=True, metavar="PORT",
              help="The TCP port to listen on; one in use is refused with one line.")
@click.pass_obj
def command(db_path: str, host: str, port: int) -> None:
    """Browse the archive in a web browser (Datasette, read-only).

    Every review with its names marked and linked, a page per person, character and
    film with its mentions in context, full-text search, and canned queries: who is
    mentioned with whom, reviews of a person or film, the cast of a film, the most
    mentioned. Needs the serve extra: pip install 'film-review-archive[serve]'.

    The file is opened read-only, so `archive ingest` may add reviews meanwhile:
    they show on the next page load. Ctrl-C stops.

    \b
      archive serve                      http://127.0.0.1:8001/
      archive --db reviews.db serve --port 8080
    """
    try:
        import datasette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise click.ClickException(INSTALL) from None
    from archive.db import open_readonly, resolve_path
    from archive.site import serve
    from archive.terminal import visible

    path = resolve_path(db_path)
    open_readonly(path).close()  # refuses a missing or newer file; upgrades an older one first
    problem = port_free(host, port)
    if problem:
        raise click.ClickException(problem)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serving {visible(path)} at http://{shown}:{port}/ (read-only; Ctrl-C stops)", err=True)
    serve(path, host, port)
