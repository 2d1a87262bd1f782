package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// determinersToDrop open a noun phrase and are not part of its key.
var determinersToDrop = setOf("the", "a", "an", "this", "that", "these", "those", "our", "their", "its",
	"his", "her", "my", "your", "any", "some", "every", "such", "all")

// keepPlural are words whose final s is not a plural ending.
var keepPlural = setOf("news", "series", "species", "means", "arms", "headquarters", "talks", "wales",
	"athens", "brussels", "netherlands", "philippines", "emirates", "states", "nations", "americas", "alps",
	// place names ending in s
	"balkans", "belarus", "caucasus", "cyprus", "dallas", "damascus", "donbas", "illinois", "kansas",
	"massachusetts", "paris", "texas")

// TopicKey normalises a topic so variants compare equal across articles:
// lower case, no diacritics or punctuation, no leading article or
// possessive, hyphens as spaces, the last word singular. "The peace
// deals" and "peace deal" share the key "peace deal"; "no-deal Brexit"
// becomes "no deal brexit".
func TopicKey(s string) string {
	if key, ok := asciiTopicKey(s); ok {
		return key
	}
	return slowTopicKey(s)
}

var curlyApostrophes = strings.NewReplacer("’", "'", "‘", "'")

// slowTopicKey is TopicKey for any text: diacritics, hyphens,
// apostrophes.
func slowTopicKey(s string) string {
	if !IsASCII(s) {
		s = curlyApostrophes.Replace(StripAccents(s))
	}
	fields := strings.Fields(strings.ToLower(s))
	for len(fields) > 1 && determinersToDrop[fields[0]] {
		fields = fields[1:]
	}
	words := make([]string, 0, len(fields)+1)
	for _, f := range fields {
		f = strings.TrimSuffix(f, "'s")
		words = append(words, strings.FieldsFunc(f, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})...)
	}
	if len(words) == 0 {
		return ""
	}
	words[len(words)-1] = Singular(words[len(words)-1])
	return strings.Join(words, " ")
}

// asciiTopicKey is TopicKey for plain ASCII text, where curly
// apostrophes may stand for straight ones, with one allocation: the
// result; ok is false for any other text. It follows slowTopicKey step by
// step: fields split at white space, leading determiners dropped while
// another field follows, a final 's trimmed from each field, words split
// at anything but letters and digits, the last word singular.
func asciiTopicKey(s string) (string, bool) {
	var buf [64]byte
	key := buf[:0]
	lastWord := 0
	leading := true
	for i := 0; i < len(s); {
		if asciiSpace(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !asciiSpace(s[j]) {
			switch {
			case s[j] < utf8.RuneSelf:
				j++
			case isCurlyApostrophe(s[j:]):
				j += len("’")
			default:
				return "", false
			}
		}
		field := s[i:j]
		i = j
		if leading {
			if isLeadingDeterminer(field) && strings.TrimLeft(s[j:], " \t\n\v\f\r") != "" {
				continue
			}
			leading = false
		}
		end := len(field)
		if end >= 2 && lowerASCII(field[end-1]) == 's' {
			if field[end-2] == '\'' {
				end -= 2
			} else if end >= 4 && isCurlyApostrophe(field[end-4:]) {
				end -= 4
			}
		}
		inWord := false
		for k := 0; k < end; k++ {
			c := lowerASCII(field[k])
			if !asciiAlnum(c) {
				inWord = false // curly apostrophes included: their bytes are no letters
				continue
			}
			if !inWord {
				if len(key) > 0 {
					key = append(key, ' ')
				}
				lastWord = len(key)
				inWord = true
			}
			key = append(key, c)
		}
	}
	if len(key) == 0 {
		return "", true
	}
	full := string(key)
	last := full[lastWord:]
	one := Singular(last)
	if strings.HasPrefix(last, one) {
		return full[:lastWord+len(one)], true
	}
	return full[:lastWord] + one, true
}

// isCurlyApostrophe reports whether s opens with ’ or ‘.
func isCurlyApostrophe(s string) bool {
	return len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x99)
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// asciiAlnum reports a lower-case ASCII letter or a digit.
func asciiAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// isLeadingDeterminer reports an ASCII field that is, lower-cased, one of
// determinersToDrop.
func isLeadingDeterminer(field string) bool {
	var buf [8]byte
	if len(field) > len(buf) {
		return false
	}
	lower := buf[:len(field)]
	for k := 0; k < len(field); k++ {
		lower[k] = lowerASCII(field[k])
	}
	return determinersToDrop[string(lower)]
}

// Singular strips a regular English plural ending; it only has to map
// the forms of one word to the same key, not to be a dictionary.
func Singular(w string) string {
	n := len(w)
	if n <= 3 || w[n-1] != 's' {
		return w // every ending below ends in s
	}
	switch {
	case keepPlural[w]:
		return w
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") || strings.HasSuffix(w, "ics"):
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes"):
		return w[:n-2]
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}
