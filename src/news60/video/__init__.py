"""Video: theme, timeline planning, slide drawing and the moviepy renderer."""
