"""Modal dialogs: event cards, the week's ledger, confirmations, help, loading a save."""
