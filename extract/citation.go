// Package extract finds case and statute citations in the text of U.S.
// court opinions and resolves every short form (short cites, supra, Id.,
// Ibid.) to the authority it points at.
//
// The scanner is hand-written, in the manner of go/scanner: it walks the
// original bytes once, positions are byte offsets into that input, and
// nothing is rewritten before scanning, so offsets always point into the
// text the caller passed in. Reporter spellings come from a data table
// (see Reporters), never from code.
package extract

import "strings"

// Kind says which form a citation takes.
type Kind uint8

// The citation forms. Law, Secondary, RecordCite and Legislative
// citations are authorities that an Id. may refer to, but never cases: a
// Law citation is a statute, regulation, constitution or court rule ("42
// U.S.C. § 1983", "8 CFR § 1003.1", "U.S. Const., Amdt. 14", "Fed. R.
// Evid. 403"); a Legislative one a committee report, congressional
// document, hearing, bill or the Congressional Record ("H. R. Rep. No.
// 94-1476, p. 665", "122 Cong. Rec. 668", "H. R. 3162, 107th Cong. § 2");
// a Secondary one a law review, treatise, Restatement, A.L.R.
// annotation or dictionary ("90 Harv. L. Rev. 1", "5 C. Wright & A.
// Miller, Federal Practice and Procedure § 1216"); a RecordCite one a
// cite to the record of the case at hand ("App. 45", "Compl. ¶ 40",
// "Tr. of Oral Arg. 12", "Brief for Petitioner 12"). An Internal one is a
// cross-reference to another place of the same opinion or of the opinions
// of the same case ("supra, at 18", "ante, at 14–15", "infra note 5"):
// an Id. after one repeats that place, and no edge comes of either.
const (
	Full Kind = iota + 1
	Short
	Supra
	ID
	Law
	Secondary
	RecordCite
	Legislative
	Internal
)

var kindNames = [...]string{Full: "full", Short: "short", Supra: "supra", ID: "id", Law: "law",
	Secondary: "secondary", RecordCite: "record", Legislative: "legislative",
	Internal: "internal"}

// String returns the name used in every output format: full, short,
// supra, id, law, secondary, record, legislative or internal.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "unknown"
}

// IsAuthority reports whether k is a kind of authority that is not a
// case: Law, Legislative, Secondary, RecordCite or Internal.
func (k Kind) IsAuthority() bool {
	return k == Law || k == Legislative || k == Secondary || k == RecordCite || k == Internal
}

// ParseKind is the inverse of Kind.String.
func ParseKind(s string) (Kind, bool) {
	for k, name := range kindNames {
		if name != "" && name == s {
			return Kind(k), true
		}
	}
	return 0, false
}

// Ref names a case (or statute) by one of its citations: volume, canonical
// reporter abbreviation and first page. For a statute, Volume is the title
// (possibly empty), Reporter the code and Page the section.
type Ref struct {
	Volume   string
	Reporter string
	Page     string
}

// String formats the reference in canonical form, e.g. "424 U.S. 409" or
// "42 U.S.C. § 1983".
func (r Ref) String() string {
	var b strings.Builder
	b.Grow(len(r.Volume) + len(r.Reporter) + len(r.Page) + 2) // one allocation, not one a part
	if r.Volume != "" {
		b.WriteString(r.Volume)
		b.WriteByte(' ')
	}
	b.WriteString(r.Reporter)
	if r.Page != "" {
		b.WriteByte(' ')
		b.WriteString(r.Page)
	}
	return b.String()
}

// ParseRef reads a reference in the canonical form Ref.String writes,
// "424 U.S. 409": a volume, a reporter and a page; ok is false for
// anything else.
func ParseRef(s string) (ref Ref, ok bool) {
	f := strings.Fields(s)
	if len(f) < 3 || strings.TrimLeft(f[0], "0123456789") != "" {
		return Ref{}, false
	}
	return Ref{Volume: f[0], Reporter: strings.Join(f[1:len(f)-1], " "), Page: f[len(f)-1]}, true
}

// IsZero reports whether the reference is empty.
func (r Ref) IsZero() bool { return r == Ref{} }

