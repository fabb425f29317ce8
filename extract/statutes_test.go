package extract_test

import (
	"slices"
	"testing"

	"github.com/citegraph/citegraph/extract"
)

// A section number is the whole designation, whatever dash, colon or
// slash it is written with, and the same section is one target however
// its dashes are printed.
func TestStatuteSectionsWhole(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"en dashes of a slip opinion (Thompson v. Hebdon)",
			"See Conn. Gen. Stat. §9–611(a)(5) (2019); Kan. Stat. Ann. §25–4153(a)(2) (2018).",
			[]string{"law Conn. Gen. Stat. § 9-611(a)(5)", "law Kan. Stat. Ann. § 25-4153(a)(2)"}},
		{"a line broken after the dash",
			"Conn. Gen. Stat. §§9–\n611(a)(1); Tenn. Code Ann. § 39–13–\n202(a)(1).",
			[]string{"law Conn. Gen. Stat. § 9-611(a)(1)", "law Tenn. Code Ann. § 39-13-202(a)(1)"}},
		{"em dash and non-breaking hyphen",
			"Ga. Code Ann. § 16—5—1 (2019); Ind. Code § 35‑42‑1‑1.",
			[]string{"law Ga. Code Ann. § 16-5-1", "law Ind. Code § 35-42-1-1"}},
		{"Illinois's act and section, and Id. in the same act",
			"The statute, 720 ILCS 5/9-1(a) (West 2016), defines murder. Id. § 9-2. See 735 ILCS 5/2-1401.",
			[]string{"law 720 ILCS § 5/9-1(a)", "id 720 ILCS § 5/9-2", "law 735 ILCS § 5/2-1401"}},
		{"Illinois's codes cited by chapter",
			"Ill. Comp. Stat., ch. 720, § 5/9-1 (West 2002). Ill. Rev. Stat., c. 46, § 10-3 (1967). Ill. Rev. Stat. 1985, ch. 110, ¶ 2-1401.",
			[]string{"law 720 ILCS § 5/9-1", "law 46 Ill. Rev. Stat. § 10-3", "law 110 Ill. Rev. Stat. ¶ 2-1401"}},
		{"colons of New Jersey, Louisiana and Virginia",
			"N.J. Stat. Ann. § 2C:11-3 (West 2015); La. Rev. Stat. Ann. § 14:30.1; Va. Code Ann. § 36-96.1:1.",
			[]string{"law N.J. Stat. Ann. § 2C:11-3", "law La. Rev. Stat. Ann. § 14:30.1", "law Va. Code Ann. § 36-96.1:1"}},
		{"every section of a list",
			"42 U.S.C. §§ 2000e-2(a), 2000e-3(a). Id. 28 C.F.R. §§ 540.70 and 540.71.",
			[]string{"law 42 U.S.C. § 2000e-2(a)", "law 42 U.S.C. § 2000e-3(a)", "id 42 U.S.C. § 2000e-3(a)",
				"law 28 C.F.R. § 540.70", "law 28 C.F.R. § 540.71"}},
		{"a range is cited by its first section",
			"Tenn. Code Ann. §§ 39-13-101 to -103; 42 U.S.C. §§ 1981 through 1983, 18 U.S.C. § 242.",
			[]string{"law Tenn. Code Ann. § 39-13-101", "law 42 U.S.C. § 1981", "law 18 U.S.C. § 242"}},
		{"a list ends at what is not a section",
			"42 U.S.C. §§ 1983, 1985, 8 percent of the claims.",
			[]string{"law 42 U.S.C. § 1983", "law 42 U.S.C. § 1985"}},
		{"the ASCII forms as before",
			"42 U.S.C. § 2000e-2(a); 15 U.S.C. § 78j-1; Conn. Gen. Stat. § 9-611(a)(5).",
			[]string{"law 42 U.S.C. § 2000e-2(a)", "law 15 U.S.C. § 78j-1", "law Conn. Gen. Stat. § 9-611(a)(5)"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range extract.Extract(tt.text) {
			got = append(got, c.Kind.String()+" "+c.Target.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got  %q\n want %q", tt.name, got, tt.want)
		}
	}
}

// A code's name the table knows only the end of ("Rev. Stat." in "Neb.
// Rev. Stat.", "Va. Code" in "W. Va. Code") is another jurisdiction's
// code, never the one the table knows.
func TestStatuteOfAnotherJurisdiction(t *testing.T) {
	for _, text := range []string{
		"Neb. Rev. Stat. § 86-328 (1966).",
		"W. Va. Code § 23-4-15 (2005).",
		"Terr. of Minn. Rev. Stat., ch. 100, §§10, 11 (1851).",
	} {
		for _, c := range extract.Extract(text) {
			if r := c.Target.Reporter; r == "Rev. Stat." || r == "Va. Code Ann." {
				t.Errorf("%q: cited as %s", text, c.Target)
			}
		}
	}
}
