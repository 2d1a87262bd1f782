package extract

// Word lists are small on purpose: they encode how English news prose names
// people and attributes speech, not the vocabulary of any one story.

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// speechVerbs maps every inflected form of a reporting verb to its lemma.
var speechVerbs = func() map[string]string {
	m := map[string]string{}
	add := func(lemma string, forms ...string) {
		m[lemma] = lemma
		for _, f := range forms {
			m[f] = lemma
		}
	}
	add("say", "said", "says", "saying")
	add("tell", "told", "tells", "telling")
	add("add", "added", "adds", "adding")
	add("write", "wrote", "writes", "writing", "written")
	add("state", "stated", "states", "stating")
	add("claim", "claimed", "claims", "claiming")
	add("announce", "announced", "announces", "announcing")
	add("ask", "asked", "asks", "asking")
	add("argue", "argued", "argues", "arguing")
	add("insist", "insisted", "insists", "insisting")
	add("warn", "warned", "warns", "warning")
	add("note", "noted", "notes", "noting")
	add("explain", "explained", "explains", "explaining")
	add("respond", "responded", "responds", "responding")
	add("reply", "replied", "replies", "replying")
	add("tweet", "tweeted", "tweets", "tweeting")
	add("post", "posted", "posts", "posting")
	add("declare", "declared", "declares", "declaring")
	add("deny", "denied", "denies", "denying")
	add("confirm", "confirmed", "confirms", "confirming")
	add("suggest", "suggested", "suggests", "suggesting")
	add("report", "reported", "reports", "reporting")
	add("call", "called", "calls", "calling")
	add("describe", "described", "describes", "describing")
	add("admit", "admitted", "admits", "admitting")
	add("acknowledge", "acknowledged", "acknowledges", "acknowledging")
	add("promise", "promised", "promises", "promising")
	add("vow", "vowed", "vows", "vowing")
	add("urge", "urged", "urges", "urging")
	add("testify", "testified", "testifies", "testifying")
	add("remark", "remarked", "remarks", "remarking")
	add("comment", "commented", "comments", "commenting")
	add("recall", "recalled", "recalls", "recalling")
	add("predict", "predicted", "predicts", "predicting")
	add("contend", "contended", "contends", "contending")
	add("maintain", "maintained", "maintains", "maintaining")
	add("stress", "stressed", "stresses", "stressing")
	add("emphasize", "emphasized", "emphasizes", "emphasizing", "emphasise", "emphasised", "emphasises", "emphasising")
	add("continue", "continued", "continues")
	add("conclude", "concluded", "concludes", "concluding")
	add("joke", "joked", "jokes", "joking")
	add("complain", "complained", "complains", "complaining")
	add("boast", "boasted", "boasts", "boasting")
	add("concede", "conceded", "concedes", "conceding")
	add("allege", "alleged", "alleges", "alleging")
	add("reiterate", "reiterated", "reiterates", "reiterating")
	add("indicate", "indicated", "indicates", "indicating")
	add("underline", "underlined", "underlines", "underlining")
	add("question", "questioned", "questions", "questioning")
	add("reveal", "revealed", "reveals", "revealing")
	add("estimate", "estimated", "estimates", "estimating")
	add("observe", "observed", "observes", "observing")
	add("assert", "asserted", "asserts", "asserting")
	add("counter", "countered", "counters", "countering")
	add("pledge", "pledged", "pledges", "pledging")
	add("threaten", "threatened", "threatens", "threatening")
	add("advise", "advised", "advises", "advising")
	add("caution", "cautioned", "cautions", "cautioning")
	add("demand", "demanded", "demands", "demanding")
	add("mention", "mentioned", "mentions", "mentioning")
	add("disclose", "disclosed", "discloses", "disclosing")
	add("inform", "informed", "informs", "informing")
	add("accuse", "accused", "accuses", "accusing")
	add("criticize", "criticized", "criticizes", "criticizing", "criticise", "criticised", "criticises", "criticising")
	add("condemn", "condemned", "condemns", "condemning")
	add("praise", "praised", "praises", "praising")
	add("characterize", "characterized", "characterizes", "characterizing", "characterise", "characterised")
	add("cite", "cited", "cites", "citing")
	add("express", "expressed", "expresses", "expressing")
	add("speak", "spoke", "speaks", "speaking")
	add("signal", "signaled", "signalled", "signals")
	add("propose", "proposed", "proposes", "proposing")
	add("recommend", "recommended", "recommends", "recommending")
	add("reaffirm", "reaffirmed", "reaffirms", "reaffirming")
	add("agree", "agreed", "agrees")
	add("hint", "hinted", "hints")
	add("brief", "briefed")
	add("quip", "quipped")
	add("shout", "shouted")
	add("read", "reads")
	add("find", "found", "finds", "finding")
	add("rule", "ruled", "rules")
	add("encourage", "encouraged", "encourages", "encouraging")
	add("invite", "invited", "invites", "inviting")
	add("instruct", "instructed", "instructs", "instructing")
	add("order", "ordered", "orders")
	add("implore", "implored", "implores", "imploring")
	add("press", "pressed", "presses")
	add("hail", "hailed", "hails", "hailing")
	add("blame", "blamed", "blames", "blaming")
	add("denounce", "denounced", "denounces", "denouncing")
	add("decry", "decried", "decries", "decrying")
	add("lambaste", "lambasted", "lambastes", "lambasting")
	add("applaud", "applauded", "applauds", "applauding")
	add("commend", "commended", "commends", "commending")
	add("reassert", "reasserted", "reasserts", "reasserting")
	add("retort", "retorted", "retorts")
	add("elaborate", "elaborated", "elaborates")
	add("specify", "specified", "specifies")
	add("assure", "assured", "assures", "assuring")
	// Verbs whose bare and -s forms are mostly nouns ("the attack",
	// "attacks killed"): only the past tense and the participle cue.
	verbOnly := func(lemma string, forms ...string) {
		for _, f := range forms {
			m[f] = lemma
		}
	}
	verbOnly("attack", "attacked")
	verbOnly("slam", "slammed", "slamming")
	verbOnly("blast", "blasted", "blasting")
	verbOnly("defend", "defended", "defending")
	verbOnly("accept", "accepted")
	verbOnly("reject", "rejected", "rejecting")
	verbOnly("welcome", "welcomed", "welcoming")
	verbOnly("dismiss", "dismissed", "dismissing")
	verbOnly("identify", "identified")
	verbOnly("thank", "thanked", "thanking")
	verbOnly("credit", "credited", "crediting")
	verbOnly("voice", "voiced", "voicing")
	add("accord", "according")
	return m
}()

