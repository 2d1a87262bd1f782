package main

var sourcesCommand = queryCommand(queryDoc{
	name:    "sources",
	summary: "the stored articles with their dates, files and counts",
	about: `Lists the stored articles: title, publication date, files (duplicates
share one entry) and how many quotes and events were found in each.`,
	example: `bot sources --db /tmp/briefbot.db`,
})
