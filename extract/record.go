package extract

// Record is the flat form of a citation that `citegraph extract` writes.
// Its JSON form is a stable contract: fields are only ever added, never
// renamed or removed, and every field is always present (empty string, 0,
// false or [] when there is nothing to say).
type Record struct {
	// Doc is the id of the document the citation is in.
	Doc  string `json:"doc"`
	Kind string `json:"kind"`
	Text string `json:"text"`
	// Start and End are byte offsets into the document's text; Line is
	// the 1-based line of Start.
	Start int `json:"start"`
	End   int `json:"end"`
	Line  int `json:"line"`
	// Location is the page of the citing opinion where the citation sits
	// (its star page), when the source gives pages.
	Location string `json:"location"`
	// Opinion and Author say which opinion of the document the citation
	// sits in ("majority", "dissent", "syllabus", ...) and who wrote it,
	// when the document holds several (a slip opinion).
	Opinion  string   `json:"opinion"`
	Author   string   `json:"author"`
	Volume   string   `json:"volume"`
	Reporter string   `json:"reporter"`
	Page     string   `json:"page"`
	Pin      string   `json:"pin"`
	Parallel []string `json:"parallel"`
	CaseName string   `json:"case_name"`
	// Plaintiff and Defendant are the two sides of CaseName.
	Plaintiff     string `json:"plaintiff"`
	Defendant     string `json:"defendant"`
	Year          int    `json:"year"` // 0 when unknown
	Court         string `json:"court"`
	CourtID       string `json:"court_id"`
	Signal        string `json:"signal"`
	Parenthetical string `json:"parenthetical"`
	// Nested is true inside another citation's explanatory parenthetical.
	Nested bool `json:"nested"`
	// Target is the cited case as "volume reporter page", empty when
	// unresolved; Antecedent is the index (within the document) of the
	// citation it was resolved through, -1 when none.
	Target     string `json:"target"`
	Antecedent int    `json:"antecedent"`
	Reason     string `json:"reason"`
	Warning    string `json:"warning"`
	// Suspect marks a resolution whose pin lies outside the target's pages.
	Suspect bool `json:"suspect"`
	// IdentitySource is set on a record of a document's identity (not a
	// citation; see citegraph extract --documents): where the document's
	// case name and own citations came from, "format" (the file said),
	// "manifest" or "text" (read from the opinion's heading); empty when
	// nothing identifies the document, and on every citation. A graph
	// built from the table ranks the documents of one case by it, as a
	// graph built from the documents does.
	IdentitySource string `json:"identity_source"`
}

// Where says where in its document a citation sits, as the document's
// reader knows it: the page, and the opinion with its author.
type Where struct {
	Location, Opinion, Author string
}

// NewRecord flattens c, found in document doc at w.
func NewRecord(doc string, w Where, c *Citation) Record {
	parallel := make([]string, len(c.Parallel))
	for i, p := range c.Parallel {
		parallel[i] = p.String()
	}
	target := ""
	if c.Resolved() {
		target = c.Target.String()
		if c.TargetName != "" {
			// A slip cite not yet paged, or a page of orders: the case
			// of that name.
			target += " (" + c.TargetName + ")"
		}
	}
	return Record{
		Doc: doc, Kind: c.Kind.String(), Text: c.Text,
		Start: c.Start, End: c.End, Line: c.Line, Location: w.Location, Opinion: w.Opinion, Author: w.Author,
		Volume: c.Volume, Reporter: c.Reporter, Page: c.Page, Pin: c.Pin, Parallel: parallel,
		CaseName: c.CaseName, Plaintiff: c.Plaintiff, Defendant: c.Defendant,
		Year: c.Year, Court: c.Court, CourtID: c.CourtID, Signal: c.Signal, Parenthetical: c.Parenthetical,
		Nested: c.Nested, Target: target, Antecedent: c.Antecedent,
		Reason: c.Reason, Warning: c.Warning, Suspect: c.Suspect,
	}
}
