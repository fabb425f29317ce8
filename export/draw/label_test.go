package draw

import "testing"

func TestShortName(t *testing.T) {
	for in, want := range map[string]string{
		"JOHN VAN DE KAMP, et al., Petitioners v. THOMAS LEE GOLDSTEIN": "John Van de Kamp v. Thomas Lee Goldstein",
		"Imbler v. Pachtman": "Imbler v. Pachtman",
		"UNITED STATES v. NIXON, PRESIDENT OF THE UNITED STATES": "United States v. Nixon",
		"NLRB v. JONES & LAUGHLIN STEEL CORP.":                   "NLRB v. Jones & Laughlin Steel Corp.",
		"Goldstein v. City of Long Beach et al.":                 "Goldstein v. City of Long Beach",
		"In re Gault":                                            "In re Gault",
		"  Brady   v.\n Maryland ":                               "Brady v. Maryland",
		"Board of Education of Independent School District No. 92 of Pottawatomie County v. Earls": "Board of Education of Independent School District No. 92 of Pottawatomie…",
		"": "",
	} {
		if got := ShortName(in); got != want {
			t.Errorf("ShortName(%q) = %q, want %q", in, got, want)
		}
	}
}
