"""The facilitator's tools: the class report over many game records, handouts, the glossary and the guide.

Headless: imports neither Textual nor Rich (a test enforces it). Every number shown comes from replaying
a record through the engine (`game.engine.outcome`), never from the numbers a file carries, so a report
always shows the engine's current measures.
"""
