package timex

// Tense cues a word gives to its sentence.
const (
	tenseNone   int8 = 0
	tensePast   int8 = 1
	tenseFuture int8 = 2
)

// Relative day words.
const (
	relToday = iota + 1
	relTonight
	relYesterday
	relTomorrow
)

// Calendar units.
const (
	unitDay = iota + 1
	unitWeek
	unitWeekend
	unitMonth
	unitYear
	unitDecade
	unitQuarter
	unitNight
)

// Modifiers in front of a calendar word.
const (
	modLast = iota + 1
	modThis
	modNext
	modPast
	modComing
	modPrevious
	modFollowing
	modSame
	modThat
	modEarly
	modLate
	modMid
	modEarlier
	modLater
)

// lexEntry is what the tagger knows about one lower-case word. A word may
// play several roles ("fall" is a season and a verb; "last" a modifier).
type lexEntry struct {
	word         string
	month        int  // 1..12
	monthStrict  bool // needs a day, year or preposition next to it ("May", "March", "Jan")
	abbrev       bool // "Jan", "Sept": a month only next to a day or a year
	weekday      int  // time.Weekday + 1
	rel          int
	partOfDay    string // TIMEX3 part of day: MO, AF, EV, NI
	unit         int
	season       string // SP, SU, FA, WI
	mod          int
	ordinal      int // first..fourth, final (=4) for quarters
	count        int // number words: "a" and "an" count 1
	yearCue      bool
	countNoun    bool // a word after a number that makes it a count, not a year
	timeZone     bool
	fiscal       bool
	anchorCut    bool // words after "the day"/"the week" that make it non-deictic
	plural       bool // "days", "years": a count of units, never a point in time alone
	namesWeekday bool // "Black" in "Black Monday": a named day, not a date to resolve
	// notYearBefore marks words after which a four-digit number is an
	// identifier, not a year ("Flight 1549", "No. 1984").
	notYearBefore bool
	// holiday is the holiday a name opening with this word may give
	// ("Christmas", "New" in "New Year's Day").
	holiday int
	tense   int8
}

var lexicon = buildLexicon()

func buildLexicon() map[string]*lexEntry {
	lex := lexBuilder{}
	lex.calendarWords()
	lex.cueWords()
	lex.tenseWords()
	return lex
}

// lexBuilder collects the entries while the lexicon is built.
type lexBuilder map[string]*lexEntry

// get returns the entry of w, made empty when it is new.
func (lex lexBuilder) get(w string) *lexEntry {
	e, ok := lex[w]
	if !ok {
		e = &lexEntry{word: w}
		lex[w] = e
	}
	return e
}

// calendarWords are months, weekdays, relative days, parts of the day,
// units, seasons, modifiers, ordinals and counts.
func (lex lexBuilder) calendarWords() {
	get := lex.get
	months := []struct {
		names  []string
		strict []string
	}{
		{[]string{"january"}, []string{"jan"}},
		{[]string{"february"}, []string{"feb"}},
		{nil, []string{"march", "mar"}},
		{[]string{"april"}, []string{"apr"}},
		{nil, []string{"may"}},
		{[]string{"june"}, []string{"jun"}},
		{[]string{"july"}, []string{"jul"}},
		{nil, []string{"august", "aug"}},
		{[]string{"september"}, []string{"sep", "sept"}},
		{[]string{"october"}, []string{"oct"}},
		{[]string{"november"}, []string{"nov"}},
		{[]string{"december"}, []string{"dec"}},
	}
	for i, m := range months {
		for _, w := range m.names {
			get(w).month = i + 1
		}
		for _, w := range m.strict {
			e := get(w)
			e.month, e.monthStrict = i+1, true
			e.abbrev = w != "may" && w != "march" && w != "august"
		}
	}
	for i, w := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		get(w).weekday = i + 1
	}
	for w, r := range map[string]int{"today": relToday, "tonight": relTonight, "yesterday": relYesterday, "tomorrow": relTomorrow} {
		get(w).rel = r
	}
	for w, p := range map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"} {
		get(w).partOfDay = p
	}
	for w, u := range map[string]int{"day": unitDay, "week": unitWeek, "weekend": unitWeekend, "month": unitMonth,
		"year": unitYear, "decade": unitDecade, "quarter": unitQuarter, "night": unitNight} {
		get(w).unit = u
	}
	for w, s := range map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"} {
		get(w).season = s
	}
	for w, m := range map[string]int{"last": modLast, "this": modThis, "next": modNext, "past": modPast,
		"coming": modComing, "previous": modPrevious, "prior": modPrevious, "current": modThis, "following": modFollowing, "same": modSame, "that": modThat,
		"early": modEarly, "late": modLate, "mid": modMid, "earlier": modEarlier, "later": modLater} {
		get(w).mod = m
	}
	for w, n := range map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4} {
		get(w).ordinal = n
	}
	for w, n := range map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
		"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "several": -1, "few": -1} {
		get(w).count = n
	}
}

