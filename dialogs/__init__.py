"""The conversation: pure dialog logic (state + user input -> new state + messages + effects)."""
