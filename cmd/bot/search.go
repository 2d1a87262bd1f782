package main

var searchCommand = queryCommand(queryDoc{
	limited: true,
	name:    "search",
	args:    "WORDS...",
	summary: "full-text search over sentences and quotes",
	about: `Full-text search over the sentences and quotes of the stored articles.
WORDS are plain words (no query syntax); results show the matching
snippet, the speaker for quotes and the source article.`,
	example: `bot search filling schedule`,
})
