"""The Map section: the network drawn around the user (`page.MapPage`)."""