// cueWords are the words patterns look at around an expression: year
// cues, count nouns, time zones, plural units, function words, words that
// are no year's ("flight 2025"), named weekdays, holidays, fiscal years,
// anchor cuts.
func (lex lexBuilder) cueWords() {
	get := lex.get
	for _, w := range []string{"in", "since", "by", "of", "until", "till", "from", "during", "before", "after",
		"early", "late", "mid", "around", "circa", "between", "through", "throughout", "to", "and", "or", "year",
		"summer", "spring", "autumn", "fall", "winter", "end", "beginning", "start", "middle", "as", "back", "on",
		"for"} {
		get(w).yearCue = true
	}
	for _, w := range []string{"people", "persons", "police", "troops", "soldiers", "staff", "km", "kilometres",
		"kilometers", "miles", "metres", "meters", "feet", "ft", "tons", "tonnes", "dollars", "euros", "pounds",
		"yuan", "rupees", "votes", "cases", "deaths", "homes", "houses", "jobs", "workers", "members", "students",
		"children", "residents", "civilians", "refugees", "cars", "vehicles", "units", "barrels", "acres",
		"hectares", "hours", "minutes", "seconds", "days", "weeks", "months", "years", "points", "kg", "mg", "mph",
		"percent", "per", "times", "pages", "copies", "signatures", "participants", "delegates", "officers",
		"protesters", "men", "women", "m", "g", "cc", "hp", "bc", "ad", "bce", "ce", "calories", "square", "cubic",
		"degrees", "beds", "seats", "flights", "employees", "patients", "infections", "victims", "meter", "metre",
		"mile", "kilometer", "kilometre", "kilometres", "strong", "plus", "more", "fewer", "million", "billion"} {
		get(w).countNoun = true
	}
	for _, w := range []string{"utc", "gmt", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest", "eet",
		"eest", "ist", "jst", "aest", "et", "pt", "msk", "local"} {
		get(w).timeZone = true
	}
	for _, w := range []string{"days", "weeks", "months", "years", "decades"} {
		e := get(w)
		e.unit, e.plural = get(w[:len(w)-1]).unit, true
	}
	// Function words the patterns test for; an entry makes them cheap to compare.
	for _, w := range []string{"the", "into", "at", "ago", "on", "in", "of", "end", "beginning", "start", "middle",
		"am", "pm", "a", "p", "m", "q", "no", "number", "flight", "route", "page", "room", "model", "article",
		"section", "chapter", "resolution", "highway", "interstate", "channel", "version", "over", "during", "since",
		"each", "every", "per", "s", "than", "t", "before", "after", "and", "or", "to", "until", "through", "by",
		"from", "between", "this", "half", "rest", "set", "have", "is", "are", "am", "black", "cyber", "super", "good",
		"ash", "bloody", "easter", "palm", "holy", "maundy", "shrove", "giving", "period", "time", "century"} {
		get(w)
	}
	for _, w := range []string{"no", "number", "flight", "route", "page", "room", "model", "article", "section",
		"chapter", "resolution", "highway", "interstate", "channel", "version", "bus", "boeing", "airbus",
		"windows", "iphone", "unit", "code", "act"} {
		get(w).notYearBefore = true
	}
	// Named days built on a weekday: "Black Monday", "Super Tuesday".
	for _, w := range []string{"black", "cyber", "super", "good", "ash", "bloody", "easter", "palm", "holy",
		"maundy", "shrove", "giving"} {
		get(w).namesWeekday = true
	}
	for w, h := range holidayWords {
		get(w).holiday = h
	}
	for _, w := range []string{"eve", "july", "sunday", "monday", "s", "be", "being"} {
		get(w)
	}
	for _, w := range []string{"fiscal", "fy", "financial"} {
		get(w).fiscal = true
	}
	for _, w := range []string{"of", "before", "after", "when", "that", "which", "in", "to", "leading", "ending",
		"following", "prior", "we", "i", "they", "he", "she", "ahead"} {
		get(w).anchorCut = true
	}
}