// objectContentCues report an evaluation or announcement whose content may
// be a noun phrase rather than a clause: "criticized the move",
// "questioned his authority to act", "expressed disappointment".
var objectContentCues = setOf("criticize", "condemn", "praise", "question", "attack", "hail", "thank",
	"credit", "blame", "accuse", "express", "voice", "reassert", "reaffirm", "reiterate", "deny",
	"announce", "denounce", "decry", "lambaste", "slam", "blast", "applaud", "commend", "welcome",
	"reject", "dismiss", "defend", "accept", "describe", "characterize", "identify", "confirm",
	"reveal", "propose", "recommend", "demand", "pledge", "predict", "estimate", "cite")

// stanceOnlyCues have a common physical sense ("attacked the town",
// "accepted the parcel"); they report speech only when their object is a
// stance or a statement, or when they label it "as" something.
var stanceOnlyCues = setOf("attack", "slam", "blast", "defend", "accept", "reject", "welcome", "dismiss",
	"identify", "describe", "characterize")

// stanceObjects are nouns that make an evaluative verb a speech act:
// "defended his decision", "accepted responsibility".
var stanceObjects = setOf("decision", "decisions", "move", "moves", "plan", "plans", "proposal", "proposals",
	"claim", "claims", "allegation", "allegations", "accusation", "accusations", "charge", "charges",
	"report", "reports", "remarks", "comments", "statement", "statements", "policy", "policies", "bill",
	"law", "ruling", "verdict", "deal", "agreement", "idea", "announcement", "investigation", "inquiry",
	"probe", "responsibility", "blame", "criticism", "call", "calls", "request", "demand", "demands",
	"measure", "measures", "approach", "strategy", "order", "action", "actions", "vote",
	"result", "results", "election", "judgment", "judgement", "sanctions", "proclamation", "step",
	"steps", "initiative", "record", "handling", "response", "conduct", "findings", "suggestion",
	"notion", "premise", "argument", "arguments", "narrative", "characterization", "assertion",
	"assertions", "reports", "stories", "story", "speculation", "rumors", "rumours", "theory", "legislation",
	"resolution", "treaty", "accord", "ceasefire", "truce", "nomination", "appointment", "choice",
	"tweet", "tweets", "post", "posts", "speech", "letter", "apology", "resignation",
	"impeachment", "indictment", "subpoena", "lawsuit", "suit", "case", "pardon", "veto", "budget", "tariffs",
	"cuts", "reforms", "reform", "changes", "change")

