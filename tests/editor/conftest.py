"""The real yaml-language-server, installed from npm when missing and started once for the editor tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from editor_kit import Editor
from lsp_client import LspClient
from yls_install import install

from game.cli.cmd_schema import schema


@pytest.fixture(scope="session")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    try:
        command = install()
    except RuntimeError as err:
        pytest.fail(str(err))
    folder = tmp_path_factory.mktemp("schema")
    schema_file = folder / "scenario.schema.json"
    schema_file.write_text(json.dumps(schema(), ensure_ascii=False), encoding="utf-8")
    settings = {"yaml": {"validate": True, "hover": True, "completion": True, "yamlVersion": "1.2",
                         "schemas": {schema_file.as_uri(): "*.yaml"}}}
    with LspClient(command, settings, Path(folder)) as client:
        editor = Editor(client)
        # the schema is fetched on first use: wait until a known slip is flagged before comparing anything
        assert editor.errors("meters:\n  - {id: m, label: L, start: 1, colour: red}\n")
        yield editor
