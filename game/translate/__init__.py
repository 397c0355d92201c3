"""Translation round trip for scenario content: texts to PO files and back into the YAML.

Headless (no Textual or Rich). `texts` finds the `{zh:, en:}` pairs with stable ids and positions,
`edit` changes single scalars of a file and nothing else, `po` exports, imports and reports.
"""
