"""Speech: voices behind one Protocol, timings, loudness, the soundtrack, the audio summary."""
