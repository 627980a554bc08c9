"""Script writing: choose what to say, shape it into scenes, fit it to the clip."""
