package extract

// documentNouns name a text that speaks for whoever issued it.
var documentNouns = lex.Lemmas("document-nouns")

// issuer finds who issued the document a source names: "X’s statement",
// "a statement from X", or, going back a few sentences, the sentence that
// introduced the document ("X issued a statement"), else the last speaker.
func (r *resolver) issuer(src source) (string, int, bool) {
	d := r.d
	head := d.toks[src.hi-1].lower
	// possessive inside the phrase: "the WHO’s situation report"
	for k := src.hi - 2; k > src.lo; k-- {
		if isPossessive(&d.toks[k]) {
			return r.resolveNamed(source{lo: src.lo, hi: k})
		}
	}
	if name, id, ok := r.issuedBy(src.hi); ok {
		return name, id, true
	}
	// the sentence that introduced the document
	si := d.sentOf[src.lo]
	for back := si; back >= 0 && back >= si-3; back-- {
		s := d.sents[back]
		hi := s.hi
		if back == si {
			hi = src.lo
		}
		for k := hi - 1; k >= s.lo; k-- {
			if d.toks[k].lower != head || d.inQuote[k] >= 0 {
				continue
			}
			if name, id, ok := r.issuedBy(k + 1); ok {
				return name, id, true
			}
			if k > s.lo && isPossessive(&d.toks[k-1]) {
				if lo, ok := d.npLeft(s.lo, k-1); ok {
					return r.resolveNamed(source{lo: lo, hi: k - 1})
				}
			}
			if main, ok := d.mainSubject(s); ok && main.hi <= k && !documentNouns[d.toks[main.hi-1].lower] {
				return r.resolveNamed(main)
			}
		}
	}
	if r.lastName != "" {
		return r.lastName, r.lastSpeaker, true
	}
	return "", -1, false
}

// issuedBy reads "from X" / "by X" / "of X" right after a document noun.
func (r *resolver) issuedBy(k int) (string, int, bool) {
	d := r.d
	if k+1 >= len(d.toks) || !d.toks[k].is("from", "by", "of", "released", "issued") {
		return "", -1, false
	}
	k++
	if d.toks[k].is("by") {
		k++
	}
	s := d.sents[d.sentOf[k-1]]
	e := k
	for e < s.hi && e < k+8 && d.toks[e].kind == tokWord && (d.toks[e].capital || determiners[d.toks[e].lower] || d.toks[e].is("of", "for", "on", "and") && e+1 < s.hi && d.toks[e+1].capital) {
		e++
	}
	if e == k || !d.toks[e-1].capital {
		return "", -1, false
	}
	return r.resolveNamed(source{lo: k, hi: e})
}

// resolveNamed resolves a non-pronoun phrase to a registered entity or
// keeps it as written.
func (r *resolver) resolveNamed(src source) (string, int, bool) {
	d := r.d
	if src.hi <= src.lo {
		return "", -1, false
	}
	if src.hi-src.lo == 1 && subjectPronouns[d.toks[src.lo].lower] {
		name, id := r.resolve(src)
		return name, id, true
	}
	name, id := r.resolve(src)
	return name, id, true
}
