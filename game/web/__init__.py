"""Browser play for a workshop room (`grassroots serve`): one game process per browser tab, served with
textual-serve's page protocol from an aiohttp server. Needs the optional extra `web`.

Only `server`, `child` and `cdp` import aiohttp or textual-serve; `classroom` is plain Python."""
