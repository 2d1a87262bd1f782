package main

var positionsCommand = queryCommand(queryDoc{
	limited: true,
	name:    "positions",
	args:    "[ACTOR]",
	summary: "where actors stand on topics, and how that changed over time",
	about: `Shows where ACTOR stands on each topic, as their own statements put it,
with the quotes that show it and the date of each article, so a change of
position over time is visible. Without ACTOR, every actor's positions.`,
	example: `bot positions "Tomas Brandt" --topic monitoring`,
})
