package graph

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxName bounds a node's name, in characters: a short case name is
// rarely longer, and one that is (a list of consolidated parties) is cut
// at a word, ending with "…".
const MaxName = 80

// ShortCaseName turns a caption such as "JOHN VAN DE KAMP, et al.,
// Petitioners v. THOMAS LEE GOLDSTEIN" into the short case name a court
// would cite it by, "John Van de Kamp v. Thomas Lee Goldstein": each party
// is cut at a semicolon or bracket and at the comma that starts a
// description (see cutParty: "et al.", "and Others", "Petitioners",
// "(two cases)" go), all-capital names
// are put in title case, white space is collapsed and the result is
// bounded by MaxName. A name already short comes back as it is.
func ShortCaseName(name string) string {
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	if name == "" {
		return ""
	}
	parties := splitParties(name)
	for i, p := range parties {
		p = cutParty(p)
		for _, suffix := range []string{" et al.", " et al", " and others", " & others"} {
			if strings.HasSuffix(strings.ToLower(p), suffix) {
				p = p[:len(p)-len(suffix)]
			}
		}
		// A second caption after the first ("SMITH v. JONES. DOE v. ROE")
		// belongs to a consolidated case, not to this party.
		if i == len(parties)-1 && len(parties) > 1 {
			if c := strings.Index(p, ". "); c > 0 && len(splitParties(p[c+2:])) > 1 {
				p = p[:c]
			}
		}
		p = strings.TrimRight(strings.TrimSpace(p), " :")
		// A full stop ends the caption, unless it ends an abbreviation
		// ("Corp.", "Inc.").
		if word := p[strings.LastIndexByte(p, ' ')+1:]; strings.HasSuffix(word, ".") && len(word) > 5 && !strings.Contains(word[:len(word)-1], ".") {
			p = p[:len(p)-1]
		}
		if isAllCaps(p) {
			p = titleCase(p)
		}
		parties[i] = p
	}
	// A party that is all description or punctuation ("Smith v. , r")
	// leaves nothing to name.
	parties = slices.DeleteFunc(parties, func(p string) bool { return p == "" })
	return TruncateName(strings.Join(parties, " v. "), MaxName)
}

// roles are the words after a comma that describe a party rather than
// name it ("GIBBONS, Appellant", "Nixon, President of the United
// States").
var roles = []string{"appellant", "appellee", "petitioner", "respondent", "plaintiff", "defendant",
	"complainant", "claimant", "relator", "intervenor", "et al", "and others", "& others", "warden", "president",
	"secretary", "sheriff", "commissioner", "director", "attorney general", "governor", "judge", "administrat",
	"executor", "executrix", "trustee", "guardian", "superintendent", "individually", "as ", "a ", "an ", "by ", "etc"}

// cutParty cuts a party's name at a bracket or semicolon, and at the first
// comma: in a caption written in capitals, where commas only set off
// descriptions, any; otherwise one followed by a description
// ("Choctaw, Oklahoma & Gulf Railroad" keeps its commas).
func cutParty(p string) string {
	if c := strings.IndexAny(p, ";(["); c > 0 {
		p = p[:c]
	}
	caps := isAllCaps(p)
	for at := 0; ; {
		c := strings.IndexByte(p[at:], ',')
		if c < 0 {
			return p
		}
		c += at
		rest := strings.ToLower(strings.TrimSpace(p[c+1:]))
		if caps || c == 0 || slices.ContainsFunc(roles, func(r string) bool { return strings.HasPrefix(rest, r) }) {
			return p[:c]
		}
		at = c + 1
	}
}

// splitParties splits at the first " v. " (or " v ", " vs. ", and the
// early reports' " against "), the only place a caption reliably divides.
func splitParties(name string) []string {
	for _, sep := range []string{" v. ", " V. ", " vs. ", " v ", " VS. ", " against "} {
		if l, r, ok := strings.Cut(name, sep); ok && l != "" && r != "" {
			return []string{l, r}
		}
	}
	return []string{name}
}

// isAllCaps says whether s is written in capitals: most of its letters,
// and more than three, are (a leading "The" is not).
func isAllCaps(s string) bool {
	upper, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return upper > 3 && 4*upper > 3*letters
}

// smallWords stay lower case inside a title-cased party name.
var smallWords = map[string]bool{
	"of": true, "the": true, "and": true, "de": true, "in": true, "for": true,
	"on": true, "at": true, "to": true, "a": true, "an": true, "ex": true, "re": true,
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && smallWords[lw]:
			words[i] = lw
		case strings.Contains(strings.TrimSuffix(w, "."), "."), !hasVowel(w):
			// Abbreviations (U.S., N.Y.) and acronyms (FCC, NLRB) keep
			// their capitals.
		default:
			r, n := utf8.DecodeRuneInString(lw)
			words[i] = string(unicode.ToUpper(r)) + lw[n:]
		}
	}
	return strings.Join(words, " ")
}

func hasVowel(s string) bool { return strings.ContainsAny(strings.ToLower(s), "aeiouy") }

// TruncateName cuts s to at most n characters, ending with an ellipsis
// when it cut, and preferring a word boundary.
func TruncateName(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}
