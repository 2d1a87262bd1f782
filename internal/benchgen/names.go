package benchgen

// castMember is a person of the template articles; recasting keeps the
// gender so that "she" and "he" still fit the new name.
type castMember struct {
	first, last string
	gender      string
}

// cast is who the example articles (examples/articles) name, reporters
// included.
var cast = []castMember{
	{"Ilse", "Marek", "f"},
	{"Tomas", "Brandt", "m"},
	{"Samuel", "Okafor", "m"},
	{"Petra", "Holm", "f"},
	{"Lena", "Voss", "f"},
	{"Jonas", "Feld", "m"},
	{"Mara", "Quist", "f"},
	{"Hanna", "Roth", "f"},
}

// placeSlots are the places of the example articles. A country slot draws
// names ending in "ia" so that the adjective ("Varnian") still reads.
var placeSlots = []struct {
	name string
	pool []string
}{
	{"Varnia", countriesIA},
	{"Osterland", countries},
	{"Sarnow", towns},
	{"Dornau", towns},
	{"Veltz", towns},
	{"Aldra", rivers},
	{"Kessel", dams},
}

var firstNames = map[string][]string{
	"f": {"Anna", "Berit", "Clara", "Dora", "Edith", "Frida", "Greta", "Helga", "Ines", "Johanna",
		"Karin", "Lotte", "Marta", "Nora", "Olga", "Paula", "Rita", "Sofia", "Tilda", "Ulla",
		"Vera", "Wanda", "Yara", "Zofia", "Amara", "Chiara", "Elif", "Leila", "Mei", "Priya"},
	"m": {"Anton", "Bruno", "Carl", "David", "Emil", "Felix", "Georg", "Henrik", "Ivan", "Jakob",
		"Karl", "Lukas", "Marco", "Niklas", "Oskar", "Pavel", "Rafael", "Stefan", "Theo", "Viktor",
		"Walter", "Yusuf", "Aziz", "Kenji", "Omar", "Ravi", "Tariq", "Kwame", "Diego", "Mateo"},
}

var surnames = []string{
	"Albers", "Bauer", "Castell", "Dietz", "Ekberg", "Falk", "Gruber", "Hartwig", "Ilves", "Jansen",
	"Kovac", "Lindqvist", "Moser", "Novak", "Oberg", "Petrov", "Quandt", "Rask", "Sandor", "Tamm",
	"Ulrich", "Varga", "Wendt", "Xanthos", "Yilmaz", "Zeller", "Adeyemi", "Bergstrom", "Costa", "Dahl",
	"Engel", "Fischer", "Graf", "Haas", "Iversen", "Juhl", "Kessler", "Lorenz", "Mendes", "Nielsen",
	"Olsen", "Pohl", "Reyes", "Sauer", "Thorsen", "Urban", "Vogel", "Weiss", "Zorn", "Achebe",
	"Baptiste", "Cruz", "Duval", "Eriksen", "Ferreira", "Gallo", "Horvat", "Ibsen", "Jovanovic", "Kaur",
}

var countriesIA = []string{"Varnia", "Belmaria", "Corvia", "Dravonia", "Estoria", "Felsia", "Galdonia",
	"Helvaria", "Istria", "Jorvania", "Kalmia", "Lusaria", "Morvia", "Nordavia", "Ostravia", "Pellia"}

var countries = []string{"Osterland", "Brennmark", "Caldor", "Duvenland", "Eskmoor", "Fjallstad",
	"Gravland", "Hollmark", "Irnland", "Jutmark", "Korrland", "Lindmark", "Moorland", "Nevland"}

var towns = []string{"Sarnow", "Dornau", "Veltz", "Ambrin", "Bolzen", "Carrow", "Delft", "Eben",
	"Frauen", "Gansby", "Holt", "Ilmen", "Jesow", "Kastel", "Lauben", "Mirow", "Nessel", "Orbe",
	"Pritz", "Quell", "Rosten", "Selb", "Tarnau", "Ulm", "Varel", "Wittow", "Zerbst"}

var rivers = []string{"Aldra", "Belka", "Corra", "Dunna", "Elva", "Fenna", "Garra", "Holda", "Issa",
	"Jorna", "Kalla", "Lenna", "Morra", "Narva", "Orla", "Pirna"}

var dams = []string{"Kessel", "Granit", "Hohen", "Stein", "Wolken", "Adler", "Falken", "Linden",
	"Eichen", "Birken", "Tannen", "Felsen"}
