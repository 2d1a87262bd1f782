package main

var whoSaidCommand = queryCommand(queryDoc{
	limited: true,
	name:    "who-said",
	args:    "[NAME]",
	summary: "what a person or organisation said, or who said words like a phrase",
	about: `Lists what NAME said across the stored articles — direct, indirect and
mixed quotes, with the speaker resolved from pronouns and titles ("he
added", "the minister") — newest first, each with its source article.
Without NAME, lists quotes from everyone that match the other flags.`,
	example: `bot who-said "Ilse Marek" --topic monitoring --since 2025-03-01`,
})
