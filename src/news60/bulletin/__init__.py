"""The day in 60 seconds: one bulletin clip and audio briefing from the day's top stories.

lineup    the SOURCEs listed (news60.sources, as batch reads them) and read in the editor's order,
          near-duplicates merged, the first N kept; unreadable ones noted
airing    what a news bulletin airs: dated stories within --max-age, news unless --include
segments  each story's kicker, headline, story units (the lead first) and best photo
fitting   the bulletin narrated and fitted to the minute: every lead, later stories trimmed first
timeline  the top story from the first frame, a slide per segment, the closing credits; chapters
briefing  the MP3 with ID3 chapters;  outputs  the bulletin's Kind for news60.outputs (chapters,
          briefing, script.json, description, manifest fields);  make  the whole job, through
          the one version step (news60.versions)
"""
