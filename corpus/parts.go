package corpus

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	// openingRE matches the line that opens an opinion of a slip opinion:
	// "PER CURIAM.", "JUSTICE BREYER delivered the opinion of the Court.",
	// "JUSTICE BREYER announced the judgment of the Court and delivered an
	// opinion, in which ... join.", "JUSTICE THOMAS, dissenting.", "CHIEF
	// JUSTICE ROBERTS, concurring in the judgment.", "Statement of JUSTICE
	// GINSBURG.". The words after the name may run over several lines.
	openingRE = regexp.MustCompile(`(?m)^[ \t]*(?:(PER CURIAM)\.|(Statement of )?(?:MR\. )?(?:CHIEF )?JUSTICE ([A-Z][A-Z’'\-]+)\b([^.]{0,800})\.)`)
	// captionDateRE is the date line of an opinion's caption, which an
	// opening follows: "[June 29, 2020]", "Decided November 25, 2019".
	captionDateRE = regexp.MustCompile(`\[[A-Z][a-z]+\.? \d{1,2}, \d{4}\]|Decided [A-Z][a-z]+\.? \d{1,2}, \d{4}`)
)

// openingReach is how far before an opening its caption's date may be.
const openingReach = 400

// opinionParts finds the opinions of a slip opinion in its text by their
// openings, each right after its caption's date. Each opinion runs to the
// next one's opening. When the document has a syllabus (the reader saw its
// "Syllabus" head), the text before the first opinion is the syllabus.
func opinionParts(text string, syllabus bool) []Part {
	var parts []Part
	for _, m := range openingRE.FindAllStringSubmatchIndex(text, -1) {
		if !captionDateRE.MatchString(text[max(0, m[0]-openingReach):m[0]]) {
			continue
		}
		p := Part{Span: Span{Start: m[0] + len(text[m[0]:m[1]]) - len(strings.TrimLeft(text[m[0]:m[1]], " \t"))}}
		switch {
		case m[2] >= 0:
			p.Opinion = "majority"
		case m[4] >= 0:
			p.Opinion, p.Author = "statement", titleName(text[m[6]:m[7]])
		default:
			p.Opinion, p.Author = openingKind(text[m[8]:m[9]]), titleName(text[m[6]:m[7]])
		}
		if p.Opinion == "" {
			continue
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return nil
	}
	if syllabus {
		parts = append([]Part{{Span: Span{End: parts[0].Start}, Opinion: "syllabus"}}, parts...)
	}
	for i := range parts {
		parts[i].End = len(text)
		if i+1 < len(parts) {
			parts[i].End = parts[i+1].Start
		}
	}
	return parts
}

// openingKind reads which opinion an opening begins from the words after
// the justice's name; "" when they open no opinion.
func openingKind(tail string) string {
	t := strings.Join(strings.Fields(tail), " ")
	switch {
	case strings.Contains(t, "delivered the opinion of the Court"):
		return "majority"
	case strings.Contains(t, "announced the judgment of the Court"):
		return "plurality"
	case !strings.HasPrefix(t, ","):
		return ""
	}
	// The kind is in the last clauses: "concurring in part, concurring in
	// the judgment in part, and dissenting in part".
	concur, dissent := false, false
	clauses := strings.Split(t, ",")
	for i := len(clauses) - 1; i > 0; i-- {
		c := strings.TrimPrefix(strings.TrimSpace(clauses[i]), "and ")
		if !strings.HasPrefix(c, "concurring") && !strings.HasPrefix(c, "dissenting") {
			break
		}
		concur = concur || strings.Contains(c, "concurring")
		dissent = dissent || strings.Contains(c, "dissenting")
	}
	switch {
	case concur && dissent:
		return "concurrence-in-part"
	case dissent:
		return "dissent"
	case concur:
		return "concurrence"
	}
	return ""
}

// titleName writes a name printed in capitals as names are written:
// "THOMAS" → "Thomas", "O’CONNOR" → "O’Connor".
func titleName(s string) string {
	r := []rune(strings.ToLower(s))
	up := true
	for i, c := range r {
		if up {
			r[i] = unicode.ToUpper(c)
		}
		up = !unicode.IsLetter(c)
	}
	return string(r)
}

// syllabusHeads says whether a document's running heads include the
// syllabus's.
func syllabusHeads(heads []string) bool {
	for _, h := range heads {
		if strings.TrimSpace(pageNumberEdgeRE.ReplaceAllString(strings.TrimSpace(h), "")) == "Syllabus" {
			return true
		}
	}
	return false
}
