package main

var actorsCommand = queryCommand(queryDoc{
	name:    "actors",
	core:    "who-is",
	limited: true,
	args:    "[NAME]",
	summary: "who an actor is, or every actor, most quoted first",
	about: `With NAME, who that person or organisation is across the stored articles:
kind, roles, other names, how many quotes, positions and events, the first
and last day seen, the stored names merged into one actor and by which
rule, and whom else the name could mean. Without NAME, every actor, most
quoted first. On Discord this is /who-is.`,
	example: `bot actors Trump`,
})
