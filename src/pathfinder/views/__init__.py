"""The Qt layer: windows, sections, dialogs and widgets. Views translate only."""
