package extract

// The attribution rules: every quote the extractor finds records the one
// that made it (briefbot.Quote.Rule), and `bot extract --explain FILE`
// prints them, so a wrong quote leads to its rule in one step. A new rule
// is a name here and the stage that applies it (quotes.go: direct
// quotations, reported.go: reported speech, according.go: "according
// to").
const (
	// Direct quotations (quotes.go).
	ruleDirectCueBefore   = "direct.cue-before"   // `X said “…”`, `X said on Friday “…”`, `X told reporters “…”`
	ruleDirectColon       = "direct.colon"        // `X said: “…”`
	ruleDirectParticiple  = "direct.participle"   // `…, saying “…”`
	ruleDirectInverted    = "direct.inverted"     // `“…,” said X`
	ruleDirectAccordingTo = "direct.according-to" // `“…”, according to X`
	ruleDirectCueAfter    = "direct.cue-after"    // `“…,” X said`
	ruleDirectContinued   = "direct.continued"    // `“A,” he said, “B.”`: B is his too
	ruleDirectPrevQuote   = "direct.prev-quote"   // a bare quotation after a quote in the same paragraph
	ruleDirectPrevSpeech  = "direct.prev-speech"  // a bare quotation after a sentence that reports speech
	ruleDirectColonAbove  = "direct.colon-above"  // a paragraph that opens with a quotation after `X said:`

	// Reported speech (reported.go), in the order reported tries them.
	ruleReportedInvertedTrailing = "reported.inverted-trailing" // `…, said the mayor.`
	ruleReportedPassiveBy        = "reported.passive-by"        // `X was announced on Friday by Y`
	ruleReportedDirective        = "reported.directive"         // `urged the embassy to reconsider`
	ruleReportedTrailing         = "reported.trailing"          // `…, he said.`
	ruleReportedParenthetical    = "reported.parenthetical"     // `A, the statement said, B`
	ruleReportedParticipial      = "reported.participial"       // `…, saying …`
	ruleReportedInfinitive       = "reported.infinitive"        // `vowed to appeal`
	ruleReportedObject           = "reported.object"            // `criticized the move`
	ruleReportedClause           = "reported.clause"            // `X said (that) …`
	ruleReportedAndThat          = "reported.and-that"          // `X said that A and that B`: B

	// "According to" and "Per" (according.go).
	ruleAccordingTo = "according-to" // `According to X, …`, `…, according to X.`
	rulePer         = "per"          // `Per the decree, …`
)
