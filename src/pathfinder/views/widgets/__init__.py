"""Small widgets shared by the sections."""
