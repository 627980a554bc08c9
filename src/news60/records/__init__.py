"""The records news60 keeps on disk, typed: frozen dataclasses with a schema version, one reader
and one writer each, every path in them relative to the folder that holds the file, so a moved
or copied story folder works where it is.

codec     dataclasses to JSON data and back, by their type hints (old records read: missing
          fields take their defaults, unknown ones are left out)
manifest  a version's manifest.json: what was made, from what, its files and their checks
index     a story folder's manifest.json: its key, its versions, the producers' approvals
(story.json and a version's script.json: news60.script.storyfile; uploads.json: news60.publish.ledger)
"""
