"""What an author's editor says about a text: a thin layer over the language server client."""

from __future__ import annotations

from lsp_client import LspClient


class Editor:
    """What an author's editor says about a YAML text, with the project's schema mapped to every file."""

    def __init__(self, client: LspClient) -> None:
        self.client = client
        self.count = 0

    def uri(self) -> str:
        self.count += 1
        return f"file:///grassroots-editor-test/doc{self.count}.yaml"

    def errors(self, text: str) -> list[str]:
        """The error diagnostics (severity 1) for `text` opened as a content file."""
        uri = self.uri()
        self.client.open(uri, without_modeline(text))
        found = [d["message"] for d in self.client.diagnostics_of(uri) if d.get("severity", 1) == 1]
        self.client.close_document(uri)
        return found

    def hover(self, text: str, line: int, character: int) -> str:
        uri = self.uri()
        self.client.open(uri, without_modeline(text))
        self.client.diagnostics_of(uri)  # the document is parsed and its schema resolved
        try:
            return self.client.hover(uri, line, character)
        finally:
            self.client.close_document(uri)


def without_modeline(text: str) -> str:
    """The text with its `# yaml-language-server: $schema=...` line blanked: the settings map the schema here
    (a relative modeline would point nowhere from the test's document address). Lines keep their numbers."""
    return "\n".join("#" if line.startswith("# yaml-language-server:") else line for line in text.split("\n"))
