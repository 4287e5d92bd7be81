"""Articles in the formats people have (web pages, Word, PDF) turned into Markdown text for
the core importer. This layer holds the third-party parsers so `core` stays pure Python."""
