"""The producer's desk: a local web app over the output folder, the same stories, versions,
reviews, uploads ledger and engine the commands use (no second store).

day       every story's status (failed, rendering, needs review, approved, rejected, published)
story     one version: clips, covers, script scene by scene with its trace, article, notes, history
notes     manifest notes worded and grouped for a producer;  edits  the fix form as a story.json
actions   render, publish and bulletin through the commands' own steps;  jobs  one at a time
security  token, CSRF and served-file checks;  gate  the middleware;  app  the routes;  server  start
Starlette, Jinja2 and uvicorn are imported only when the desk starts (the [desk] extra)."""
