package extract_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
)

// brief renders the fields a test cares about in one comparable line.
func brief(c extract.Citation) string {
	ref := c.Target
	if !c.Resolved() {
		ref = c.Ref
	}
	s := fmt.Sprintf("%s %s", c.Kind, ref)
	if c.Pin != "" {
		s += " pin=" + c.Pin
	}
	if !c.Resolved() {
		s += " unresolved"
	}
	return s
}

func briefs(text string) []string {
	var out []string
	for _, c := range extract.Extract(text) {
		out = append(out, brief(c))
	}
	return out
}

func TestForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"full with court and pin range",
			"Goldstein v. Long Beach, 481 F. 3d 1170, 1171–1172 (CA9 2007).",
			[]string{"full 481 F.3d 1170 pin=1171–1172"}},
		{"pin list",
			"Kalina v. Fletcher, 522 U. S. 118, 127, 130 (1997).",
			[]string{"full 522 U.S. 118 pin=127, 130"}},
		{"nominative reporter",
			"Marbury v. Madison, 5 U.S. (1 Cranch) 137, 177 (1803).",
			[]string{"full 5 U.S. 137 pin=177"}},
		{"star pins in short forms",
			// A database citation's short form repeats it whole, with a short name (Bluebook 10.9).
			"Doe v. Roe, 2020 WL 1234567 (N.D. Cal. 2020). Id. at *4. Doe, 2020 WL 1234567, at *5.",
			[]string{"full 2020 WL 1234567", "id 2020 WL 1234567 pin=*4", "short 2020 WL 1234567 pin=*5"}},
		{"westlaw with star pin",
			"Doe v. Roe, 2020 WL 1234567, at *3 (N.D. Cal. 2020).",
			[]string{"full 2020 WL 1234567 pin=*3"}},
		{"blank slip pages",
			"Smith v. Jones, 600 U.S. ___, ___ (2023).",
			[]string{"full 600 U.S. ___ pin=___"}},
		{"parallel citations are one case",
			"Miranda v. Arizona, 384 U.S. 436, 444, 86 S. Ct. 1602, 16 L. Ed. 2d 694 (1966).",
			[]string{"full 384 U.S. 436 pin=444"}},
		{"short forms with and without comma",
			"Harlow v. Fitzgerald, 457 U.S. 800 (1982). Harlow, 457 U.S. at 819. See 457 U. S., at 818.",
			[]string{"full 457 U.S. 800", "short 457 U.S. 800 pin=819", "short 457 U.S. 800 pin=818"}},
		{"short cite through a parallel reporter",
			"Miranda v. Arizona, 384 U.S. 436, 86 S. Ct. 1602 (1966). Miranda, 86 S. Ct., at 1612.",
			[]string{"full 384 U.S. 436", "short 384 U.S. 436 pin=1612"}},
		{"supra by either party",
			"Anderson v. Liberty Lobby, Inc., 477 U.S. 242 (1986). Liberty Lobby, supra, at 248. Anderson, supra.",
			[]string{"full 477 U.S. 242", "supra 477 U.S. 242 pin=248", "supra 477 U.S. 242"}},
		{"id forms and footnotes",
			"Chevron U.S.A. Inc. v. NRDC, 467 U.S. 837 (1984). See id. at 843 n.9. Id., at 844, nn. 4-5. Id. at 842-43.",
			[]string{"full 467 U.S. 837", "id 467 U.S. 837 pin=843 n.9", "id 467 U.S. 837 pin=844 nn.4-5", "id 467 U.S. 837 pin=842-43"}},
		{"ibid keeps the pin",
			"Gregoire v. Biddle, 177 F. 2d 579, 581 (CA2 1949). Ibid. See also ibid.",
			[]string{"full 177 F.2d 579 pin=581", "id 177 F.2d 579 pin=581", "id 177 F.2d 579 pin=581"}},
		{"parenthetical authority is not an antecedent",
			"Iqbal v. Ashcroft, 556 U.S. 662, 678 (2009) (quoting Twombly, 550 U.S. at 570). Id. at 679.",
			[]string{"full 556 U.S. 662 pin=678", "short 550 U.S. pin=570 unresolved", "id 556 U.S. 662 pin=679"}},
		{"id after a statute means the statute; with a section of its own, that section",
			"Suits lie under 42 U.S.C. § 1983. Id. Fees: id. § 1988. Id. at 5. Costs: 28 U.S.C. § 1920(2); see id. § 1821(b).",
			[]string{"law 42 U.S.C. § 1983", "id 42 U.S.C. § 1983", "id 42 U.S.C. § 1988", "id 42 U.S.C. § 1988 pin=5",
				"law 28 U.S.C. § 1920(2)", "id 28 U.S.C. § 1821(b)"}},
		{"statutes without a title",
			"claims under Rev. Stat. §1979, 42 U. S. C. §1983, and 28 U.S.C. § 1291.",
			[]string{"law Rev. Stat. § 1979", "law 42 U.S.C. § 1983", "law 28 U.S.C. § 1291"}},
		{"not citations",
			"Some 500 U.S. citizens came. Part II, supra. It took 5 Or 6 pages. The guard's post at 7 was empty. In 1990 Congress acted; §1983 suits, as the Court held, 319 U.S. at 104, rose.",
			[]string{"short 319 U.S. pin=104 unresolved"}},
		// An Id. after the opinion's reference to its own pages repeats
		// that place: it went to the case cited before.
		{"internal cross-references are authorities an Id. may follow",
			"Imbler v. Pachtman, 424 U.S. 409 (1976). See supra, at 10; infra, at 12; id., at 13. As shown ante, at 5, and post, at 7–8; ibid. Compare supra note 4; ibid. Imbler, supra, at 430.",
			[]string{"full 424 U.S. 409", "internal supra, at pin=10", "internal infra, at pin=12", "id infra, at pin=13",
				"internal ante, at pin=5", "internal post, at pin=7–8", "id post, at pin=7–8",
				"internal supra note pin=4", "id supra note pin=4", "supra 424 U.S. 409 pin=430"}},
		// What looks like them but is not: "post" and "ante" as English,
		// a supra whose name lacks its comma, an article pin after a case,
		// a year before "U.S." and a highway's number.
		{"not internal cross-references",
			"Smith v. Jones, 500 U. S. 100 (1991). The officers arrived post, at 3 a.m., and searched. Id., at 108. The judgment rested ex post, at 12 different points, on the jury. Id., at 109. Doe v. Roe, 600 U.S. 1 (2023). Smith supra, at 104. Id. at 105. In 2004 U.S. 93 was closed.",
			[]string{"full 500 U.S. 100", "id 500 U.S. 100 pin=108", "id 500 U.S. 100 pin=109", "full 600 U.S. 1",
				"supra 500 U.S. 100 pin=104", "id 500 U.S. 100 pin=105"}},
		{"a supra after a named authority is its short form, not the opinion's own place",
			"S. Rep. No. 382, 90th Cong., 1st Sess., 2 (1967). S. Rep. No. 382, supra, at 3. Kaplan, op. cit. supra, at 479. As shown, supra, at 18; id., at 19.",
			[]string{"legislative S. Rep. No. 382, 90th Cong., 1st Sess. pin=2", "legislative S. Rep. No. 382, 90th Cong., 1st Sess.",
				"internal supra, at pin=18", "id supra, at pin=19"}},
		// A supra giving its volume whose name no full citation has
		// (glued words, a dropped first word) is read by volume and pin.
		{"a supra by volume whose name does not match",
			"California Dental Assn. v. American Dental Assn., 23 Cal.3d 346 (1979). California Dental Assn. v. American DentalAssn., supra, 23 Cal.3d at pp. 353-354. National Bellas Hess, Inc. v. Department of Revenue, 386 U.S. 753 (1967). Bellas Hess, supra, 386 U.S. at 762-763.",
			[]string{"full 23 Cal. 3d 346", "supra 23 Cal. 3d 346 pin=353-354", "full 386 U.S. 753", "supra 386 U.S. 753 pin=762-763"}},
		// A name does not run back over a parenthesis and a sentence's end;
		// a short cite's sequel numeral names the case of its volume, a
		// supra's names none (only Milliken I may be cited in full).
		{"a supra after a nickname in parentheses",
			"Williams v. North Carolina, 325 U.S. 226 (1945) (Williams II). In Williams II, supra, at 230, the Court held. Cf. Milliken v. Bradley, 433 U.S. 267 (1977) (Milliken II). Milliken II, 433 U. S., at 280.",
			[]string{"full 325 U.S. 226", "supra  pin=230 unresolved", "full 433 U.S. 267", "short 433 U.S. 267 pin=280"}},
		// A supra whose name fits a case cited in another volume is not
		// the case its volume holds; article pins in every spelling; the
		// opinions of the case named by their authors; California's pages.
		{"supras by volume, article pins, internal references in other styles",
			"Matter of Smith v Jones, 50 NY2d 100 (1980). People v Green, 52 NY2d 200 (1981). Smith, supra, 52 NY2d at 210. " +
				"Brown v. Board, 400 U.S. 100 (1970). See id., Article 16. " +
				"People v. Smith (1979) 23 Cal.3d 300, 305. As discussed ante, at page 4, the trial court erred. (Id. at p. 5.) " +
				"Doe v. Roe, 401 U.S. 1 (1971). Justice Stevens, post, at 3, disagrees. Id., at 4. Part II-A, supra, at 3. Id., at 5. " +
				"Jones v. Superior Court (1985) 40 Cal.3d 100. As the Superior Court supra, at p. 5, observed. " +
				"Milliken v. Bradley, 418 U.S. 717 (1974). Milliken II, supra, at 280.",
			[]string{"full 50 N.Y.2d 100", "full 52 N.Y.2d 200", "supra 52 N.Y.2d pin=210 unresolved",
				"full 400 U.S. 100", "id  pin=art. 16 unresolved",
				"full 23 Cal. 3d 300 pin=305", "internal ante, at pin=4", "id ante, at pin=5",
				"full 401 U.S. 1", "internal post, at pin=3", "id post, at pin=4", "internal supra, at pin=3", "id supra, at pin=5",
				"full 40 Cal. 3d 100", "internal supra, at pin=5",
				"full 418 U.S. 717", "supra  pin=280 unresolved"}},
		// A supra giving a volume of another reporter than the one its
		// name's case is cited in: another case of the name, or a
		// parallel whose page is unknown; never guessed.
		{"a supra by volume in a reporter its name's case is not cited in",
			"In re Marriage of Brown (1976) 15 Cal.3d 838. Brown, supra, 50 NY2d at 105.",
			[]string{"full 15 Cal. 3d 838", "supra 50 N.Y.2d pin=105 unresolved"}},
		{"an article pin after a case, the Supreme Court's spaced U. S. Const.",
			"Cf. Jurek v. Texas, 428 U. S. 262, 272 (1976); id., Art. 37.071(c). Gibbons v. Ogden, 9 Wheat. 1, 189 (1824). Id., Art. IV. U. S. Const., Art. I, § 8, cl. 3. N. Y. Const., art. I, § 6.",
			[]string{"full 428 U.S. 262 pin=272", "id  pin=art. 37.071(c) unresolved", "full 9 Wheat. 1 pin=189", "id  pin=art. IV unresolved",
				"law U. S. Const. Art. I, § 8, cl. 3", "law N. Y. Const. art. I, § 6"}},
		{"codes cited by article, and the record by exhibit",
			"Imbler v. Pachtman, 424 U.S. 409 (1976). La. Code Crim. Proc. Ann., Art. 718 (West 1981); id., Art. 719. Imbler, supra, at 430. Record EX583; see also id., at 2677. Tex. Code Crim. Proc. Ann. art. 38.23(a); id. art. 38.22.",
			[]string{"full 424 U.S. 409", "law La. Code Crim. Proc. Ann. art. 718", "id La. Code Crim. Proc. Ann. art. 719",
				"supra 424 U.S. 409 pin=430", "record Record pin=EX583", "id Record pin=2677",
				"law Tex. Code Crim. Proc. Ann. art. 38.23(a)", "id Tex. Code Crim. Proc. Ann. art. 38.22"}},
		{"the record is an authority an Id. may follow",
			"App. 45. Tr. 112. Id., at 113. Tr. of Oral Arg. 12–13. App. to Pet. for Cert. 45a; Brief for United States as Amicus Curiae 12. Id., at 14.",
			[]string{"record App. pin=45", "record Tr. pin=112", "id Tr. pin=113", "record Tr. of Oral Arg. pin=12–13",
				"record App. to Pet. for Cert. pin=45a", "record Brief for United States as Amicus Curiae pin=12",
				"id Brief for United States as Amicus Curiae pin=14"}},
		{"a misprinted volume is read only when the opinion pins that page of the case elsewhere",
			"Imbler v. Pachtman, 424 U.S. 409, 430 (1976). Id., at 425. Imbler, 425 U. S., at 425. Id., at 426. " +
				"Brown v. Board of Education, 347 U.S. 483, 495 (1954). Brown, 348 U.S., at 500. Brown, 348 U.S., at 495. " +
				"Burns v. Reed, 500 U.S. 478, 486 (1991). Burns, 501 U.S., at 486.",
			[]string{"full 424 U.S. 409 pin=430", "id 424 U.S. 409 pin=425", "short 424 U.S. 409 pin=425", "id 424 U.S. 409 pin=426",
				"full 347 U.S. 483 pin=495", "short 348 U.S. pin=500 unresolved", "short 347 U.S. 483 pin=495",
				"full 500 U.S. 478 pin=486", "short 500 U.S. 478 pin=486"}},
		{"an order cited as history is its case's, and an Id. after it repeats the decision",
			"Smith v. Jones, 900 F.2d 1 (CA9), cert. denied, 501 U.S. 1201 (1991). Id., at 5. 904 F.2d 12 (CA2), cert. dism'd, 501 U.S. 1203 (1991).",
			[]string{"full 900 F.2d 1", "full 501 U.S. 1201", "id 900 F.2d 1 pin=5", "full 904 F.2d 12", "full 501 U.S. 1203"}},
		{"unresolved short form is kept",
			"See 424 U. S., at 430. Id., at 431.",
			[]string{"short 424 U.S. pin=430 unresolved", "id  pin=431 unresolved"}},
		{"same reporter twice is two cases",
			"Brown v. Board of Education, 347 U.S. 483 (1954), 349 U.S. 294 (1955).",
			[]string{"full 347 U.S. 483", "full 349 U.S. 294"}},
		{"a lower court and the Supreme Court are two decisions",
			"Smith v. Jones, 100 F.2d 200, 300 U.S. 1 (1937).",
			[]string{"full 100 F.2d 200", "full 300 U.S. 1"}},
		{"state official and regional reporters are parallel",
			"Holland v. Coca-Cola Bottling Co., 213 Ark. 683, 212 S.W.2d 357 (1948).",
			[]string{"full 213 Ark. 683"}},
		{"early reporters with a comma before the page",
			"Groves v. Slaughter, 15 Peters, 449; McCulloch v. Maryland, 4 Wheat., 316.",
			[]string{"full 15 Pet. 449", "full 4 Wheat. 316"}},
		{"paragraph pins and parallel citations glued to punctuation",
			"State v. Dawson, 2004 WI App 173, ¶7,276 Wis. 2d 418, 688 N.W.2d 12. Brennan v. Jones (Mont.),55 P.2d 697; Shelley v. Kraemer, 1948,334 U.S. 1, 23.",
			[]string{"full 2004 WI App 173 pin=¶ 7", "full 55 P.2d 697", "full 334 U.S. 1 pin=23"}},
		{"a hyphenated public-domain citation as a parallel",
			"Frazier v. Swierkos, 183 Ohio App.3d 77, 2009-Ohio-3394, ¶ 12. Stier v. Park Pontiac, Inc.391 F. Supp. 397, 401.",
			[]string{"full 183 Ohio App. 3d 77", "full 391 F. Supp. 397 pin=401"}},
		{"bare reporter spellings in a citation's shape",
			"Smith v. Jones, 305 Or 331 (1988); State v. X, 194 A 382.",
			[]string{"full 305 Or. 331", "full 194 A. 382"}},
		{"line-end hyphenation and wrapped citations",
			"Gold-\nstein v. Long Beach, 481 F. 3d 1170 (CA9 2007). Gold-\nstein, supra, at \n1171.",
			[]string{"full 481 F.3d 1170", "supra 481 F.3d 1170 pin=1171"}},
		{"non-breaking spaces and curly quotes",
			"“See Imbler v. Pachtman, 424\u00a0U.\u00a0S. 409 (1976).” Imbler’s rule.",
			[]string{"full 424 U.S. 409"}},
		{"star page inside a citation",
			"Imbler v. Pachtman, 424 U. S. *410 409, 430 (1976).",
			[]string{"full 424 U.S. 409 pin=430"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := briefs(tt.text)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestFields(t *testing.T) {
	text := "See Burns v. Reed, 500 U.S. 478, 486 (1991) (collecting cases applying “functional approach” to immunity); Kalina v. Fletcher, 522 U. S. 118 (1997). Cf. Gregoire v. Biddle, 177 F.2d 579 (2d Cir. 1949). But see Smith v. Jones, 1 S.W.3d 2 (Tex. Crim. App. 1999)."
	cs := extract.Extract(text)
	if len(cs) != 4 {
		t.Fatalf("got %d citations, want 4", len(cs))
	}
	b := cs[0]
	if b.CaseName != "Burns v. Reed" || b.Plaintiff != "Burns" || b.Defendant != "Reed" {
		t.Errorf("name: %q (%q v. %q)", b.CaseName, b.Plaintiff, b.Defendant)
	}
	if b.Signal != "See" || b.Year != 1991 || b.Court != "scotus" {
		t.Errorf("signal/year/court: %q %d %q", b.Signal, b.Year, b.Court)
	}
	if b.Parenthetical != "collecting cases applying “functional approach” to immunity" {
		t.Errorf("parenthetical: %q", b.Parenthetical)
	}
	if b.Text != "Burns v. Reed, 500 U.S. 478, 486 (1991)" {
		t.Errorf("text: %q", b.Text)
	}
	if cs[1].Signal != "See" {
		t.Errorf("a string citation keeps its signal: got %q", cs[1].Signal)
	}
	if cs[2].Signal != "Cf." || cs[2].Court != "2d Cir." || cs[2].Year != 1949 {
		t.Errorf("Gregoire: %q %q %d", cs[2].Signal, cs[2].Court, cs[2].Year)
	}
	if cs[3].Signal != "But see" || cs[3].Court != "Tex. Crim. App." {
		t.Errorf("Smith: %q %q", cs[3].Signal, cs[3].Court)
	}
	for i, want := range []string{"scotus", "scotus", "ca2", "texcrimapp"} {
		if cs[i].CourtID != want {
			t.Errorf("%q: court id %q, want %q", cs[i].Text, cs[i].CourtID, want)
		}
	}
	// A district court reporter's parenthetical names the district, even
	// by the state alone.
	for text, want := range map[string]string{
		"Doe v. Roe, 750 F. Supp. 100 (Mass. 1990).":    "mad",
		"Doe v. Roe, 750 F. Supp. 100 (S.D.N.Y. 1990).": "nysd",
		"Doe v. Roe, 750 F. Supp. 100 (1990).":          "",
		"Doe v. Roe, 50 Mass. 100 (1845).":              "mass",
	} {
		cs := extract.Extract(text)
		if len(cs) != 1 {
			t.Errorf("%q: %d citations, want 1", text, len(cs))
		} else if cs[0].CourtID != want {
			t.Errorf("%q: court id %q, want %q", text, cs[0].CourtID, want)
		}
	}
}

func TestSuspectPin(t *testing.T) {
	cs := extract.Extract("Imbler v. Pachtman, 424 U.S. 409 (1976). Id. at 12. Imbler, 424 U.S., at 1430.")
	if len(cs) != 3 {
		t.Fatalf("got %d citations", len(cs))
	}
	for _, c := range cs[1:] {
		if c.Target.String() != "424 U.S. 409" || c.Warning == "" {
			t.Errorf("%q: target %q warning %q; want a resolved, suspect citation", c.Text, c.Target, c.Warning)
		}
	}
	if cs[0].Warning != "" {
		t.Errorf("full citation warned: %q", cs[0].Warning)
	}
	// A pin counts in the reporter the short form names, and an Id. after
	// it counts in the same: 1610 and 1605 are pages of 86 S. Ct. 1602,
	// 9999 is no page of it.
	cs = extract.Extract("Miranda v. Arizona, 384 U.S. 436, 86 S. Ct. 1602 (1966). 86 S. Ct., at 1610. Id., at 9999. Id. at 1605.")
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%s %v %q", c.Target, c.Suspect, c.Warning))
	}
	want := []string{`384 U.S. 436 false ""`, `384 U.S. 436 false ""`,
		`384 U.S. 436 true "pin 9999 is outside the pages of 86 S. Ct. 1602"`, `384 U.S. 436 false ""`}
	if !slices.Equal(got, want) {
		t.Errorf("pins through a parallel reporter:\n got %q\nwant %q", got, want)
	}
}

// TestSupraNameMatchedInPart checks a supra whose name, as read, runs
// before the name of the case it cites: it resolves by the words that
// match, which become its CaseName; its Text keeps what was read.
func TestSupraNameMatchedInPart(t *testing.T) {
	cs := extract.Extract("West River Bridge Co. v. Dix, 47 U.S. 507 (1848). Compare Charles River Bridge and the West River Bridge, supra, at 520.")
	if len(cs) != 2 {
		t.Fatalf("got %d citations, want 2", len(cs))
	}
	c := cs[1]
	if c.Kind != extract.Supra || c.Target.String() != "47 U.S. 507" || c.CaseName != "West River Bridge" ||
		c.Text != "Charles River Bridge and the West River Bridge, supra, at 520" || c.Pin != "520" {
		t.Errorf("got %s %q to %q named %q pin %q", c.Kind, c.Text, c.Target, c.CaseName, c.Pin)
	}
}

// TestEveryPrefix extracts every prefix of texts that hold each form of
// citation: a text (or a footnote, read as a text of its own) may end
// anywhere, right after a page, a dash or a section sign. "App. 45" at the
// end of a text once read past it.
func TestEveryPrefix(t *testing.T) {
	for _, text := range []string{
		"Imbler v. Pachtman, 424 U. S. 409, 430–431 (1976); id., at 431, n. 33. Ibid. Imbler, supra, at 420.",
		"App. 45–46; Tr. of Oral Arg. 12; Brief for Petitioner 3, 5; Compl. ¶ 40; Fed. R. Evid. 403; U.S. Const., Amdt. 14, § 1.",
		"42 U. S. C. §1983; Rev. Stat. §1979. Id. § 1988(b). 90 Harv. L. Rev. 1, 5 (1976). Id. at 7",
		"Ghirardo v. Antonioli (1994) 8 Cal.4th 791, 799 [35 Cal.Rptr.2d 418]. Ghirardo, supra, 8 Cal.4th at pp. 800-801",
		"Doe v. Roe, 2020 WL 1234567, at *3 (N.D. Cal. 2020); 2008-Ohio-1234, ¶ 7; 600 U.S. ___, ___ (slip op., at 12)",
	} {
		for i := range len(text) + 1 {
			for _, c := range extract.Extract(text[:i]) {
				if c.End > i {
					t.Fatalf("%q: citation %q ends at %d, past the text", text[:i], c.Text, c.End)
				}
			}
		}
	}
}

// TestOffsets checks that every citation's offsets point at its text in
// the original input, whatever the input's spacing and encoding.
func TestOffsets(t *testing.T) {
	text := "x\u00a0\u2009See Imbler v. Pachtman, 424\u00a0U. S.\n409 (1976); id.,\u00a0at 430."
	for _, c := range extract.Extract(text) {
		if c.Start < 0 || c.End > len(text) || text[c.Start:c.End] != c.Text {
			t.Errorf("bad offsets %d-%d for %q", c.Start, c.End, c.Text)
		}
	}
}

func TestParseRef(t *testing.T) {
	for s, want := range map[string]extract.Ref{
		"424 U.S. 409":      {Volume: "424", Reporter: "U.S.", Page: "409"},
		"16 L. Ed. 2d 694":  {Volume: "16", Reporter: "L. Ed. 2d", Page: "694"},
		"2020 WL 1234567":   {Volume: "2020", Reporter: "WL", Page: "1234567"},
		"Rev. Stat. § 1979": {},
		"U.S. 409":          {},
		"42x U.S.C. § 1983": {},
	} {
		got, ok := extract.ParseRef(s)
		if got != want || ok != !want.IsZero() {
			t.Errorf("ParseRef(%q) = %+v, %v; want %+v", s, got, ok, want)
		}
		if ok && got.String() != s {
			t.Errorf("ParseRef(%q).String() = %q", s, got.String())
		}
	}
}

// TestInstrumentsInNotes checks the Id.s of footnotes that cite nothing
// before them but point to an instrument the opinion cites by section,
// printed in a paged source (as Tarrant Regional Water Dist. v. Herrmann
// cites the Red River Compact in the joint appendix): after a bare
// section sign, and after words naming it. A bare section in a note of
// an opinion that cites no instrument so ("Rev. Stat. § 1979" is a code)
// stays unresolved.
func TestInstrumentsInNotes(t *testing.T) {
	for _, tc := range []struct {
		text  string
		notes []string
		want  []string
	}{{
		text: "The States share the river. Smith v. Jones, 500 U.S. 1, 4 (1991).1 Each may store water. See Reclamation Compact §4.02(a), id., at 33; §4.03(b), id., at 34.2 The duty is plain.3\n" +
			"1 The Compact defines “stored water” as water held behind a dam. §2.01(c), id., at 31.\n" +
			"2 Under §3.10 of the Compact each State keeps “the right to regulate.” Id., at 32.\n" +
			"3 See Smith, 500 U.S., at 5. Id., at 6.\n",
		notes: []string{"1 The Compact", "2 Under", "3 See Smith"},
		want: []string{
			`full 500 U.S. 1 pin=4 name="Smith v. Jones" court=scotus year=1991`,
			`law Reclamation Compact § 4.02(a)`,
			`id Reclamation Compact § 4.02(a) pin=33`,
			`id Reclamation Compact § 4.03(b) pin=34`,
			`id Reclamation Compact § 2.01(c) pin=31`,
			`id Reclamation Compact § 3.10 pin=32`,
			`short 500 U.S. 1 pin=5 name="Smith"`,
			`id 500 U.S. 1 pin=6`,
		},
	}, {
		text: "Section 1 became Rev. Stat. § 1979. Monroe v. Pape, 365 U.S. 167, 171 (1961).1\n" +
			"1 Mr. Shellabarger proposed the amendment to § 2, id., at 477.\n",
		notes: []string{"1 Mr."},
		want: []string{
			`law Rev. Stat. § 1979`,
			`full 365 U.S. 167 pin=171 name="Monroe v. Pape" court=scotus year=1961`,
			`id  pin=477 unresolved`,
		},
	}, {
		// A code cited by title and section has no pages: a note naming it
		// does not lead a paged Id. there.
		text: "Cal. Penal Code § 1054.1 requires disclosure. Giglio v. United States, 405 U.S. 150 (1972).1\n" +
			"1 Nothing in the Code bears on that promise. Id., at 154.\n",
		notes: []string{"1 Nothing"},
		want: []string{
			`law Cal. Penal Code § 1054.1`,
			`full 405 U.S. 150 name="Giglio v. United States" court=scotus year=1972`,
			`id  pin=154 unresolved`,
		},
	}} {
		var notes []extract.Note
		for _, n := range tc.notes {
			i := strings.Index(tc.text, "\n"+n) + 1
			notes = append(notes, extract.Note{Start: i, End: i + strings.IndexByte(tc.text[i:], '\n'), Mark: -1})
		}
		cs, err := extract.New(nil).ExtractLayout(tc.text, extract.Layout{Notes: notes})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, describe(c))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
		}
	}
}

