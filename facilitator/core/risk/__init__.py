"""One risk screen for every path: `check`, the importer, the word cloud, the open-text
queue and the results report all ask `screen.screen(text)` whether a text names suicide,
self-harm or wanting to die, so they can never disagree about a wording."""
