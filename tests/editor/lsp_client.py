"""A minimal Language Server Protocol client over stdio, enough to drive yaml-language-server in tests.

It speaks JSON-RPC with Content-Length framing, answers the server's own requests (configuration,
capability registration) and collects published diagnostics by document URI.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

TIMEOUT_SECONDS = 60


class LspClient:
    """One running language server; use as a context manager so the process always ends."""

    def __init__(self, command: list[str], settings: dict, root: Path) -> None:
        self.settings = settings
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.responses: dict[int, queue.Queue] = {}
        self.diagnostics: dict[str, queue.Queue] = {}
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(), "workspaceFolders": None,
            "capabilities": {"workspace": {"configuration": True},
                             "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                                              "publishDiagnostics": {}}},
            "initializationOptions": settings,
        })
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def __enter__(self) -> LspClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.request("shutdown", None, timeout=10)
                self.notify("exit", None)
                self.process.wait(timeout=10)
            except (OSError, TimeoutError, subprocess.TimeoutExpired):
                self.process.kill()  # our own child: it is ours to end
                self.process.wait()

    # -- framing ---------------------------------------------------------------------------------
    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        with self.lock:
            assert self.process.stdin is not None
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            self._dispatch(message)

    def _dispatch(self, message: dict) -> None:
        if "id" in message and "method" in message:  # a request from the server
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": self._answer(message)})
        elif "id" in message:
            self.responses.setdefault(message["id"], queue.Queue()).put(message)
        elif message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            self.diagnostics.setdefault(params["uri"], queue.Queue()).put(params["diagnostics"])

    def _answer(self, message: dict) -> Any:
        if message["method"] == "workspace/configuration":
            items = message["params"]["items"]
            return [self.settings.get(item.get("section", ""), self.settings) if item.get("section") else self.settings
                    for item in items]
        return None

    # -- requests ----------------------------------------------------------------------------------
    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = TIMEOUT_SECONDS) -> Any:
        with self.lock:
            self.next_id += 1
            number = self.next_id
        box = self.responses.setdefault(number, queue.Queue())
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        try:
            message = box.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no answer to {method} within {timeout} s") from None
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message.get("result")

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.diagnostics.setdefault(uri, queue.Queue())
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": version,
                                                             "text": text}})

    def close_document(self, uri: str) -> None:
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    def diagnostics_of(self, uri: str, timeout: float = TIMEOUT_SECONDS) -> list[dict]:
        """The first diagnostics published for `uri` after it was opened."""
        try:
            return self.diagnostics.setdefault(uri, queue.Queue()).get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no diagnostics for {uri} within {timeout} s") from None

    def hover(self, uri: str, line: int, character: int) -> str:
        """The hover text at a 0-based position ('' when there is none)."""
        result = self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": line, "character": character}})
        if not result:
            return ""
        contents = result.get("contents")
        if isinstance(contents, dict):
            return contents.get("value", "")
        if isinstance(contents, list):
            return "\n".join(c if isinstance(c, str) else c.get("value", "") for c in contents)
        return contents or ""