// tenseWords give a sentence its tense: future and past cues, and -ed
// words that are no past tense.
func (lex lexBuilder) tenseWords() {
	get := lex.get
	for _, w := range []string{"will", "ll", "shall", "expected", "expects", "expect", "due", "scheduled", "slated",
		"plans", "plan", "planned", "planning", "intends", "intend", "aims", "upcoming", "tomorrow", "next",
		"coming", "going", "forthcoming", "would", "should", "could", "might", "may", "must", "can", "wants", "want",
		"hopes", "hope", "seeks", "aim",
		// The present of a timetable: "the trial begins Monday".
		"begins", "starts", "opens", "resumes", "reconvenes", "convenes", "expires", "meets", "arrives",
		"departs", "visits", "faces"} {
		get(w).tense = tenseFuture
	}
	for _, w := range []string{"was", "were", "had", "did", "said", "told", "came", "went", "met", "held", "took",
		"made", "gave", "began", "left", "won", "lost", "fell", "rose", "hit", "struck", "saw", "got", "ran",
		"sent", "spoke", "wrote", "became", "brought", "bought", "caught", "fought", "thought", "found", "kept",
		"led", "paid", "shot", "stood", "withdrew", "woke", "ago", "yesterday", "last", "earlier", "previous",
		"knew", "grew", "drew", "threw", "flew", "fled", "felt", "heard", "meant", "broke", "chose", "spent",
		"sought", "taught", "wore", "ate", "rang", "sang", "sank", "swore", "tore", "hung", "lay", "sat",
		"built", "dealt", "lit", "quit", "slid", "split", "spread", "burst", "cast", "cut", "hurt", "let", "shut",
		"forgot", "froze", "hid", "rode", "stole", "stuck", "swept", "wept", "overnight", "past",
		"laid", "arose", "awoke", "bore", "beat", "bent", "bit", "blew", "bled", "bred", "clung", "crept", "dug",
		"dove", "drank", "drove", "fed", "flung", "forbade", "forgave", "ground", "knelt", "leapt", "lent",
		"shook", "shone", "shrank", "slept", "slung", "sped", "spun", "spat", "sprang", "stung",
		"strode", "strove", "swam", "swung", "understood", "wove", "wound", "sold", "died",
		"occurred", "ended", "dismissed"} {
		get(w).tense = tensePast
	}
	// -ed words that are not past tense verbs.
	for _, w := range []string{"need", "speed", "seed", "feed", "indeed", "hundred", "proceed", "exceed",
		"succeed", "breed", "weed", "deed", "creed", "greed", "embed", "naked", "wicked", "sacred", "kindred",
		"hatred", "bed", "red", "shed", "wed", "united", "limited", "aged", "based", "alleged", "supposed"} {
		e := get(w)
		if e.tense == tensePast {
			e.tense = tenseNone
		}
	}
	get("expected").tense = tenseFuture
	get("scheduled").tense = tenseFuture
	get("planned").tense = tenseFuture
}
