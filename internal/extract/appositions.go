package extract

// The appositions and relative clauses that stand between a name and its
// cue: "Ann Lee, the foreign minister of Varnia, a member of the council,
// said", "Tom Ash, president of the teachers' union, which has 9,000
// members, said", "Rob Finch, of Springfield, Ill., said". The speaker is
// the name before the first comma, not the last description.

// maxAppositions bounds how many comma-delimited segments are skipped
// between a name and its cue.
const maxAppositions = 3

// relativeOpeners open a relative clause after a name or description.
var relativeOpeners = lex.Lemmas("relative-openers")

// nameBeforeAppositions walks left from the comma at j (the one before
// the cue) over apposition and relative-clause segments and returns the
// source naming the person or organisation before the first of them. It
// reports false when no segment was skipped or no registered name stands
// there.
func (d *doc) nameBeforeAppositions(s sentence, j int) (source, bool) {
	comma, skipped := j, 0
	for skipped < maxAppositions {
		p := d.commaBefore(s, comma)
		if p < 0 || !d.appositionSegment(p+1, comma, skipped) {
			break
		}
		comma, skipped = p, skipped+1
	}
	if skipped == 0 || comma-1 < s.lo || !d.toks[comma-1].capital {
		return source{}, false
	}
	lo, ok := d.npLeft(s.lo, comma)
	if !ok || !d.toks[lo].capital || d.reg.lookup(d, lo, comma) < 0 {
		return source{}, false
	}
	return source{lo: lo, hi: comma}, true
}

// commaBefore returns the comma that opens the segment ending at the
// comma at j, within 20 tokens and outside quotations, or -1.
func (d *doc) commaBefore(s sentence, j int) int {
	for p := j - 1; p >= s.lo && p > j-20; p-- {
		switch {
		case d.inQuote[p] >= 0 || d.toks[p].kind == tokQuote:
			return -1
		case d.toks[p].text == ",":
			return p
		}
	}
	return -1
}

// appositionSegment reports whether tokens lo..hi (between two commas)
// describe what stands before them: a description opening with an
// article ("the foreign minister of Varnia"), a lower-case title ("president
// of the union"), a place of origin ("of Springfield"), the state after
// a town ("Ill.", when the segment before opens with "of"), or a relative
// clause ("which represents teachers").
func (d *doc) appositionSegment(lo, hi, skipped int) bool {
	if lo >= hi {
		return false
	}
	first := &d.toks[lo]
	switch {
	case first.is("a", "an", "the") && hi-lo > 1:
		return true
	case relativeOpeners[first.lower]:
		return skipped == 0
	case first.is("of", "from") && hi-lo > 1 && d.toks[lo+1].capital:
		return true
	case !first.capital && first.kind == tokWord && isTitleWord(first.lower):
		return true
	case skipped == 0 && hi-lo <= 3 && first.capital:
		// "Springfield, Ill.,": a state after the town the segment before names
		p := d.commaBefore(d.sents[d.sentOf[lo]], lo-1)
		return p >= 0 && d.toks[p+1].is("of", "from")
	}
	return false
}
