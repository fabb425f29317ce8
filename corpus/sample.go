package corpus

import (
	_ "embed"
)

// The sample opinion is the project's seed: the majority opinion of Van de
// Kamp v. Goldstein as taken from the slip-opinion PDF (hyphenation, wrapped
// lines and "424 U. S., at 430" spacing kept), and its citations resolved
// by hand.
var (
	//go:embed sample/van-de-kamp-v-goldstein.txt
	sampleText string
	//go:embed sample/citations.tsv
	sampleCitations string
)

// Sample returns the embedded sample opinion with its identity. Each call
// returns a new Document the caller may change.
func Sample() *Document {
	return &Document{
		ID:     "van-de-kamp-v-goldstein.txt",
		Path:   "van-de-kamp-v-goldstein.txt",
		Format: "text",
		Text:   sampleText,
		Meta: Meta{
			CaseName:  "Van de Kamp v. Goldstein",
			Citations: []string{"555 U.S. 335", "129 S. Ct. 855", "172 L. Ed. 2d 706"},
			Court:     "Supreme Court of the United States",
			Date:      "2009-01-26",
			Opinion:   "majority",
			Source:    SourceManifest,
		},
	}
}

// SampleCitationsTSV returns the hand-resolved list of every case citation
// in the sample opinion, in text order: a tab-separated table with the
// columns n, line, kind, target, pin, after '#' comment lines that explain
// them.
func SampleCitationsTSV() string { return sampleCitations }
