package draw

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// maxLabel bounds a short case name, in characters, so that labels stay
// readable in drawings and tool panels.
const maxLabel = 40

// Label is the name a node is drawn and listed with: its short case
// name, or its citation when the name is unknown, on one line either way.
func Label(n *graph.Node) string {
	if s := ShortName(n.Name); s != "" {
		return s
	}
	return truncate(strings.Join(strings.Fields(primaryCitation(n)), " "), maxCite)
}

// maxCite bounds a citation shown in a label; ids of documents with no
// citation can be long.
const maxCite = 48

func primaryCitation(n *graph.Node) string {
	if len(n.Citations) > 0 {
		return n.Citations[0]
	}
	return n.ID
}

// CiteLine is the second line of a drawn label: "424 U.S. 409 (1976)".
// It is empty when the citation already is the label and the year unknown.
func CiteLine(n *graph.Node, label string) string {
	c := truncate(strings.Join(strings.Fields(primaryCitation(n)), " "), maxCite)
	if c == label {
		c = ""
	}
	if n.Year != 0 {
		if c != "" {
			c += " "
		}
		c += "(" + strconv.Itoa(n.Year) + ")"
	}
	return c
}

// ShortName turns a caption such as "JOHN VAN DE KAMP, et al., Petitioners
// v. THOMAS LEE GOLDSTEIN" into "John Van de Kamp v. Thomas Lee
// Goldstein": each party is cut at its first comma (which drops "et al.",
// "Petitioners" and descriptions), all-capital captions are put in title
// case, and the result is bounded by maxLabel.
func ShortName(name string) string {
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	if name == "" {
		return ""
	}
	parties := splitParties(name)
	for i, p := range parties {
		if c := strings.Index(p, ","); c > 0 {
			p = p[:c]
		}
		p = strings.TrimSuffix(strings.TrimSuffix(p, " et al."), " et al")
		if isAllCaps(p) {
			p = titleCase(p)
		}
		parties[i] = strings.TrimSpace(p)
	}
	return truncate(strings.Join(parties, " v. "), maxLabel)
}

// splitParties splits at the first " v. " (or " v " / " vs. "), the only
// place a caption reliably divides.
func splitParties(name string) []string {
	for _, sep := range []string{" v. ", " V. ", " vs. ", " v ", " VS. "} {
		if l, r, ok := strings.Cut(name, sep); ok && l != "" && r != "" {
			return []string{l, r}
		}
	}
	return []string{name}
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 3
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

// truncate cuts s to at most n characters, ending with an ellipsis when it
// cut, and preferring a word boundary.
func truncate(s string, n int) string {
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