// TestFootnotes reads a text whose footnotes are printed in the midst of
// the running text, as at the foot of a PDF page: a citation and the Id.
// chain of the running text go on across the footnote, and each
// footnote is a run of its own.
func TestFootnotes(t *testing.T) {
	const text = "The rule is old. Imbler v. Pacht-\n" +
		"1 Howard, 100 F.3d at 53. Id., at 54.\n" +
		"2 Id., at 7.\n" +
		"man, 424 U.S. 409, 430 (1976). It holds. Id., at 431.\n" +
		"3 See Burns v. Reed, 500 U.S. 478, 486 (1991); id., at 487.\n" +
		"Id., at 432."
	notes := []extract.Note{}
	for _, n := range []string{"1 Howard, 100 F.3d at 53. Id., at 54.", "2 Id., at 7.", "3 See Burns v. Reed, 500 U.S. 478, 486 (1991); id., at 487."} {
		i := strings.Index(text, n)
		notes = append(notes, extract.Note{Start: i, End: i + len(n), Mark: -1})
	}
	cs, err := extract.New(nil).ExtractLayout(text, extract.Layout{Notes: notes})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, describe(c))
	}
	want := []string{
		`full 424 U.S. 409 pin=430 name="Imbler v. Pachtman" court=scotus year=1976`,
		`short 100 F.3d pin=53 name="Howard" unresolved`,
		`id  pin=54 unresolved`,
		`id  pin=7 unresolved`,
		`id 424 U.S. 409 pin=431`,
		`full 500 U.S. 478 pin=486 name="Burns v. Reed" court=scotus year=1991`,
		`id 500 U.S. 478 pin=487`,
		`id 424 U.S. 409 pin=432`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if cs[0].Line != 1 || cs[len(cs)-1].Line != 6 {
		t.Errorf("lines %d and %d, want 1 and 6", cs[0].Line, cs[len(cs)-1].Line)
	}
	for _, c := range cs {
		if strings.Contains(c.Text, "Howard") && c.Kind == extract.Full {
			t.Errorf("a footnote leaked into %q", c.Text)
		}
	}
}
