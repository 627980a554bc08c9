"""Video: theme, timeline planning, slide drawing and the renderer (frames piped to ffmpeg)."""
