"""The CSW side: handoff cases made from consented intakes, the queue, and the relay."""
