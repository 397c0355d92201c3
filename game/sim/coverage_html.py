"""The coverage report as one self-contained HTML page (a Jinja2 template, autoescaped)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from game.sim.coverage import Coverage


def render_html(cover: Coverage, seed: int) -> str:
    """The page for `cover` (content texts are escaped, so a title cannot inject markup)."""
    env = Environment(loader=PackageLoader("game.sim", "templates"), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("coverage.html.j2").render(cover=cover, seed=seed)