// Citation is one citation found in a text, resolved where it is a short
// form.
type Citation struct {
	Kind Kind

	// Start and End are byte offsets of the citation in the input, and
	// Text is input[Start:End] — except that a footnote printed in the
	// midst of a citation of the running text (a citation broken across
	// the foot of a PDF page) is left out of Text, as spaces. Line is the
	// 1-based line of Start.
	Start, End int
	Line       int
	Text       string

	// Ref is what the citation itself says: for full and short cites the
	// volume, canonical reporter and page (page empty for the short cites
	// that give only a pin, "424 U.S., at 430"; a short form that repeats
	// a citation whole, "Smith, 2019 IL 123456, ¶ 25", keeps it); for supra
	// the volume and reporter California's style names ("Ghirardo, supra,
	// 8 Cal.4th at p. 800"), otherwise nothing; for id it is empty.
	Ref

	// Parallel holds the other citations of the same case given alongside
	// a full citation ("384 U.S. 436, 86 S. Ct. 1602, 16 L. Ed. 2d 694"),
	// in text order. Ref is always the first of the group.
	Parallel []Ref

	// Pin is the pin cite as written, normalized only in spacing
	// ("431 n.33", "425–426", "127, 130", "*3"); empty when none. An Ibid.
	// carries the pin of the citation it repeats.
	Pin string

	// CaseName is the name as given before the citation ("Imbler v.
	// Pachtman"), Plaintiff and Defendant its two sides; for supra and
	// short cites CaseName is the name used ("Imbler").
	CaseName  string
	Plaintiff string
	Defendant string

	// Court and Year come from the citation's parenthetical ("CA9 2007"),
	// or are implied by the reporter (U.S. Reports: the Supreme Court).
	// Year is 0 when unknown. Court is an abbreviation as written, except
	// that a reporter's implied court uses the reporter table's court id;
	// CourtID is the court's normalised id ("ca9", see NormalizeCourt),
	// empty when the spelling is not known.
	Court   string
	CourtID string
	Year    int

	// Signal is the introductory signal in canonical capitalisation
	// ("See", "See also", "Cf.", "But see", "Compare", ...); empty when none.
	Signal string

	// Parenthetical is the explanatory parenthetical that follows the
	// citation, without its parentheses; empty when none.
	Parenthetical string

	// Nested is true for a citation inside another citation's explanatory
	// parenthetical ("(quoting Twombly, 550 U.S. at 570)"). It still counts
	// as a citation, but never as the antecedent of a later Id.
	Nested bool

	// Target is the case the citation refers to, as the first citation of
	// its parallel group; for a full cite it is Ref itself. Zero when the
	// short form could not be resolved.
	Target Ref

	// TargetName is the case name of the full citation a blank-page slip
	// cite resolves to ("600 U.S. ___" with no paged parallel), or of an
	// order without opinion cited as subsequent history ("Smith v. Jones,
	// 900 F.2d 1, cert. denied, 501 U.S. 1201": Smith v. Jones): the name
	// tells apart the cases of one volume not yet paginated, or of one
	// page of orders. Empty for every other target.
	TargetName string

	// Antecedent is the index, in the slice returned by Extract (the
	// index Citations.All yields), of the full (or law) citation this
	// one resolved to (a report cited by its number alone: the citation
	// of it with its Congress); -1 when none.
	Antecedent int

	// Reason says why a short form is unresolved; empty when resolved.
	Reason string

	// Warning flags a resolution that holds but looks wrong, such as a pin
	// outside the plausible page range of the cited case.
	Warning string
	// Suspect is set when the pin lies outside the plausible page range of
	// the target: for a short form, a sign that it was resolved to the
	// wrong authority (an Id. after a treatise or a committee report, which
	// are not case citations, lands on the case cited before them).
	Suspect bool

	// authority is the kind of authority the citation refers to when it
	// is not a case (see Kind.IsAuthority), for the citation
	// itself or for the one an Id. repeats; 0 for a case.
	authority Kind
	// repeatable is set for the full citations that a short form may
	// repeat whole: public-domain and database citations, which have no
	// "volume reporter at pin" form ("Ward, 2020 IL 124981, ¶ 20"), and
	// citations whose pin follows "at" ("Griswold, 381 U.S. 479 at 485").
	repeatable bool
	// dated is set when a court-and-year parenthetical followed the
	// citation: a full citation repeated without one is a short form.
	dated bool
	// order is set for subsequent history that cites an order without
	// opinion ("cert. denied, 501 U.S. 1201"): a page of orders holds many
	// cases' orders, so the page alone tells no case (see TargetName).
	order bool
	// history is set for a citation of the subsequent history of the full
	// citation before it ("rev'd, 300 U.S. 352", "cert. denied, …").
	history bool
}

// IsCase reports whether the citation refers to a case (as opposed to a
// statute, legislative material, a secondary source or the record).
func (c *Citation) IsCase() bool { return c.Authority() == Full }

// Authority returns the kind of authority the citation refers to: Full for
// a case, otherwise Law, Legislative, Secondary or RecordCite (for an
// Id. or a supra, the kind of the citation it repeats).
func (c *Citation) Authority() Kind {
	switch {
	case c.authority != 0:
		return c.authority
	case c.Kind.IsAuthority():
		return c.Kind
	}
	return Full
}

// Resolved reports whether the citation has a target.
func (c *Citation) Resolved() bool { return !c.Target.IsZero() }
