package graph

import "testing"

// Captions as CourtListener, CAP and state sources give them, against the
// short case names the graph keeps.
func TestShortCaseName(t *testing.T) {
	for in, want := range map[string]string{
		"GIBBONS, Appellant, v. OGDEN, Respondent":                                                 "Gibbons v. Ogden",
		"GOLDMAN v. UNITED STATES (two cases). SHULMAN v. SAME":                                    "Goldman v. United States",
		"GOLDMAN v. UNITED STATES.[*]":                                                             "Goldman v. United States",
		"BROWN and Others, Plaintiffs in Error, against The STATE OF MARYLAND, Defendant in Error": "Brown v. The State of Maryland",
		"GUARANTY TRUST CO. OF NEW YORK v. YORK":                                                   "Guaranty Trust Co. of New York v. York",
		"NLRB v. JONES & LAUGHLIN STEEL CORP.":                                                     "NLRB v. Jones & Laughlin Steel Corp.",
		"Choctaw, O. & G. R. Co. v. Harrison":                                                      "Choctaw, O. & G. R. Co. v. Harrison",
		"Goldstein, et al. v. City of Long Beach, a municipal corporation":                         "Goldstein v. City of Long Beach",
		"In re Gault":        "In re Gault",
		"Imbler v. Pachtman": "Imbler v. Pachtman",
		"UNITED STATES v. NIXON, PRESIDENT OF THE UNITED STATES":                                   "United States v. Nixon",
		"Board of Education of Independent School District No. 92 of Pottawatomie County v. Earls": "Board of Education of Independent School District No. 92 of Pottawatomie…",
		"": "",
		// A party with nothing but punctuation or a role left.
		"Smith v. , r":          "Smith",
		"Smith v. , Respondent": "Smith",
	} {
		if got := ShortCaseName(in); got != want {
			t.Errorf("ShortCaseName(%q) = %q, want %q", in, got, want)
		}
		if got := ShortCaseName(ShortCaseName(in)); got != ShortCaseName(in) {
			t.Errorf("ShortCaseName is not idempotent on %q: %q", in, got)
		}
	}
}

func TestShortCaseNameKeepsAbbreviations(t *testing.T) {
	for in, want := range map[string]string{
		"Department of Homeland Security v. Regents of Univ. of Cal.": "Department of Homeland Security v. Regents of Univ. of Cal.",
		"SMITH v. JONES. DOE v. ROE":                                  "Smith v. Jones",
	} {
		if got := ShortCaseName(in); got != want {
			t.Errorf("ShortCaseName(%q) = %q, want %q", in, got, want)
		}
	}
}
