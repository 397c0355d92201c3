// The websocket address comes from where the page was loaded (any machine of the room can join), unless
// the server was given --public-url; the terminal takes the keyboard as soon as it exists.
(function () {
  var terminal = document.getElementById("terminal");
  if (!terminal.dataset.sessionWebsocketUrl) {
    var url = new URL("ws", window.location.href);
    url.protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
    url.search = "";
    terminal.dataset.sessionWebsocketUrl = url.href;
  }
  var tries = 0;
  var focusTimer = setInterval(function () {
    var input = document.querySelector(".xterm-helper-textarea");
    tries += 1;
    if (input && document.body.classList.contains("-first-byte")) {
      input.focus();
      window.grassrootsFirstFrame = window.grassrootsFirstFrame || performance.now();
      if (document.activeElement === input) clearInterval(focusTimer);
    }
    if (tries > 600) clearInterval(focusTimer);
  }, 50);
})();
