"""Domain logic over the store: what the sections do, with no Qt. Views call these."""
