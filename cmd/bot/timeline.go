package main

var timelineCommand = queryCommand(queryDoc{
	limited: true,
	name:    "timeline",
	args:    "[TOPIC]",
	summary: "dated events across the articles in calendar order",
	about: `Prints the dated events of the stored articles in calendar order (only
those about TOPIC when given), merged across the articles that report them.
Relative dates ("on Tuesday", "last March", "next week") are resolved
against each article's publication date; events from articles without a
date are listed apart, unresolved.`,
	example: `bot timeline --actor "Tomas Brandt" --from 2025-03 --articles examples/articles`,
})