// weakCues are reporting verbs with common non-speech senses; they count only
// with a clear complement (a that-clause, a quotation or a colon).
var weakCues = setOf("ask", "call", "continue", "post", "find", "rule", "read", "speak", "agree", "signal",
	"brief", "maintain", "counter", "observe", "express", "praise", "accuse", "respond", "reply", "comment",
	"describe", "characterize", "recall", "promise", "threaten", "inform", "encourage", "invite", "instruct",
	"order", "implore", "press")

// auxiliaries and adverbs that sit between a speaker and the cue verb and
// belong to the cue as written ("has long said", "later wrote").
var cueModifiers = setOf("has", "have", "had", "also", "later", "further", "long", "previously", "then",
	"again", "repeatedly", "recently", "once", "earlier", "reportedly", "publicly", "separately",
	"did", "does", "do", "often", "privately", "subsequently", "initially", "first", "originally",
	"already", "openly", "explicitly", "frequently", "loudly", "quickly", "simply", "flatly", "firmly",
	"clearly", "strongly", "directly", "himself", "herself")

var pronounGender = map[string]string{"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

var subjectPronouns = setOf("he", "she", "they", "it", "we", "i", "you")

// determiners that can open a source noun phrase.
var determiners = setOf("the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those",
	"one", "two", "three", "several", "some", "many", "other", "another", "our", "my", "your", "both", "each",
	"most", "few", "all", "no")

// words that cannot be inside a source noun phrase; they bound it.
var npBreakers = setOf("and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "when", "while",
	"as", "after", "before", "because", "if", "since", "than", "though", "although", "unless", "until",
	"is", "was", "were", "are", "be", "been", "being", "am", "in", "on", "at", "with", "by", "from", "into",
	"during", "about", "for", "to", "of", "over", "under", "against", "between", "through", "not", "also",
	"where", "so", "yet", "then", "there", "here", "what", "why", "how", "has", "have", "had", "will",
	"would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "alongside", "amid",
	"without", "within", "upon", "via", "per", "like", "unlike", "toward", "towards", "across", "behind",
	"beyond", "near", "despite", "among", "around", "once", "even", "just", "only", "still", "too", "very",
	"it", "him", "them", "me", "us", "you", "said", "says", "told")

// sourceNouns are lowercase heads that name an unnamed source.
var sourceNouns = setOf("official", "officials", "spokesman", "spokeswoman", "spokesperson", "witnesses",
	"witness", "police", "residents", "resident", "source", "sources", "statement", "report", "reports",
	"ministry", "government", "company", "newspaper", "agency", "court", "prosecutors", "prosecutor",
	"investigators", "authorities", "analysts", "experts", "organizers", "organisers", "president",
	"minister", "leader", "spokespeople", "group", "office", "website", "department", "committee",
	"lawyer", "lawyers", "attorney", "attorneys", "campaign", "administration", "people", "family",
	"doctors", "scientists", "researchers", "study", "survey", "document", "letter", "decree", "judge",
	"mayor", "governor", "secretary", "chairman", "chairwoman", "director", "chief", "executive",
	"diplomat", "diplomats", "aide", "aides", "adviser", "advisers", "advisor", "military", "army",
	"protesters", "demonstrators", "interviewee", "members", "member", "representative", "senator",
	"lawmakers", "legislators", "father", "mother", "wife", "husband", "son", "daughter", "daughters",
	"sons", "publicist", "manager", "coach", "teacher", "student", "students", "victim", "victims",
	"rescuers", "firefighters", "media", "press", "outlet", "broadcaster", "paper", "magazine", "union",
	"party", "ambassador", "embassy", "council", "commission", "board", "panel", "institute", "university",
	"foundation", "organization", "organisation", "team", "staff", "employees", "workers", "owner",
	"founder", "ceo", "head", "commander", "general", "officer", "officers", "parents", "children",
	"friends", "neighbours", "neighbors", "relatives", "colleagues", "supporters", "critics", "voters",
	"citizens", "locals", "activists", "observers", "monitors", "medics", "paramedics", "survivors",
	"man", "woman", "men", "women", "person", "individual", "expert", "analyst", "economist", "scholar",
	"historian", "professor", "researcher", "scientist", "doctor", "nurse", "others", "several", "many",
	"some", "most", "both", "all", "organizers", "country", "nation", "state", "city", "authority",
	"regulator", "regulators", "investigator", "pentagon", "justice", "republicans", "democrats",
	"year-old", "pope", "queen", "king", "prince", "princess", "emperor", "premier", "chancellor",
	"vice-president", "speaker", "whip", "candidate", "nominee", "challenger", "incumbent", "attacker",
	"suspect", "gunman", "assailant", "defendant", "plaintiff", "prosecution", "defence", "defense",
	"club", "firm", "commissioner", "envoy", "chair", "captain", "host", "owner", "director-general", "bank", "airline", "carrier", "operator", "network", "channel", "site", "agency's")

// titles precede a name and give a role; some also tell the gender.
var titleGender = map[string]string{"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f",
	"lord": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f", "father": "m",
	"sister": "f", "brother": "m", "madam": "f", "mister": "m", "pope": "m", "cardinal": "m", "archbishop": "m",
	"bishop": "m", "rabbi": "", "sheikh": "m", "emperor": "m", "empress": "f", "duke": "m", "duchess": "f",
	"spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f", "congressman": "m",
	"congresswoman": "f", "assemblyman": "m", "assemblywoman": "f", "businessman": "m", "businesswoman": "f",
	"wife": "f", "husband": "m", "mother": "f", "son": "m", "daughter": "f", "actress": "f", "actor": "m",
	"widow": "f", "widower": "m", "grandmother": "f", "grandfather": "m", "boy": "m", "girl": "f", "man": "m",
	"woman": "f", "fiancee": "f", "fiance": "m", "girlfriend": "f", "boyfriend": "m", "niece": "f",
	"nephew": "m", "aunt": "f", "uncle": "m", "granddaughter": "f", "grandson": "m", "stepmother": "f",
	"stepfather": "m", "mom": "f", "dad": "m", "waitress": "f", "hostess": "f", "heiress": "f",
	"countess": "f", "baroness": "f", "baron": "m", "policewoman": "f", "policeman": "m",
	"anchorwoman": "f", "anchorman": "m",
	"sportswoman": "f", "sportsman": "m", "nun": "f", "priest": "m", "monk": "m", "gentleman": "m"}

// roleWords are capitalised words that make up titles and role prefixes
// ("Russian Foreign Minister", "Senate Minority Leader").
var roleWords = setOf("president", "vice", "vice-president", "prime", "minister", "foreign", "secretary",
	"state", "senator", "sen", "rep", "representative", "gov", "governor", "mayor", "chancellor", "king",
	"queen", "pope", "judge", "justice", "general", "gen", "dr", "mr", "mrs", "ms", "miss", "sir", "dame",
	"lord", "lady", "ambassador", "chief", "executive", "officer", "ceo", "spokesman", "spokeswoman",
	"spokesperson", "director", "leader", "speaker", "former", "ex", "deputy", "attorney", "defence",
	"defense", "interior", "finance", "health", "home", "education", "justice", "trade", "energy",
	"environment", "culture", "labour", "labor", "agriculture", "transport", "emergencies", "emergency",
	"minority", "majority", "whip", "chair", "chairman", "chairwoman", "premier", "prince", "princess",
	"cardinal", "archbishop", "bishop", "father", "sister", "rabbi", "imam", "sheikh", "colonel", "col",
	"lt", "lieutenant", "captain", "capt", "major", "sergeant", "sgt", "admiral", "commander", "marshal",
	"inspector", "detective", "constable", "superintendent", "commissioner", "professor", "prof",
	"congressman", "congresswoman", "assemblyman", "assemblywoman", "councillor", "councilman",
	"councilwoman", "mp", "mep", "special", "envoy", "adviser", "advisor", "national", "security",
	"regional", "provincial", "federal", "acting", "interim", "incoming", "outgoing", "newly", "elected",
	"new", "late", "first", "supreme", "leader", "head", "founder", "presidential", "candidate",
	"nominee", "house", "senate", "democratic", "republican", "assistant", "associate", "senior",
	"secretary-general", "director-general", "economy", "economic", "affairs", "intelligence",
	"homeland", "treasury", "commerce", "war", "army", "navy", "air", "force", "police", "fire",
	"of", "the", "for", "to", "and", "emperor", "empress", "duke", "duchess", "officer", "cabinet",
	"opposition", "party", "coach", "manager", "captain", "host", "anchor", "correspondent",
	"editor", "reporter", "author", "actor", "actress", "singer", "designer", "fashion", "scientist",
	"oceanographer", "historian", "activist", "pastor", "reverend", "rev", "auditor", "comptroller",
	"treasurer", "solicitor", "barrister", "magistrate", "sheriff", "marshal", "chief", "staff",
	"press", "communications", "vice-chairman", "co-founder", "cofounder", "pm", "fm", "u.s", "us",
	"uk", "un", "eu", "nato", "gop", "state", "county", "city", "council", "mayor-elect",
	"president-elect", "deputy-governor", "whip", "leader", "prosecutor", "lawyer", "engineer", "analyst",
	"economist", "striker", "goalkeeper", "pilot", "nurse", "physician", "surgeon", "researcher")

// nationalities are adjectives that open a role ("Russian", "Norwegian").
var nationalities = setOf("american", "russian", "ukrainian", "british", "english", "scottish", "welsh",
	"irish", "french", "german", "italian", "spanish", "portuguese", "dutch", "belgian", "swiss",
	"austrian", "polish", "czech", "slovak", "hungarian", "romanian", "bulgarian", "greek", "turkish",
	"syrian", "iraqi", "iranian", "israeli", "palestinian", "lebanese", "jordanian", "egyptian", "libyan",
	"saudi", "emirati", "qatari", "yemeni", "afghan", "pakistani", "indian", "chinese", "japanese",
	"korean", "north", "south", "taiwanese", "vietnamese", "thai", "filipino", "indonesian", "malaysian",
	"australian", "canadian", "mexican", "brazilian", "argentine", "argentinian", "chilean", "colombian",
	"venezuelan", "cuban", "peruvian", "nigerian", "kenyan", "ethiopian", "african", "european", "asian",
	"norwegian", "swedish", "danish", "finnish", "icelandic", "estonian", "latvian", "lithuanian",
	"belarusian", "georgian", "armenian", "azerbaijani", "kazakh", "serbian", "croatian", "bosnian",
	"albanian", "cypriot", "maltese", "moroccan", "algerian", "tunisian", "sudanese", "somali",
	"ghanaian", "senegalese", "zimbabwean", "ugandan", "rwandan", "congolese", "new", "zealand",
	"kiwi", "scandinavian", "western", "eastern", "arab", "kurdish", "catholic", "vatican", "beninese")

// orgWords mark a capitalised sequence as an organisation, not a person.
var orgWords = setOf("ministry", "department", "house", "council", "court", "union", "organization",
	"organisation", "association", "agency", "bank", "inc", "corp", "corporation", "company", "co",
	"ltd", "llc", "group", "university", "college", "school", "institute", "foundation", "party",
	"forces", "force", "army", "navy", "police", "commission", "committee", "office", "kremlin",
	"congress", "parliament", "senate", "government", "times", "post", "news", "journal", "press",
	"service", "services", "authority", "administration", "board", "bureau", "centre", "center",
	"church", "coalition", "federation", "fund", "network", "channel", "tv", "radio", "guard",
	"assembly", "cabinet", "reuters", "bbc", "cnn", "nbc", "abc", "cbs", "ap", "afp", "tass", "nasa",
	"fbi", "cia", "un", "eu", "nato", "who", "unesco", "unicef", "opec", "imf", "fsb", "kgb", "nhs",
	"hospital", "clinic", "airlines", "airways", "museum", "society", "league", "club", "team", "brigade",
	"movement", "front", "alliance", "initiative", "project", "program", "programme", "institution",
	"academy", "laboratory", "lab", "review", "magazine", "gazette", "herald", "tribune", "telegraph",
	"guardian", "independent", "express", "mail", "observer", "economist", "inquirer", "chronicle",
	"monitor", "daily", "weekly", "media", "broadcasting", "corporation", "pentagon", "states",
	"nations", "republic", "kingdom", "emirates", "islands", "federal", "national", "international",
	"committee", "tribunal", "prosecutor's", "secretariat", "caucus", "command", "watch", "rights",
	"amnesty", "greenpeace", "sdf", "ypg", "pkk", "hamas", "hezbollah", "taliban", "isis", "isil",
	"facebook", "google", "twitter", "apple", "microsoft", "amazon", "tesla", "meta", "youtube")

// placeWords and places are never people.
var placeWords = setOf("river", "sea", "ocean", "street", "road", "avenue", "square", "bridge", "city",
	"province", "region", "island", "islands", "mountain", "mountains", "lake", "county", "valley",
	"bay", "gulf", "coast", "peninsula", "desert", "park", "airport", "station", "district", "hills",
	"heights", "strait", "canal", "border", "north", "south", "east", "west", "northern", "southern",
	"eastern", "western", "central", "office", "capital", "oval", "plaza", "palace", "hall", "tower",
	"stadium", "arena", "market", "port", "harbour", "harbor", "beach", "forest", "village", "town")

var places = setOf("ukraine", "russia", "kyiv", "kiev", "moscow", "washington", "london", "paris",
	"berlin", "beijing", "china", "india", "japan", "france", "germany", "britain", "england", "scotland",
	"wales", "ireland", "italy", "spain", "portugal", "poland", "turkey", "syria", "iraq", "iran",
	"israel", "gaza", "lebanon", "egypt", "libya", "crimea", "europe", "africa", "asia", "america",
	"canada", "mexico", "brazil", "argentina", "australia", "norway", "sweden", "denmark", "finland",
	"greece", "cyprus", "taiwan", "korea", "vietnam", "pakistan", "afghanistan", "nigeria", "kenya",
	"texas", "california", "florida", "york", "nevada", "ohio", "virginia", "georgia", "arizona",
	"michigan", "pennsylvania", "carolina", "wisconsin", "minnesota", "iowa", "colorado", "oregon",
	"tokyo", "delhi", "mumbai", "sydney", "melbourne", "toronto", "ottawa", "rome", "madrid", "athens",
	"ankara", "istanbul", "tehran", "baghdad", "damascus", "cairo", "jerusalem", "geneva", "brussels",
	"vienna", "warsaw", "prague", "budapest", "minsk", "belarus", "serbia", "hungary", "romania",
	"netherlands", "belgium", "switzerland", "austria", "czechia", "slovakia", "bulgaria", "croatia",
	"venezuela", "colombia", "chile", "peru", "cuba", "haiti", "us", "u.s", "u.s.", "usa", "uk", "eu",
	"donbas", "kherson", "kharkiv", "odesa", "odessa", "mariupol", "zaporizhzhia", "luhansk",
	"donetsk", "sevastopol", "bakhmut", "benin", "ghana", "ethiopia", "sudan", "somalia", "yemen",
	"qatar", "jordan", "saudi", "arabia", "emirates", "dubai", "hong", "kong", "singapore", "indonesia",
	"malaysia", "philippines", "thailand", "myanmar", "bangladesh", "nepal", "sri", "lanka", "chelyabinsk",
	"magnitogorsk", "gdansk", "raqqa", "idlib", "aleppo", "hagia", "sophia", "westminster", "whitehall",
	"manhattan", "brooklyn", "chicago", "boston", "houston", "dallas", "miami", "atlanta", "seattle",
	"denver", "detroit", "philadelphia", "baltimore", "tennessee", "kentucky", "alabama", "louisiana",
	"mississippi", "missouri", "kansas", "nebraska", "oklahoma", "utah", "idaho", "montana", "wyoming",
	"dakota", "alaska", "hawaii", "maine", "vermont", "massachusetts", "connecticut", "jersey",
	"delaware", "maryland", "indiana", "illinois", "mediterranean", "atlantic", "pacific", "arctic",
	"antarctica", "balkans", "caucasus", "siberia", "kurdistan", "palestine", "westbank", "sinai")

// nonNameWords are capitalised words that start sentences or name times,
// never people.
var nonNameWords = setOf("the", "a", "an", "in", "on", "at", "as", "but", "and", "or", "if", "when",
	"while", "after", "before", "during", "since", "for", "from", "to", "with", "without", "by", "of",
	"this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they", "we", "i", "you",
	"his", "her", "their", "our", "my", "your", "what", "who", "why", "how", "where", "which", "some",
	"many", "most", "all", "both", "each", "every", "no", "not", "one", "two", "three", "four", "five",
	"six", "seven", "eight", "nine", "ten", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec", "today", "yesterday", "tomorrow", "tonight", "overnight",
	"earlier", "later", "meanwhile", "however", "although", "though", "because", "according", "despite",
	"following", "yet", "so", "also", "then", "now", "still", "even", "only", "just", "both", "such",
	"another", "other", "last", "next", "first", "second", "third", "new", "former", "late", "under",
	"over", "about", "into", "through", "against", "between", "among", "amid", "around", "while",
	"once", "until", "unless", "whether", "than", "instead", "nearly", "almost", "about", "more",
	"less", "few", "several", "much", "any", "none", "nothing", "everyone", "someone", "anyone",
	"we’re", "it’s", "i’m", "don’t", "can’t", "won’t", "let", "let’s", "please", "thank", "thanks",
	"yes", "oh", "well", "mr", "mrs", "ms", "dr", "christmas", "easter", "ramadan", "covid-19", "covid",
	"coronavirus", "internet", "web", "spring", "summer", "autumn", "fall", "winter", "god", "lord",
	"would", "could", "should", "will", "can", "may", "might", "must", "shall", "do", "does", "did",
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "said", "says", "according",
	"asked", "speaking", "writing", "amongst", "besides", "like", "sources", "officials", "police", "witnesses", "residents")

// firstNames is a small sample of common given names with their usual
// gender, used only when the article gives no other clue.
var firstNames = func() map[string]string {
	m := map[string]string{}
	male := []string{"donald", "joe", "john", "james", "robert", "michael", "william", "david", "richard",
		"joseph", "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark", "paul",
		"steven", "steve", "andrew", "kenneth", "george", "kevin", "brian", "edward", "ronald", "timothy",
		"jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry",
		"justin", "scott", "brandon", "benjamin", "ben", "samuel", "frank", "gregory", "raymond",
		"alexander", "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "henry",
		"nathan", "douglas", "peter", "walter", "harold", "carl", "jeremy", "keith", "roger", "gerald",
		"arthur", "terry", "sean", "lawrence", "noah", "bruce", "alan", "juan", "wayne", "roy", "louis",
		"philip", "bobby", "barack", "bill", "mike", "mitch", "chuck", "ted", "bernie", "vladimir",
		"volodymyr", "sergei", "sergey", "dmitry", "dmitri", "alexei", "boris", "emmanuel", "olaf",
		"friedrich", "rishi", "keir", "tony", "gordon", "jonas", "recep", "marco", "jd", "tom", "jim", "bob",
		"dick", "cyril", "jair", "narendra", "shinzo", "malcolm", "rudy", "rex", "nigel", "sadiq", "kino",
		"brett", "lindsey", "pradeep", "mateusz", "andrzej", "pawel", "paweł", "joachim", "donald",
		"tomasz", "łukasz", "lukasz", "krzysztof", "yevgeny", "oleg", "alexander", "ron", "kim", "xi",
		"hassan", "ali", "mohammed", "muhammad", "ahmed", "abdullah", "omar", "ivan", "igor", "viktor",
		"andrei", "andriy", "pope", "francis", "marc", "pierre", "jean-claude", "jean-yves", "hans",
		"klaus", "stefan", "mario", "giuseppe", "luigi", "pedro", "carlos", "luis", "miguel", "antonio",
		"kyriakos", "alexis", "benny", "naftali", "yair", "mahmoud", "bashar", "hosni", "abdel", "fattah",
		"mohammad", "mohamed", "hamid", "hussein", "recep", "tayyip", "jerrold", "jerry", "adam", "devin",
		"hakeem", "kevin", "rand", "josh", "pete", "beto", "cory", "elijah", "hunter", "jared", "eric",
		"stephen", "sean", "rod", "newt", "dan", "jon", "jeff", "rick", "randy", "mitt", "marco", "ron",
		"tim", "greg", "doug", "chris", "matt", "nick", "andy", "phil", "fred", "harry", "max", "sam",
		"will", "alex", "luigi", "marcelo", "andrés", "andres", "alberto", "jorge", "manuel", "emmanuel",
		"olaf", "sebastian", "boris", "dominic", "jeremy", "keir", "nicolas", "xavier", "wolfgang", "heinz",
		"jens", "lars", "sven", "erik", "nils", "jan", "karl", "otto", "benjamin", "yitzhak", "shimon",
		"ehud", "ariel", "moshe", "avi", "abdul", "ahmad", "khalid", "salman", "faisal", "tariq", "imran",
		"nawaz", "rahul", "amit", "arvind", "modi", "shinzo", "yoshihide", "fumio", "moon", "jae-in",
		"justin", "stephen", "brett", "neil", "clarence", "samuel", "anthony", "merrick", "lloyd", "antony",
		"jake", "ned", "john", "jay", "bernie", "chuck", "mitch", "lindsey", "mike", "rudy", "hope"}
	// Unisex names ("Lindsey", "Hope", "Kim") are dropped again below.
	female := []string{"kamala", "hillary", "nancy", "elizabeth", "mary", "patricia", "jennifer", "linda",
		"barbara", "susan", "jessica", "sarah", "karen", "lisa", "betty", "margaret", "sandra", "ashley",
		"kimberly", "emily", "donna", "michelle", "carol", "amanda", "melissa", "deborah", "stephanie",
		"rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda",
		"pamela", "emma", "nicole", "helen", "samantha", "katherine", "christine", "rachel", "carolyn",
		"janet", "catherine", "maria", "heather", "diane", "ruth", "julie", "olivia", "joyce", "victoria",
		"lauren", "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "martha",
		"gloria", "teresa", "ann", "sara", "frances", "kathryn", "janice", "jean", "abigail", "alice",
		"judy", "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly", "diana",
		"natalie", "charlotte", "marie", "ursula", "nicola", "jacinda", "giorgia", "marine", "ilhan",
		"alexandria", "nikki", "kristi", "liz", "priti", "yulia", "olena", "jill", "selena", "jonna",
		"louise", "veronika", "theresa", "kelly", "angela", "tulsi", "kristen", "karine", "jen", "marjorie",
		"lauren", "elise", "kirsten", "amy", "tammy", "patty", "dianne", "maxine", "mazie", "tina", "susie",
		"liz", "beata", "mette", "sanna", "magdalena", "annalena", "ursula", "christine", "kaja", "roberta",
		"tsai", "ing-wen", "carrie", "aung", "benazir", "indira", "golda", "julia", "yoshiko", "sheikh",
		"hatice", "agnes", "wendy", "rashida", "ayanna", "betsy", "kellyanne", "ivanka", "melania",
		"stacey", "gretchen", "lori", "muriel", "debbie", "heidi", "claire", "jeanne",
		"shelley", "lisa", "joni", "marsha", "cindy", "lynn", "gina", "janet", "hillary", "chelsea",
		"michele", "condoleezza", "madeleine", "samantha", "valerie", "nikki", "tulsi", "elise", "liz",
		"katie", "jackie", "val", "cathy", "ann", "anne", "joanna", "johanna", "sophie", "claudia",
		"margrethe",
		"jacinda", "penny", "suella", "nadine",
		"fatima", "aisha", "leila", "layla", "yasmin", "mariam", "maryam", "zainab", "nadia", "olga",
		"svetlana", "tatiana", "natalia", "irina", "oksana", "yulia", "elena", "lena", "ana", "ines",
		"isabel", "lucia", "carmen", "cristina", "dilma", "michelle", "jill", "kamala", "karine", "jen",
		"dana", "marie", "susan", "hope"}
	for _, n := range male {
		m[n] = "m"
	}
	for _, n := range female {
		m[n] = "f"
	}
	for _, unisex := range []string{"sheikh", "lindsey", "hope", "kim", "moon", "modi", "salman", "will", "max", "dana", "val", "lynn", "ariel"} {
		delete(m, unisex)
	}
	return m
}()
