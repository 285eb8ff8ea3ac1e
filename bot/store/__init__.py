"""The storage layer under everything else: engine and sessions, encryption, tables, the outbox, locks.

It lives in `bot/` because the top-level layout is fixed, but it imports nothing from the rest of
`bot/` or from `handoff/`: the webhook, the worker, the dialog's effects and the CSW side all stand on
it, and it stands on nothing of theirs.
"""
