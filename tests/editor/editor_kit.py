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
        return self.errors_of([text])[0]

    def errors_of(self, texts: list[str]) -> list[list[str]]:
        """errors() of each text, the texts open at once as separate documents: the server waits 200 ms after
        a document opens before validating it (yaml-language-server's validationDelayMs), and these waits
        then overlap instead of adding up."""
        uris = [self.uri() for _ in texts]
        for uri, text in zip(uris, texts):
            self.client.open(uri, without_modeline(text))
        found = [[d["message"] for d in self.client.diagnostics_of(uri) if d.get("severity", 1) == 1]
                 for uri in uris]
        for uri in uris:
            self.client.close_document(uri)
        return found

    def hover(self, text: str, line: int, character: int) -> str:
        return self.hovers(text, [(line, character)])[0]

    def hovers(self, text: str, places: list[tuple[int, int]]) -> list[str]:
        """The hover text at each 0-based (line, character) of `text`, opened once."""
        uri = self.uri()
        self.client.open(uri, without_modeline(text))
        self.client.diagnostics_of(uri)  # the document is parsed and its schema resolved
        try:
            return [self.client.hover(uri, line, character) for line, character in places]
        finally:
            self.client.close_document(uri)


def without_modeline(text: str) -> str:
    """The text with its `# yaml-language-server: $schema=...` line blanked: the settings map the schema here
    (a relative modeline would point nowhere from the test's document address). Lines keep their numbers."""
    return "\n".join("#" if line.startswith("# yaml-language-server:") else line for line in text.split("\n"))
